// Everyday file operations: move/rename/copy, folder deletes (both as jobs for folders), tags,
// user metadata, object versions and short-lived preview links.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';

const Key = z.string().min(1).max(1024);
const Location = { connectionId: z.uuid(), bucket: BucketName };

const operationExample = {
  id: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
  kind: 'move' as const,
  status: 'running' as const,
  connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
  bucket: 'team-media',
  source: 'projects/launch/',
  target: 'archive/2026/launch/',
  totalObjects: 1_240,
  totalBytes: 52_428_800_000,
  doneObjects: 310,
  doneBytes: 13_107_200_000,
  failures: [],
  failedObjects: 0,
  error: null,
  createdAt: '2026-03-02T16:10:00.000Z',
  finishedAt: null,
};
const at = { connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab', bucket: 'team-media' };

export const MoveRequest = z
  .object({
    ...Location,
    from: Key.describe("An object key, or a folder prefix ending in '/' (then `to` ends in '/')"),
    to: Key.describe('The new key (or folder prefix) in the same bucket'),
    copy: z.boolean().default(false).describe('Keep the source (copy instead of move)'),
    overwrite: z
      .boolean()
      .default(false)
      .describe('Replace objects that already exist at the target (needs delete there)'),
  })
  .refine((body) => body.from.endsWith('/') === body.to.endsWith('/'), {
    message: "A folder moves to a folder: both end in '/', or neither does",
    path: ['to'],
  })
  .refine((body) => body.from !== body.to, {
    message: 'The target is the source',
    path: ['to'],
  })
  .refine((body) => !(body.from.endsWith('/') && body.to.startsWith(body.from)), {
    message: 'A folder cannot move into itself',
    path: ['to'],
  })
  .meta({
    examples: [
      { ...at, from: 'inbox/report.pdf', to: 'reports/2026/report.pdf' },
      { ...at, from: 'projects/launch/', to: 'archive/2026/launch/', copy: false },
    ],
  });
export type MoveRequest = z.input<typeof MoveRequest>;

export const FileOperationKind = z.enum(['move', 'copy', 'delete']);
export const FileOperationStatus = z.enum(['queued', 'running', 'succeeded', 'partial', 'failed']);

/** A folder move, copy or delete run by the job queue; poll it for progress. */
export const FileOperation = z
  .object({
    id: z.uuid(),
    kind: FileOperationKind,
    status: FileOperationStatus,
    connectionId: z.uuid(),
    bucket: z.string(),
    source: z.string(),
    target: z.string().nullable(),
    totalObjects: z.number().int().nullable().describe('Known once the source was counted'),
    totalBytes: z.number().nullable(),
    doneObjects: z.number().int(),
    doneBytes: z.number(),
    failures: z
      .array(z.object({ key: z.string(), message: z.string() }))
      .describe('Objects that failed (at most 100 listed)'),
    failedObjects: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'FileOperation', examples: [operationExample] });
export type FileOperation = z.infer<typeof FileOperation>;

export const MoveResult = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('object'), key: z.string(), copied: z.boolean() }),
    z.object({ kind: z.literal('folder'), operation: FileOperation }),
  ])
  .meta({
    id: 'MoveResult',
    examples: [
      { kind: 'object' as const, key: 'reports/2026/report.pdf', copied: false },
      {
        kind: 'folder' as const,
        operation: {
          ...operationExample,
          status: 'queued' as const,
          doneObjects: 0,
          doneBytes: 0,
          totalObjects: null,
          totalBytes: null,
        },
      },
    ],
  });
export type MoveResult = z.infer<typeof MoveResult>;

export const FileOperationParams = z.object({ id: z.uuid() });

export const FolderRef = z
  .object({
    ...Location,
    prefix: Key.refine((prefix) => prefix.endsWith('/'), "A folder prefix ends in '/'"),
  })
  .meta({ examples: [{ ...at, prefix: 'projects/launch/' }] });
export type FolderRef = z.infer<typeof FolderRef>;

export const FolderSummary = z
  .object({
    prefix: z.string(),
    objects: z.number().int(),
    bytes: z.number(),
    complete: z.boolean().describe('False when counting stopped at the limit'),
  })
  .meta({
    id: 'FolderSummary',
    examples: [
      { prefix: 'projects/launch/', objects: 1_240, bytes: 52_428_800_000, complete: true },
    ],
  });
export type FolderSummary = z.infer<typeof FolderSummary>;

const TagText = z.string().max(256);
export const PutTagsRequest = z
  .object({
    ...Location,
    key: Key,
    tags: z
      .record(z.string().min(1).max(128), TagText)
      .refine((tags) => Object.keys(tags).length <= 10, 'S3 allows at most 10 tags per object'),
  })
  .meta({
    examples: [
      { ...at, key: 'projects/launch/video-final.mp4', tags: { status: 'final', client: 'acme' } },
    ],
  });
export type PutTagsRequest = z.infer<typeof PutTagsRequest>;
/** The object's tags as stored after a PUT /api/files/tags. */
export const PutTagsResult = z
  .object({ key: z.string(), tags: z.record(z.string(), z.string()) })
  .meta({
    examples: [
      { key: 'projects/launch/video-final.mp4', tags: { status: 'final', client: 'acme' } },
    ],
  });
export type PutTagsResult = z.infer<typeof PutTagsResult>;

const MetadataName = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-z0-9-]+$/, 'Lower-case letters, digits and dashes (sent as x-amz-meta-<name>)');
export const PutMetadataRequest = z
  .object({
    ...Location,
    key: Key,
    metadata: z
      .record(MetadataName, z.string().max(1024))
      .refine(
        (metadata) =>
          Object.entries(metadata).reduce((sum, [k, v]) => sum + k.length + v.length, 0) <= 2048,
        'User metadata is limited to 2 KiB in total',
      ),
  })
  .meta({
    examples: [
      {
        ...at,
        key: 'projects/launch/video-final.mp4',
        metadata: { project: 'launch', camera: 'a' },
      },
    ],
  });
export type PutMetadataRequest = z.infer<typeof PutMetadataRequest>;
/** The object's user metadata as stored after a PUT /api/files/metadata. */
export const PutMetadataResult = z
  .object({ key: z.string(), metadata: z.record(z.string(), z.string()) })
  .meta({
    examples: [
      { key: 'projects/launch/video-final.mp4', metadata: { project: 'launch', camera: 'a' } },
    ],
  });
export type PutMetadataResult = z.infer<typeof PutMetadataResult>;

export const VersionsQuery = z.object({ ...Location, key: Key });

export const ObjectVersion = z.object({
  versionId: z.string(),
  isLatest: z.boolean(),
  deleteMarker: z.boolean(),
  size: z.number().nullable(),
  lastModified: z.iso.datetime().nullable(),
  etag: z.string().nullable(),
});
export type ObjectVersion = z.infer<typeof ObjectVersion>;

export const ObjectVersions = z
  .object({
    key: z.string(),
    versioning: z
      .enum(['enabled', 'suspended', 'off', 'unsupported'])
      .describe("The bucket's versioning state ('unsupported' when the storage cannot say)"),
    versions: z.array(ObjectVersion).describe('Newest first: versions and delete markers'),
  })
  .meta({
    id: 'ObjectVersions',
    examples: [
      {
        key: 'reports/budget.xlsx',
        versioning: 'enabled' as const,
        versions: [
          {
            versionId: '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY',
            isLatest: true,
            deleteMarker: false,
            size: 48_213,
            lastModified: '2026-03-02T11:00:00.000Z',
            etag: '"5d41402abc4b2a76b9719d911017c592"',
          },
          {
            versionId: 'QUpfdndhfd8438MNFDN93jdnJFkdmqnh893',
            isLatest: false,
            deleteMarker: false,
            size: 47_990,
            lastModified: '2026-02-27T09:30:00.000Z',
            etag: '"7d793037a0760186574b0282f2f435e7"',
          },
        ],
      },
    ],
  });
export type ObjectVersions = z.infer<typeof ObjectVersions>;

export const RestoreVersionRequest = z
  .object({ ...Location, key: Key, versionId: z.string() })
  .meta({
    examples: [
      { ...at, key: 'reports/budget.xlsx', versionId: 'QUpfdndhfd8438MNFDN93jdnJFkdmqnh893' },
    ],
  });
export const RestoreVersionResult = z
  .object({ key: z.string(), versionId: z.string().nullable() })
  .meta({
    id: 'RestoreVersionResult',
    examples: [{ key: 'reports/budget.xlsx', versionId: 'L4kqtJlcpXroDTDmpUMLUo' }],
  });

export const PreviewKind = z.enum(['image', 'pdf', 'text', 'audio', 'video', 'none']);
export type PreviewKind = z.infer<typeof PreviewKind>;

export const PreviewUrlRequest = z
  .object({
    ...Location,
    key: Key,
    versionId: z.string().max(1024).optional(),
    disposition: z
      .enum(['inline', 'attachment'])
      .default('inline')
      .describe("'attachment' downloads (e.g. an older version) under the object's name"),
  })
  .meta({ examples: [{ ...at, key: 'reports/summary.pdf' }] });
export type PreviewUrlRequest = z.input<typeof PreviewUrlRequest>;

export const PreviewLink = z
  .object({
    url: z.string(),
    expiresAt: z.iso.datetime(),
    contentType: z.string().describe('What the link answers with (risky types become text/plain)'),
    kind: PreviewKind,
    size: z.number(),
    etag: z.string().nullable(),
  })
  .meta({
    id: 'PreviewLink',
    examples: [
      {
        url: 'https://team-media.s3.eu-west-1.amazonaws.com/reports/summary.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature=…',
        expiresAt: '2026-03-02T16:15:00.000Z',
        contentType: 'application/pdf',
        kind: 'pdf' as const,
        size: 482_113,
        etag: '"0cc175b9c0f1b6a831c399e269772661"',
      },
    ],
  });
export type PreviewLink = z.infer<typeof PreviewLink>;
