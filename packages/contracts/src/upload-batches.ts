// Many small files in few calls: create up to 100 single-PUT uploads and get their URLs in one
// call, and complete up to 100 in one call. Each item succeeds or fails on its own.
import { z } from 'zod';
import { ErrorCode } from './errors.js';
import { CreateUploadRequest, UploadView } from './uploads.js';

export const MAX_UPLOADS_PER_BATCH = 100;

const ItemError = z.object({
  status: z.number().int(),
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  detail: z.string().optional(),
});

const at = { connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab', bucket: 'team-media' };
const smallUpload = {
  id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  ...at,
  key: 'photos/beach.jpg',
  size: 2_483_117,
  contentType: 'image/jpeg',
  lastModified: null,
  mode: 'single' as const,
  partSize: 2_483_117,
  partCount: 1,
  state: 'in_progress' as const,
  etag: null,
  error: null,
  createdAt: '2026-03-02T16:00:00.000Z',
  updatedAt: '2026-03-02T16:00:00.000Z',
  completedAt: null,
  expiresAt: '2026-03-03T16:00:00.000Z',
};
const denied = {
  status: 403,
  code: ErrorCode.GRANT_DENIED,
  detail: 'You have no "write" grant for team-media/private/notes.txt.',
};

export const CreateUploadBatchRequest = z
  .object({ items: z.array(CreateUploadRequest).min(1).max(MAX_UPLOADS_PER_BATCH) })
  .meta({
    examples: [
      {
        items: [
          { ...at, key: 'photos/beach.jpg', size: 2_483_117, contentType: 'image/jpeg' },
          { ...at, key: 'private/notes.txt', size: 812, contentType: 'text/plain' },
        ],
      },
    ],
  });
export type CreateUploadBatchRequest = z.input<typeof CreateUploadBatchRequest>;

export const CreatedSmallUpload = z.object({
  ok: z.literal(true),
  upload: UploadView,
  url: z.string().describe('The presigned single PUT for the whole file'),
  headers: z
    .record(z.string(), z.string())
    .describe('Headers the PUT must carry exactly as given (they are signed)'),
  expiresAt: z.iso.datetime(),
});

export const CreateUploadBatchResponse = z
  .object({
    items: z.array(
      z.discriminatedUnion('ok', [
        CreatedSmallUpload,
        z.object({ ok: z.literal(false), error: ItemError }),
      ]),
    ),
  })
  .meta({
    id: 'UploadBatch',
    examples: [
      {
        items: [
          {
            ok: true as const,
            upload: smallUpload,
            url: 'https://team-media.s3.eu-west-1.amazonaws.com/photos/beach.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=…',
            headers: { 'content-type': 'image/jpeg' },
            expiresAt: '2026-03-02T17:00:00.000Z',
          },
          { ok: false as const, error: denied },
        ],
      },
    ],
  });
export type CreateUploadBatchResponse = z.infer<typeof CreateUploadBatchResponse>;

export const CompleteUploadBatchRequest = z
  .object({
    items: z
      .array(z.object({ id: z.uuid(), etag: z.string().min(1).max(1024) }))
      .min(1)
      .max(MAX_UPLOADS_PER_BATCH),
  })
  .meta({
    examples: [
      {
        items: [
          {
            id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
            etag: '"5d41402abc4b2a76b9719d911017c592"',
          },
        ],
      },
    ],
  });
export type CompleteUploadBatchRequest = z.infer<typeof CompleteUploadBatchRequest>;

export const CompleteUploadBatchResponse = z
  .object({
    items: z.array(
      z.discriminatedUnion('ok', [
        z.object({ ok: z.literal(true), upload: UploadView }),
        z.object({ ok: z.literal(false), id: z.uuid(), error: ItemError }),
      ]),
    ),
  })
  .meta({
    id: 'UploadBatchCompletion',
    examples: [
      {
        items: [
          {
            ok: true as const,
            upload: {
              ...smallUpload,
              state: 'completed' as const,
              etag: '"5d41402abc4b2a76b9719d911017c592"',
              completedAt: '2026-03-02T16:00:05.000Z',
            },
          },
        ],
      },
    ],
  });
export type CompleteUploadBatchResponse = z.infer<typeof CompleteUploadBatchResponse>;
