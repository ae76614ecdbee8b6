// Resumable direct-to-S3 uploads: our API signs, the browser or CLI sends the bytes to S3.
// One protocol for every size: small files are a single part signed as one PutObject.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
export const TiB = 1024 * GiB;

/** S3's limits for multipart uploads. */
export const S3_LIMITS = {
  maxObjectSize: 5 * TiB,
  minPartSize: 5 * MiB,
  maxPartSize: 5 * GiB,
  maxParts: 10_000,
} as const;

/** Most part URLs one request may ask for. */
export const MAX_PARTS_PER_SIGN_REQUEST = 100;

export const UploadState = z.enum(['in_progress', 'completed', 'aborted', 'failed']);
export type UploadState = z.infer<typeof UploadState>;

export const UploadMode = z.enum(['multipart', 'single']);
export type UploadMode = z.infer<typeof UploadMode>;

export const ExistingKeyPolicy = z
  .enum(['reject', 'overwrite', 'rename'])
  .describe("What to do when the key exists: refuse (409), replace it, or pick 'name (1).ext'");
export type ExistingKeyPolicy = z.infer<typeof ExistingKeyPolicy>;

// Content type and metadata travel to S3 as HTTP headers (and are signed into presigned URLs):
// a line break would split the header and a non-ASCII character cannot be sent by a browser or
// carried as S3 expects. They are refused at the edge (400 VALIDATION naming the field), never
// encoded: what a person typed is what S3 stores.
const HTTP_TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_TYPE = new RegExp(
  `^${HTTP_TOKEN}/${HTTP_TOKEN}(?:[ \\t]*;[ \\t]*${HTTP_TOKEN}=(?:${HTTP_TOKEN}|"[ !#-\\[\\]-~]*"))*$`,
);

/** A media type as HTTP carries it: `type/subtype` with optional `; name=value` parameters. */
export const ContentType = z
  .string()
  .max(255)
  .regex(
    MEDIA_TYPE,
    'Must be a media type such as text/plain (printable ASCII, no line breaks or control characters)',
  );

/** User metadata (`x-amz-meta-*` headers): printable US-ASCII only. */
const Metadata = z
  .record(
    z.string().regex(/^[A-Za-z0-9._-]{1,128}$/),
    z
      .string()
      .max(1024)
      .regex(
        /^[\x20-\x7E]*$/,
        'Printable US-ASCII only (no line breaks, control or non-ASCII characters): S3 carries metadata in HTTP headers',
      ),
  )
  .refine((value) => Object.keys(value).length <= 50, 'At most 50 entries');

/** Object tags, by S3's rules: Unicode letters, digits, spaces and `_ . : / = + - @`; at most 10. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_TEXT_MESSAGE = 'Letters, digits, spaces and _ . : / = + - @ only';
const Tags = z
  .record(
    z.string().min(1).max(128).regex(TAG_TEXT, TAG_TEXT_MESSAGE),
    z.string().max(256).regex(TAG_TEXT, TAG_TEXT_MESSAGE),
  )
  .refine((value) => Object.keys(value).length <= 10, 'At most 10 tags');

const uploadExample = {
  id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
  bucket: 'team-media',
  key: 'projects/launch/video-final.mp4',
  size: 1_073_741_824,
  contentType: 'video/mp4',
  lastModified: 1_740_000_000_000,
  mode: 'multipart' as const,
  partSize: 16_777_216,
  partCount: 64,
  state: 'in_progress' as const,
  etag: null,
  error: null,
  createdAt: '2026-03-02T16:00:00.000Z',
  updatedAt: '2026-03-02T16:02:00.000Z',
  completedAt: null,
  expiresAt: '2026-03-03T16:02:00.000Z',
};

export const CreateUploadRequest = z
  .object({
    connectionId: z.uuid(),
    bucket: BucketName,
    key: z.string().min(1).max(1024),
    size: z.number().int().min(0).max(S3_LIMITS.maxObjectSize),
    contentType: ContentType.default('application/octet-stream'),
    metadata: Metadata.optional(),
    tags: Tags.optional(),
    lastModified: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe("The file's modification time (ms since epoch): part of the resume fingerprint"),
    onExisting: ExistingKeyPolicy.default('reject'),
    partSize: z
      .number()
      .int()
      .min(S3_LIMITS.minPartSize)
      .max(S3_LIMITS.maxPartSize)
      .optional()
      .describe(
        'Bytes per part of a multipart upload (5 MiB–5 GiB; at most 10,000 parts). Default: chosen by the server',
      ),
  })
  .meta({
    examples: [
      {
        connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
        bucket: 'team-media',
        key: 'projects/launch/video-final.mp4',
        size: 1_073_741_824,
        contentType: 'video/mp4',
        metadata: { project: 'launch' },
        tags: { status: 'draft' },
        lastModified: 1_740_000_000_000,
        onExisting: 'rename' as const,
      },
    ],
  });
export type CreateUploadRequest = z.input<typeof CreateUploadRequest>;

export const UploadView = z
  .object({
    id: z.uuid(),
    connectionId: z.uuid(),
    bucket: z.string(),
    key: z.string(),
    size: z.number(),
    contentType: z.string(),
    lastModified: z.number().nullable(),
    mode: UploadMode,
    partSize: z.number(),
    partCount: z.number(),
    state: UploadState,
    etag: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().describe('An unfinished upload idle past this is aborted'),
  })
  .meta({ id: 'Upload', examples: [uploadExample] });
export type UploadView = z.infer<typeof UploadView>;

export const UploadList = z
  .object({ items: z.array(UploadView), nextCursor: z.string().nullable() })
  .meta({ id: 'UploadList', examples: [{ items: [uploadExample], nextCursor: null }] });
export type UploadList = z.infer<typeof UploadList>;

export const ListUploadsQuery = z.object({
  state: UploadState.optional(),
  cursor: z.uuid().optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const PartNumber = z.number().int().min(1).max(S3_LIMITS.maxParts);

export const SignPartsRequest = z
  .object({ partNumbers: z.array(PartNumber).min(1).max(MAX_PARTS_PER_SIGN_REQUEST) })
  .meta({ examples: [{ partNumbers: [1, 2, 3, 4] }] });
export type SignPartsRequest = z.infer<typeof SignPartsRequest>;

export const SignedParts = z
  .object({
    urls: z.array(z.object({ partNumber: z.number(), url: z.string() })),
    headers: z
      .record(z.string(), z.string())
      .describe('Headers the PUT must carry exactly as given (they are signed)'),
    expiresAt: z.iso.datetime(),
  })
  .meta({
    id: 'SignedParts',
    examples: [
      {
        urls: [
          {
            partNumber: 1,
            url: 'https://team-media.s3.eu-west-1.amazonaws.com/projects/launch/video-final.mp4?partNumber=1&uploadId=VXBsb2FkSWQ&X-Amz-Signature=…',
          },
        ],
        headers: {},
        expiresAt: '2026-03-02T17:00:00.000Z',
      },
    ],
  });
export type SignedParts = z.infer<typeof SignedParts>;

export const UploadedPart = z.object({
  partNumber: z.number(),
  etag: z.string(),
  size: z.number(),
});
export type UploadedPart = z.infer<typeof UploadedPart>;

export const ListPartsQuery = z.object({
  marker: z.coerce.number().int().min(0).max(S3_LIMITS.maxParts).optional(),
});

export const UploadedParts = z
  .object({
    parts: z.array(UploadedPart),
    nextMarker: z.number().nullable().describe('Pass as `marker` for the next page'),
  })
  .meta({
    id: 'UploadedParts',
    examples: [
      {
        parts: [
          { partNumber: 1, etag: '"e1d5c8a0b7f6e5d4c3b2a19080706050"', size: 16_777_216 },
          { partNumber: 2, etag: '"a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5"', size: 16_777_216 },
        ],
        nextMarker: null,
      },
    ],
  });
export type UploadedParts = z.infer<typeof UploadedParts>;

export const CompleteUploadRequest = z
  .object({
    parts: z
      .array(z.object({ partNumber: PartNumber, etag: z.string().min(1).max(200) }))
      .min(1)
      .max(S3_LIMITS.maxParts),
  })
  .meta({
    examples: [
      {
        parts: [
          { partNumber: 1, etag: '"e1d5c8a0b7f6e5d4c3b2a19080706050"' },
          { partNumber: 2, etag: '"a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5"' },
        ],
      },
    ],
  });
export type CompleteUploadRequest = z.infer<typeof CompleteUploadRequest>;

/** What may be uploaded, shown before a file is picked (GET /api/uploads/limits). */
export const UploadLimits = z
  .object({
    maxSize: z.number().describe('Largest file accepted, in bytes'),
    allowedExtensions: z
      .array(z.string())
      .describe('Lower-case extensions with their dot (".pdf"); empty: any'),
    allowedContentTypes: z
      .array(z.string())
      .describe('Content types, "image/*" wildcards allowed; empty: any'),
    singlePutMaxBytes: z
      .number()
      .describe('Files up to this size go up as one PUT (and may use the batch routes)'),
    maxUploadsPerBatch: z.number().describe('Most items one batch call takes'),
  })
  .meta({
    id: 'UploadLimits',
    examples: [
      {
        maxSize: 107_374_182_400,
        allowedExtensions: ['.mp4', '.mov', '.pdf'],
        allowedContentTypes: ['video/*', 'application/pdf'],
        singlePutMaxBytes: 16_777_216,
        maxUploadsPerBatch: 100,
      },
    ],
  });
export type UploadLimits = z.infer<typeof UploadLimits>;

export const SweepReport = z
  .object({
    abortedTracked: z.number().describe('Our unfinished uploads idle past the limit'),
    abortedOrphans: z.number().describe('Multipart uploads S3 held that we never tracked'),
    freedBytes: z.number().describe('Bytes in the parts that were dropped'),
    errors: z.array(z.string()),
  })
  .meta({
    id: 'SweepReport',
    examples: [{ abortedTracked: 3, abortedOrphans: 1, freedBytes: 268_435_456, errors: [] }],
  });
export type SweepReport = z.infer<typeof SweepReport>;
