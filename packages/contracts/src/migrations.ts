// Bucket-to-bucket migration jobs (admins): definition, live state, items, report, the IAM
// policies a job needs, and the S3 Batch Operations hand-off for very large jobs.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';
import { ConnectionFailureReason, IamPolicyDocument } from './connections.js';

export const MigrationLocation = z.object({
  connectionId: z.uuid(),
  bucket: BucketName,
  prefix: z
    .string()
    .max(1024)
    .default('')
    .describe("'' = the whole bucket; a trailing '/' is added when missing"),
});
export type MigrationLocation = z.input<typeof MigrationLocation>;

export const MigrationOverwrite = z
  .enum(['skip', 'if_different', 'always'])
  .describe('skip: never replace an existing object; if_different: replace when not identical');

export const MigrationStorageClass = z.enum([
  'STANDARD',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'GLACIER_IR',
  'DEEP_ARCHIVE',
  'REDUCED_REDUNDANCY',
]);

const Glob = z.string().min(1).max(512);

// Examples shown in the API reference (route-examples.ts parses each with its schema).
const SOURCE_CONNECTION = '5b0c7c3e-2f41-4f7a-9d1e-6a8b9c0d1e2f';
const DESTINATION_CONNECTION = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
const JOB_ID = '2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a2b3c4d';
const locationsExample = {
  source: { connectionId: SOURCE_CONNECTION, bucket: 'legacy-media', prefix: 'projects/' },
  destination: { connectionId: DESTINATION_CONNECTION, bucket: 'media-eu', prefix: 'archive/' },
};
const locationViewsExample = {
  source: { ...locationsExample.source, connectionName: 'Old account (us-east-1)' },
  destination: { ...locationsExample.destination, connectionName: 'Production (eu-west-1)' },
};
const optionsExample = {
  include: ['**/*.mp4'],
  exclude: ['tmp/**'],
  skipIdentical: true,
  overwrite: 'if_different' as const,
  storageClass: 'STANDARD_IA' as const,
  sse: { mode: 'aws:kms' as const, kmsKeyId: 'alias/media-eu' },
  preserveMetadata: true,
  preserveTags: true,
  concurrency: 32,
  bandwidthMiBps: null,
  dryRun: false,
};

export const MigrationOptions = z.object({
  include: z.array(Glob).max(50).default([]).describe('Globs on the key below the source prefix'),
  exclude: z.array(Glob).max(50).default([]),
  skipIdentical: z
    .boolean()
    .default(true)
    .describe('Skip objects already identical at the destination (size + ETag)'),
  overwrite: MigrationOverwrite.default('if_different'),
  storageClass: MigrationStorageClass.nullable().default(null),
  sse: z
    .object({
      mode: z.enum(['none', 'AES256', 'aws:kms']),
      kmsKeyId: z.string().min(1).max(2048).nullable().default(null),
    })
    .default({ mode: 'none', kmsKeyId: null }),
  preserveMetadata: z.boolean().default(true).describe('User metadata and content headers'),
  preserveTags: z.boolean().default(true),
  concurrency: z.number().int().min(1).max(256).default(32),
  bandwidthMiBps: z
    .number()
    .positive()
    .max(1_000_000)
    .nullable()
    .default(null)
    .describe('Cap on bytes moved per second (null = none)'),
  dryRun: z.boolean().default(false).describe('Plan only: counts and bytes, writes nothing'),
});
export type MigrationOptions = z.infer<typeof MigrationOptions>;

export const CreateMigrationRequest = z
  .object({
    source: MigrationLocation,
    destination: MigrationLocation,
    options: MigrationOptions.default(MigrationOptions.parse({})),
  })
  .meta({
    examples: [
      { ...locationsExample, options: optionsExample },
      { ...locationsExample, options: { dryRun: true } },
    ],
  });
export type CreateMigrationRequest = z.input<typeof CreateMigrationRequest>;

export const CreateMigrationQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .describe('true = plan only (same as options.dryRun)'),
});

export const MigrationState = z.enum([
  'queued',
  'running',
  'paused',
  'cancelled',
  'completed',
  'failed',
]);
export type MigrationState = z.infer<typeof MigrationState>;

export const MigrationItemState = z.enum(['pending', 'copying', 'copied', 'skipped', 'failed']);
export type MigrationItemState = z.infer<typeof MigrationItemState>;

const Tally = z.object({ objects: z.number().int(), bytes: z.number() });

export const MigrationCounts = z.object({
  discovered: Tally,
  copied: Tally,
  skipped: Tally,
  failed: Tally,
  pending: Tally.describe('Not yet handled (in a finished dry run: what a real run would copy)'),
  inFlight: z.number().int(),
});
export type MigrationCounts = z.infer<typeof MigrationCounts>;

const LocationView = z.object({
  connectionId: z.uuid(),
  connectionName: z.string(),
  bucket: z.string(),
  prefix: z.string(),
});

const tally = (objects: number, bytes: number) => ({ objects, bytes });
const migrationExample = {
  id: JOB_ID,
  state: 'running' as const,
  ...locationViewsExample,
  options: optionsExample,
  listingDone: true,
  counts: {
    discovered: tally(12_480, 96_636_764_160),
    copied: tally(8_200, 61_203_283_968),
    skipped: tally(310, 1_073_741_824),
    failed: tally(2, 4_194_304),
    pending: tally(3_936, 34_355_544_064),
    inFlight: 32,
  },
  startedBy: { id: '7d9f1b3a-5c2e-4f6a-8b0c-1d2e3f4a5b6c', email: 'ops@example.com' },
  rerunOf: null,
  createdAt: '2026-11-30T08:00:00.000Z',
  startedAt: '2026-11-30T08:00:02.000Z',
  finishedAt: null,
  durationMs: null,
  averageBytesPerSecond: 142_606_336,
  throttledUntil: null,
  error: null,
};

export const MigrationView = z
  .object({
    id: z.uuid(),
    state: MigrationState,
    source: LocationView,
    destination: LocationView,
    options: MigrationOptions,
    listingDone: z.boolean(),
    counts: MigrationCounts,
    startedBy: z.object({ id: z.uuid().nullable(), email: z.string().nullable() }),
    rerunOf: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    durationMs: z.number().int().nullable(),
    averageBytesPerSecond: z.number().nullable(),
    throttledUntil: z.iso.datetime().nullable().describe('The job backs off after SlowDown/503'),
    error: z.string().nullable(),
  })
  .meta({ id: 'Migration', examples: [migrationExample] });
export type MigrationView = z.infer<typeof MigrationView>;

export const MigrationList = z
  .object({ items: z.array(MigrationView) })
  .meta({ id: 'MigrationList', examples: [{ items: [migrationExample] }] });

export const MigrationItemsQuery = z.object({
  state: MigrationItemState.optional(),
  cursor: z.string().max(64).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const MigrationItemView = z.object({
  key: z.string(),
  size: z.number(),
  state: MigrationItemState,
  reason: z.string().nullable(),
  hints: z.array(z.string()),
  attempts: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type MigrationItemView = z.infer<typeof MigrationItemView>;

export const MigrationItemPage = z
  .object({ items: z.array(MigrationItemView), nextCursor: z.string().nullable() })
  .meta({
    id: 'MigrationItemPage',
    examples: [
      {
        items: [
          {
            key: 'projects/launch/teaser.mp4',
            size: 2_097_152,
            state: 'failed' as const,
            reason: 'AccessDenied: the destination refused the write',
            hints: [
              'Check the destination bucket policy and the KMS key policy for kms:GenerateDataKey',
            ],
            attempts: 5,
            updatedAt: '2026-11-30T08:14:09.000Z',
          },
        ],
        nextCursor: null,
      },
    ],
  });
export type MigrationItemPage = z.infer<typeof MigrationItemPage>;

export const MigrationReportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const MigrationReport = z
  .object({
    id: z.uuid(),
    state: MigrationState,
    dryRun: z.boolean(),
    source: LocationView,
    destination: LocationView,
    copied: Tally,
    skipped: Tally,
    failed: Tally,
    planned: Tally.describe('Dry run: what a real run would copy'),
    failures: z.array(z.object({ key: z.string(), size: z.number(), reason: z.string() })),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    durationMs: z.number().int().nullable(),
    averageBytesPerSecond: z.number().nullable(),
  })
  .meta({
    id: 'MigrationReport',
    examples: [
      {
        id: JOB_ID,
        state: 'completed' as const,
        dryRun: false,
        ...locationViewsExample,
        copied: tally(12_168, 95_558_828_032),
        skipped: tally(310, 1_073_741_824),
        failed: tally(2, 4_194_304),
        planned: tally(0, 0),
        failures: [
          {
            key: 'projects/launch/teaser.mp4',
            size: 2_097_152,
            reason: 'AccessDenied: the destination refused the write',
          },
        ],
        startedAt: '2026-11-30T08:00:02.000Z',
        finishedAt: '2026-11-30T08:11:17.000Z',
        durationMs: 675_000,
        averageBytesPerSecond: 141_568_640,
      },
    ],
  });
export type MigrationReport = z.infer<typeof MigrationReport>;

export const MigrationLogLine = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  level: z.enum(['info', 'warn', 'error']),
  message: z.string(),
});
export type MigrationLogLine = z.infer<typeof MigrationLogLine>;

/** The data of each SSE `migration` event: the whole current state plus new log lines. */
export const MigrationStreamEvent = z.object({
  migration: MigrationView,
  speedBytesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  log: z.array(MigrationLogLine),
});
export type MigrationStreamEvent = z.infer<typeof MigrationStreamEvent>;

export const BucketPolicyDocument = z.object({
  Version: z.literal('2012-10-17'),
  Statement: z.array(
    z.object({
      Sid: z.string(),
      Effect: z.literal('Allow'),
      Principal: z.object({ AWS: z.string() }),
      Action: z.array(z.string()),
      Resource: z.union([z.string(), z.array(z.string())]),
      Condition: z.record(z.string(), z.record(z.string(), z.array(z.string()))).optional(),
    }),
  ),
});

export const MigrationPolicies = z
  .object({
    destinationIdentityPolicy: IamPolicyDocument.describe(
      'For the identity the destination connection signs with',
    ),
    crossAccount: z.boolean(),
    sourceBucketPolicy: BucketPolicyDocument.nullable().describe(
      'Cross-account copies: add to the source bucket policy',
    ),
    notes: z.array(z.string()),
  })
  .meta({
    id: 'MigrationPolicies',
    examples: [
      {
        destinationIdentityPolicy: {
          Version: '2012-10-17' as const,
          Statement: [
            {
              Sid: 'ListSourcePrefix',
              Effect: 'Allow' as const,
              Action: ['s3:ListBucket'],
              Resource: 'arn:aws:s3:::legacy-media',
              Condition: { StringLike: { 's3:prefix': ['projects/*'] } },
            },
            {
              Sid: 'ReadSource',
              Effect: 'Allow' as const,
              Action: ['s3:GetObject', 's3:GetObjectTagging'],
              Resource: 'arn:aws:s3:::legacy-media/projects/*',
            },
            {
              Sid: 'WriteDestination',
              Effect: 'Allow' as const,
              Action: ['s3:PutObject', 's3:PutObjectTagging', 's3:AbortMultipartUpload'],
              Resource: 'arn:aws:s3:::media-eu/archive/*',
            },
          ],
        },
        crossAccount: true,
        sourceBucketPolicy: {
          Version: '2012-10-17' as const,
          Statement: [
            {
              Sid: 'MigrationRead',
              Effect: 'Allow' as const,
              Principal: { AWS: 'arn:aws:iam::210987654321:role/s3am-prod' },
              Action: ['s3:GetObject', 's3:GetObjectTagging'],
              Resource: 'arn:aws:s3:::legacy-media/projects/*',
            },
          ],
        },
        notes: ['The destination identity is in another account: add the source bucket policy.'],
      },
    ],
  });
export type MigrationPolicies = z.infer<typeof MigrationPolicies>;

export const MigrationPoliciesRequest = z
  .object({
    source: MigrationLocation,
    destination: MigrationLocation,
    options: MigrationOptions.default(MigrationOptions.parse({})),
  })
  .meta({ examples: [{ ...locationsExample, options: optionsExample }] });

export const MigrationLocationCheck = z.object({
  side: z.enum(['source', 'destination']),
  call: z.enum(['HeadBucket', 'ListObjectsV2']),
  ok: z.boolean(),
  failure: z
    .object({ reason: ConnectionFailureReason, message: z.string(), hints: z.array(z.string()) })
    .optional(),
});

export const MigrationValidation = z
  .object({ ok: z.boolean(), checks: z.array(MigrationLocationCheck) })
  .meta({
    id: 'MigrationValidation',
    examples: [
      {
        ok: false,
        checks: [
          { side: 'source' as const, call: 'HeadBucket' as const, ok: true },
          { side: 'source' as const, call: 'ListObjectsV2' as const, ok: true },
          { side: 'destination' as const, call: 'HeadBucket' as const, ok: true },
          {
            side: 'destination' as const,
            call: 'ListObjectsV2' as const,
            ok: false,
            failure: {
              reason: 'access_denied' as const,
              message: 'Access Denied',
              hints: ['The destination identity needs s3:ListBucket on media-eu'],
            },
          },
        ],
      },
    ],
  });
export type MigrationValidation = z.infer<typeof MigrationValidation>;

export const BatchOperationsQuery = z
  .object({
    roleArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'Not an IAM role ARN')
      .describe('Role S3 Batch Operations assumes'),
    accountId: z.string().regex(/^\d{12}$/, 'A 12-digit AWS account id'),
  })
  .meta({
    examples: [
      { roleArn: 'arn:aws:iam::210987654321:role/s3-batch-copy', accountId: '210987654321' },
    ],
  });

export const BatchOperationsPlan = z
  .object({
    objects: z.number().int(),
    manifest: z.object({ bucket: z.string(), key: z.string(), etag: z.string() }),
    reportPrefix: z.string(),
    createJobRequest: z
      .record(z.string(), z.unknown())
      .describe('S3 Control CreateJob input, ready for `aws s3control create-job` or the SDK'),
  })
  .meta({
    id: 'BatchOperationsPlan',
    examples: [
      {
        objects: 3_936,
        manifest: {
          bucket: 'media-eu',
          key: 'archive/.s3am-batch/2c4e6a8b/manifest.csv',
          etag: '"9b2cf535f27731c974343645a3985328"',
        },
        reportPrefix: 'archive/.s3am-batch/2c4e6a8b/report',
        createJobRequest: {
          AccountId: '210987654321',
          Operation: { S3PutObjectCopy: { TargetResource: 'arn:aws:s3:::media-eu' } },
          Priority: 10,
          RoleArn: 'arn:aws:iam::210987654321:role/s3-batch-copy',
        },
      },
    ],
  });
export type BatchOperationsPlan = z.infer<typeof BatchOperationsPlan>;
