// Wire shapes of Uppy's Companion S3 protocol (read from @uppy/aws-s3 6.x `CompanionS3`, plus
// the batch route of v4/v5), served by our API so an unmodified Uppy client can upload through it.
// The destination travels in the file's Uppy metadata: connectionId, bucket, prefix.
import { z } from 'zod';
import { ContentType } from './uploads.js';

/** Uppy sends `''` for a file whose type the browser does not know. */
const UppyFileType = z.union([z.literal(''), ContentType]).optional();

export const UppyParamsQuery = z
  .object({ filename: z.string().min(1).max(1024), type: UppyFileType })
  .loose()
  .describe('Other keys: `metadata[name]=value`');

export const UppyParamsResponse = z
  .object({
    method: z.literal('POST'),
    url: z.string(),
    fields: z.record(z.string(), z.string()),
  })
  .meta({ id: 'UppyParams' });

export const UppyCreateMultipartRequest = z.object({
  filename: z.string().min(1).max(1024),
  type: UppyFileType,
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export const UppyCreateMultipartResponse = z
  .object({ key: z.string(), uploadId: z.string(), bucket: z.string() })
  .meta({ id: 'UppyMultipart' });

export const UppyKeyQuery = z.object({ key: z.string().min(1).max(1024) });

export const UppyBatchQuery = UppyKeyQuery.extend({
  partNumbers: z
    .string()
    .regex(/^\d+(,\d+){0,99}$/, 'Up to 100 comma-separated part numbers')
    .transform((value) => value.split(',').map(Number)),
});

export const UppySignedPart = z.object({ url: z.string(), expires: z.number() });

export const UppyBatchResponse = z.object({
  presignedUrls: z.record(z.string(), z.string()),
});

export const UppyPartList = z.array(
  z.object({ PartNumber: z.number(), ETag: z.string(), Size: z.number() }),
);

export const UppyCompleteRequest = z.object({
  parts: z
    .array(z.object({ PartNumber: z.number().int().min(1).max(10_000), ETag: z.string().min(1) }))
    .min(1)
    .max(10_000),
});

export const UppyCompleteResponse = z.object({
  location: z.string(),
  bucket: z.string(),
  key: z.string(),
});
