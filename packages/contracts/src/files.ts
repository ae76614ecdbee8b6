// The file browser: granted locations, folder listings, object details, download links, deletes.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';

const where = { connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab', bucket: 'team-media' };

export const FileLocation = z.object({
  connectionId: z.uuid(),
  connectionName: z.string(),
  bucket: z.string(),
  prefix: z.string(),
});
export const FileLocations = z.object({ items: z.array(FileLocation) }).meta({
  id: 'FileLocations',
  examples: [
    {
      items: [
        { ...where, connectionName: 'Production (AWS eu-west-1)', prefix: 'projects/' },
        {
          ...where,
          connectionName: 'Production (AWS eu-west-1)',
          bucket: 'team-archive',
          prefix: '',
        },
      ],
    },
  ],
});
export type FileLocation = z.infer<typeof FileLocation>;

export const FileLocationsQuery = z.object({
  action: z
    .enum(['list', 'read', 'write', 'delete'])
    .default('list')
    .describe("Locations where I may do this: 'write' for upload destinations"),
});

export const ListFilesQuery = z.object({
  connectionId: z.uuid(),
  bucket: BucketName,
  prefix: z
    .string()
    .max(1024)
    .default('')
    .describe("Folder to list: '' or ending in '/'; also a search by name start"),
  continuationToken: z.string().max(2048).optional(),
  maxKeys: z.coerce.number().int().min(1).max(1000).default(200),
});

export const FileListing = z
  .object({
    prefix: z.string(),
    folders: z.array(z.object({ prefix: z.string(), name: z.string() })),
    objects: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        size: z.number(),
        lastModified: z.iso.datetime().nullable(),
        etag: z.string().nullable(),
        storageClass: z.string().nullable(),
      }),
    ),
    nextContinuationToken: z.string().nullable(),
  })
  .meta({
    id: 'FileListing',
    examples: [
      {
        prefix: 'projects/launch/',
        folders: [{ prefix: 'projects/launch/drafts/', name: 'drafts' }],
        objects: [
          {
            key: 'projects/launch/video-final.mp4',
            name: 'video-final.mp4',
            size: 1_073_741_824,
            lastModified: '2026-03-02T16:05:00.000Z',
            etag: '"9b2cf535f27731c974343645a3985328-128"',
            storageClass: 'STANDARD',
          },
        ],
        nextContinuationToken: null,
      },
    ],
  });
export type FileListing = z.infer<typeof FileListing>;

export const ObjectRef = z.object({
  connectionId: z.uuid(),
  bucket: BucketName,
  key: z.string().min(1).max(1024),
});
export type ObjectRef = z.infer<typeof ObjectRef>;

/** A download link for one object; its lifetime is chosen up to the admin's maximum. */
export const DownloadLinkRequest = ObjectRef.extend({
  expiresInSeconds: z
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .optional()
    .describe('Lifetime of the link; capped at the maximum the admin set (the default)'),
}).meta({
  examples: [{ ...where, key: 'projects/launch/video-final.mp4', expiresInSeconds: 3600 }],
});
export type DownloadLinkRequest = z.infer<typeof DownloadLinkRequest>;

export const ObjectDetails = z
  .object({
    key: z.string(),
    size: z.number(),
    contentType: z.string().nullable(),
    lastModified: z.iso.datetime().nullable(),
    etag: z.string().nullable(),
    storageClass: z.string().nullable(),
    metadata: z.record(z.string(), z.string()),
    tags: z.record(z.string(), z.string()),
    encryption: z.object({ algorithm: z.string().nullable(), kmsKeyId: z.string().nullable() }),
  })
  .meta({
    id: 'ObjectDetails',
    examples: [
      {
        key: 'projects/launch/video-final.mp4',
        size: 1_073_741_824,
        contentType: 'video/mp4',
        lastModified: '2026-03-02T16:05:00.000Z',
        etag: '"9b2cf535f27731c974343645a3985328-128"',
        storageClass: 'STANDARD',
        metadata: { project: 'launch', camera: 'a' },
        tags: { status: 'final' },
        encryption: { algorithm: 'AES256', kmsKeyId: null },
      },
    ],
  });
export type ObjectDetails = z.infer<typeof ObjectDetails>;

export const DownloadLink = z.object({ url: z.string(), expiresAt: z.iso.datetime() }).meta({
  id: 'DownloadLink',
  examples: [
    {
      url: 'https://team-media.s3.eu-west-1.amazonaws.com/projects/launch/video-final.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature=…',
      expiresAt: '2026-03-02T17:05:00.000Z',
    },
  ],
});

export const DeleteObjectsRequest = z
  .object({
    connectionId: z.uuid(),
    bucket: BucketName,
    keys: z.array(z.string().min(1).max(1024)).min(1).max(1000),
  })
  .meta({ examples: [{ ...where, keys: ['old/report-2024.pdf', 'old/report-2025.pdf'] }] });
export const DeleteObjectsResult = z
  .object({
    deleted: z.array(z.string()),
    errors: z.array(z.object({ key: z.string(), message: z.string() })),
  })
  .meta({
    id: 'DeleteObjectsResult',
    examples: [
      {
        deleted: ['old/report-2024.pdf'],
        errors: [{ key: 'old/report-2025.pdf', message: 'Access Denied' }],
      },
    ],
  });
