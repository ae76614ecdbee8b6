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
  .meta({
    id: 'UppyParams',
    examples: [
      {
        method: 'POST' as const,
        url: 'https://team-media.s3.eu-west-1.amazonaws.com/',
        fields: {
          key: 'inbox/photo.jpg',
          'Content-Type': 'image/jpeg',
          Policy: 'eyJleHBpcmF0aW9uIjoiMjAyNi0wMy0wMlQxNzowMDowMFoifQ==',
          'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
          'X-Amz-Credential': 'AKIAEXAMPLE/20260302/eu-west-1/s3/aws4_request',
          'X-Amz-Date': '20260302T160000Z',
          'X-Amz-Signature': '…',
        },
      },
    ],
  });

export const UppyCreateMultipartRequest = z
  .object({
    filename: z.string().min(1).max(1024),
    type: UppyFileType,
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({
    examples: [
      {
        filename: 'video-final.mp4',
        type: 'video/mp4',
        metadata: { connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab', bucket: 'team-media' },
      },
    ],
  });

export const UppyCreateMultipartResponse = z
  .object({ key: z.string(), uploadId: z.string(), bucket: z.string() })
  .meta({
    id: 'UppyMultipart',
    examples: [
      {
        key: 'video-final.mp4',
        uploadId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        bucket: 'team-media',
      },
    ],
  });

export const UppyKeyQuery = z.object({ key: z.string().min(1).max(1024) });

export const UppyBatchQuery = UppyKeyQuery.extend({
  partNumbers: z
    .string()
    .regex(/^\d+(,\d+){0,99}$/, 'Up to 100 comma-separated part numbers')
    .transform((value) => value.split(',').map(Number)),
});

export const UppySignedPart = z.object({ url: z.string(), expires: z.number() }).meta({
  examples: [
    {
      url: 'https://team-media.s3.eu-west-1.amazonaws.com/video-final.mp4?partNumber=1&uploadId=VXBsb2FkSWQ&X-Amz-Signature=…',
      expires: 3600,
    },
  ],
});

export const UppyBatchResponse = z
  .object({ presignedUrls: z.record(z.string(), z.string()) })
  .meta({
    examples: [
      {
        presignedUrls: {
          '1': 'https://team-media.s3.eu-west-1.amazonaws.com/video-final.mp4?partNumber=1&uploadId=VXBsb2FkSWQ&X-Amz-Signature=…',
          '2': 'https://team-media.s3.eu-west-1.amazonaws.com/video-final.mp4?partNumber=2&uploadId=VXBsb2FkSWQ&X-Amz-Signature=…',
        },
      },
    ],
  });

export const UppyPartList = z
  .array(z.object({ PartNumber: z.number(), ETag: z.string(), Size: z.number() }))
  .meta({
    examples: [[{ PartNumber: 1, ETag: '"e1d5c8a0b7f6e5d4c3b2a19080706050"', Size: 16_777_216 }]],
  });

export const UppyCompleteRequest = z
  .object({
    parts: z
      .array(z.object({ PartNumber: z.number().int().min(1).max(10_000), ETag: z.string().min(1) }))
      .min(1)
      .max(10_000),
  })
  .meta({ examples: [{ parts: [{ PartNumber: 1, ETag: '"e1d5c8a0b7f6e5d4c3b2a19080706050"' }] }] });

export const UppyCompleteResponse = z
  .object({ location: z.string(), bucket: z.string(), key: z.string() })
  .meta({
    examples: [
      {
        location: 'https://team-media.s3.eu-west-1.amazonaws.com/video-final.mp4',
        bucket: 'team-media',
        key: 'video-final.mp4',
      },
    ],
  });
