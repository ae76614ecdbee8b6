// S3 connections (admins): where a bucket lives and how the server authenticates to it.
// Secrets are write-only: responses never carry them.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';

export const S3AuthMode = z.enum(['static_keys', 'assume_role', 'default_chain']);
export const SseMode = z.enum(['none', 'AES256', 'aws:kms']);

// No component id: its defaults make input and output JSON Schemas differ, and the OpenAPI
// generator refuses two different schemas under one name.
export const ConnectionInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    endpoint: z
      .url()
      .nullable()
      .default(null)
      .describe('Empty for AWS; any S3-compatible endpoint otherwise'),
    publicEndpoint: z
      .url()
      .nullable()
      .default(null)
      .describe('Endpoint browsers reach, when different from `endpoint`'),
    region: z.string().min(1).max(50).default('us-east-1'),
    forcePathStyle: z.boolean().default(false),
    authMode: S3AuthMode,
    accessKeyId: z.string().min(3).max(128).nullable().default(null),
    secretAccessKey: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('Write-only; omit on update to keep the stored one'),
    roleArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'Not an IAM role ARN')
      .nullable()
      .default(null),
    externalId: z.string().min(2).max(1224).nullable().default(null),
    sessionDurationSeconds: z.number().int().min(900).max(43_200).nullable().default(null),
    buckets: z.array(BucketName).max(100).default([]),
    sseMode: SseMode.default('none'),
    sseKmsKeyId: z.string().min(1).max(2048).nullable().default(null),
  })
  .meta({
    examples: [
      {
        name: 'Production (AWS eu-west-1)',
        region: 'eu-west-1',
        authMode: 'static_keys' as const,
        accessKeyId: 'AKIAEXAMPLEKEY00001',
        secretAccessKey: 'example-secret-not-a-real-key-0000000000',
        buckets: ['team-media', 'team-archive'],
      },
      {
        name: 'MinIO on site',
        endpoint: 'https://minio.internal.example.com:9000',
        publicEndpoint: 'https://files.example.com',
        forcePathStyle: true,
        authMode: 'static_keys' as const,
        accessKeyId: 'minio-app',
        secretAccessKey: 'example-minio-secret',
        buckets: ['uploads'],
      },
    ],
  });
export type ConnectionInput = z.input<typeof ConnectionInput>;

const connectionExample = {
  id: 'c0ffee00-1234-4abc-9def-0123456789ab',
  name: 'Production (AWS eu-west-1)',
  endpoint: null,
  publicEndpoint: null,
  region: 'eu-west-1',
  forcePathStyle: false,
  authMode: 'static_keys' as const,
  accessKeyIdHint: '••••0001',
  hasSecret: true,
  roleArn: null,
  externalIdSet: false,
  sessionDurationSeconds: null,
  buckets: ['team-media', 'team-archive'],
  sseMode: 'none' as const,
  sseKmsKeyId: null,
  managedLocal: false,
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-02-20T14:30:00.000Z',
};

export const ConnectionView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    endpoint: z.string().nullable(),
    publicEndpoint: z.string().nullable(),
    region: z.string(),
    forcePathStyle: z.boolean(),
    authMode: S3AuthMode,
    accessKeyIdHint: z
      .string()
      .nullable()
      .describe('•••• and the last 4 characters of the access key id'),
    hasSecret: z.boolean(),
    roleArn: z.string().nullable(),
    externalIdSet: z.boolean(),
    sessionDurationSeconds: z.number().int().nullable(),
    buckets: z.array(z.string()),
    sseMode: SseMode,
    sseKmsKeyId: z.string().nullable(),
    managedLocal: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Connection', examples: [connectionExample] });
export type ConnectionView = z.infer<typeof ConnectionView>;

export const ConnectionList = z
  .object({ items: z.array(ConnectionView) })
  .meta({ id: 'ConnectionList', examples: [{ items: [connectionExample] }] });

export const ConnectionFailureReason = z.enum([
  'invalid_access_key',
  'signature_mismatch',
  'access_denied',
  'unreachable',
  'tls',
  'wrong_region',
  'no_such_bucket',
  'endpoint_refused',
  'unknown',
]);
export type ConnectionFailureReason = z.infer<typeof ConnectionFailureReason>;

export const ConnectionTestResult = z
  .object({
    ok: z.boolean(),
    buckets: z.array(
      z.object({ name: z.string(), ok: z.boolean(), reason: ConnectionFailureReason.optional() }),
    ),
    failure: z
      .object({ reason: ConnectionFailureReason, message: z.string(), hints: z.array(z.string()) })
      .optional(),
  })
  .meta({
    id: 'ConnectionTestResult',
    examples: [
      {
        ok: true,
        buckets: [
          { name: 'team-media', ok: true },
          { name: 'team-archive', ok: true },
        ],
      },
      {
        ok: false,
        buckets: [{ name: 'team-media', ok: false, reason: 'wrong_region' as const }],
        failure: {
          reason: 'wrong_region' as const,
          message: 'The bucket team-media is in eu-central-1, not eu-west-1.',
          hints: ['Set the region of the connection to eu-central-1.'],
        },
      },
    ],
  });
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

// Helpers for admins: the least-privilege IAM policy for what is granted on a connection, the
// bucket CORS rule browsers need for direct uploads, and the lifecycle rule that drops abandoned
// multipart uploads.
export const PolicyProfile = z
  .enum(['all', 'uploader', 'viewer'])
  .describe('uploader: write/resume/abort; viewer: read; all: everything the grants allow');
export type PolicyProfile = z.infer<typeof PolicyProfile>;

export const ConnectionHelpersQuery = z.object({ profile: PolicyProfile.default('all') });

export const IamPolicyDocument = z.object({
  Version: z.literal('2012-10-17'),
  Statement: z.array(
    z.object({
      Sid: z.string(),
      Effect: z.literal('Allow'),
      Action: z.array(z.string()),
      Resource: z.union([z.string(), z.array(z.string())]),
      Condition: z.record(z.string(), z.record(z.string(), z.array(z.string()))).optional(),
    }),
  ),
});
export type IamPolicyDocument = z.infer<typeof IamPolicyDocument>;

export const CorsRuleSchema = z.object({
  AllowedOrigins: z.array(z.string()),
  AllowedMethods: z.array(z.string()),
  AllowedHeaders: z.array(z.string()),
  ExposeHeaders: z.array(z.string()),
  MaxAgeSeconds: z.number(),
});

export const LifecycleRuleSchema = z.object({
  ID: z.string(),
  Status: z.literal('Enabled'),
  Filter: z.object({ Prefix: z.string() }),
  AbortIncompleteMultipartUpload: z.object({ DaysAfterInitiation: z.number() }),
});

export const ConnectionHelpers = z
  .object({
    buckets: z.array(z.string()).describe('Buckets configured on the connection or granted on it'),
    iamPolicy: IamPolicyDocument,
    cors: z.object({ CORSRules: z.array(CorsRuleSchema) }),
    lifecycle: z.object({ Rules: z.array(LifecycleRuleSchema) }),
  })
  .meta({
    id: 'ConnectionHelpers',
    examples: [
      {
        buckets: ['team-media'],
        iamPolicy: {
          Version: '2012-10-17' as const,
          Statement: [
            {
              Sid: 'ReadWriteGrantedPrefixes',
              Effect: 'Allow' as const,
              Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
              Resource: ['arn:aws:s3:::team-media/projects/*'],
            },
            {
              Sid: 'ListGrantedPrefixes',
              Effect: 'Allow' as const,
              Action: ['s3:ListBucket'],
              Resource: 'arn:aws:s3:::team-media',
              Condition: { StringLike: { 's3:prefix': ['projects/*'] } },
            },
          ],
        },
        cors: {
          CORSRules: [
            {
              AllowedOrigins: ['https://s3am.example.com'],
              AllowedMethods: ['GET', 'PUT', 'HEAD'],
              AllowedHeaders: ['*'],
              ExposeHeaders: ['ETag'],
              MaxAgeSeconds: 3600,
            },
          ],
        },
        lifecycle: {
          Rules: [
            {
              ID: 's3am-abort-incomplete-multipart',
              Status: 'Enabled' as const,
              Filter: { Prefix: '' },
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
            },
          ],
        },
      },
    ],
  });
export type ConnectionHelpers = z.infer<typeof ConnectionHelpers>;

export const ApplyCorsRequest = z
  .object({ bucket: BucketName })
  .meta({ examples: [{ bucket: 'team-media' }] });

export const ApplyCorsResult = z
  .object({
    applied: z.boolean(),
    failure: z
      .object({ reason: ConnectionFailureReason, message: z.string(), hints: z.array(z.string()) })
      .optional(),
  })
  .meta({
    id: 'ApplyCorsResult',
    examples: [
      { applied: true },
      {
        applied: false,
        failure: {
          reason: 'access_denied' as const,
          message: 'S3 refused PutBucketCors on team-media.',
          hints: [
            'Allow s3:PutBucketCors for this connection’s credentials, or apply the rule by hand.',
          ],
        },
      },
    ],
  });
export type ApplyCorsResult = z.infer<typeof ApplyCorsResult>;
