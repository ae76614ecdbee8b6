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

export const CreateUploadBatchRequest = z.object({
  items: z.array(CreateUploadRequest).min(1).max(MAX_UPLOADS_PER_BATCH),
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
  .meta({ id: 'UploadBatch' });
export type CreateUploadBatchResponse = z.infer<typeof CreateUploadBatchResponse>;

export const CompleteUploadBatchRequest = z.object({
  items: z
    .array(z.object({ id: z.uuid(), etag: z.string().min(1).max(1024) }))
    .min(1)
    .max(MAX_UPLOADS_PER_BATCH),
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
  .meta({ id: 'UploadBatchCompletion' });
export type CompleteUploadBatchResponse = z.infer<typeof CompleteUploadBatchResponse>;
