// The file browser: granted locations, folder listings, object details, download links, deletes.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';

export const FileLocation = z.object({
  connectionId: z.uuid(),
  connectionName: z.string(),
  bucket: z.string(),
  prefix: z.string(),
});
export const FileLocations = z
  .object({ items: z.array(FileLocation) })
  .meta({ id: 'FileLocations' });
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
  .meta({ id: 'FileListing' });
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
  .meta({ id: 'ObjectDetails' });
export type ObjectDetails = z.infer<typeof ObjectDetails>;

export const DownloadLink = z
  .object({ url: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'DownloadLink' });

export const DeleteObjectsRequest = z.object({
  connectionId: z.uuid(),
  bucket: BucketName,
  keys: z.array(z.string().min(1).max(1024)).min(1).max(1000),
});
export const DeleteObjectsResult = z
  .object({
    deleted: z.array(z.string()),
    errors: z.array(z.object({ key: z.string(), message: z.string() })),
  })
  .meta({ id: 'DeleteObjectsResult' });
