// Examples of the migration contracts, shown in the API reference (route-examples.ts parses
// each with its schema while the OpenAPI document is built). Kept apart so migrations.ts reads
// as the contract.
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

const tally = (objects: number, bytes: number) => ({ objects, bytes });
export const migrationExample = {
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

export const createMigrationExamples = [
  { ...locationsExample, options: optionsExample },
  { ...locationsExample, options: { dryRun: true } },
];

export const migrationItemPageExamples = [
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
];

export const migrationReportExamples = [
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
];

export const migrationPoliciesExamples = [
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
];

export const migrationPoliciesRequestExamples = [{ ...locationsExample, options: optionsExample }];

export const migrationValidationExamples = [
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
];

export const batchOperationsQueryExamples = [
  { roleArn: 'arn:aws:iam::210987654321:role/s3-batch-copy', accountId: '210987654321' },
];

export const batchOperationsPlanExamples = [
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
];
