// Bucket-to-bucket migration jobs (admins): definition, live state, items, report, the IAM
// policies a job needs, and the S3 Batch Operations hand-off for very large jobs.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';
import { ConnectionFailureReason, IamPolicyDocument } from './connections.js';
import {
  batchOperationsPlanExamples,
  batchOperationsQueryExamples,
  createMigrationExamples,
  migrationExample,
  migrationItemPageExamples,
  migrationPoliciesExamples,
  migrationPoliciesRequestExamples,
  migrationReportExamples,
  migrationValidationExamples,
} from './migration-examples.js';

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
    examples: createMigrationExamples,
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
    examples: migrationItemPageExamples,
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
    examples: migrationReportExamples,
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
    examples: migrationPoliciesExamples,
  });
export type MigrationPolicies = z.infer<typeof MigrationPolicies>;

export const MigrationPoliciesRequest = z
  .object({
    source: MigrationLocation,
    destination: MigrationLocation,
    options: MigrationOptions.default(MigrationOptions.parse({})),
  })
  .meta({ examples: migrationPoliciesRequestExamples });

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
    examples: migrationValidationExamples,
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
    examples: batchOperationsQueryExamples,
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
    examples: batchOperationsPlanExamples,
  });
export type BatchOperationsPlan = z.infer<typeof BatchOperationsPlan>;
