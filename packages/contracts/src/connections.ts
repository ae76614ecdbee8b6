// S3 connections (admins): where a bucket lives and how the server authenticates to it.
// Secrets are write-only: responses never carry them.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';

export const S3AuthMode = z.enum(['static_keys', 'assume_role', 'default_chain']);
export const SseMode = z.enum(['none', 'AES256', 'aws:kms']);

// No component id: its defaults make input and output JSON Schemas differ, and the OpenAPI
// generator refuses two different schemas under one name.
export const ConnectionInput = z.object({
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
});
export type ConnectionInput = z.input<typeof ConnectionInput>;

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
  .meta({ id: 'Connection' });
export type ConnectionView = z.infer<typeof ConnectionView>;

export const ConnectionList = z
  .object({ items: z.array(ConnectionView) })
  .meta({ id: 'ConnectionList' });

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
  .meta({ id: 'ConnectionTestResult' });
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
  .meta({ id: 'ConnectionHelpers' });
export type ConnectionHelpers = z.infer<typeof ConnectionHelpers>;

export const ApplyCorsRequest = z.object({ bucket: BucketName });

export const ApplyCorsResult = z
  .object({
    applied: z.boolean(),
    failure: z
      .object({ reason: ConnectionFailureReason, message: z.string(), hints: z.array(z.string()) })
      .optional(),
  })
  .meta({ id: 'ApplyCorsResult' });
export type ApplyCorsResult = z.infer<typeof ApplyCorsResult>;
