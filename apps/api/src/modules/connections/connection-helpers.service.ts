// Setup help for admins: the IAM policy the grants on a connection need, the bucket CORS rule
// for direct browser uploads, the lifecycle rule that drops abandoned multipart uploads, and
// applying that CORS rule with the connection's own credentials.
import { PutBucketCorsCommand } from '@aws-sdk/client-s3';
import {
  ErrorCode,
  type ApplyCorsResult,
  type ConnectionHelpers,
  type GrantAction,
  type PolicyProfile,
} from '@s3am/contracts';
import { appCorsRule } from '@s3am/local-s3';
import { AppError } from '../../lib/app-error.js';
import { buildIamPolicy, type PolicyScope } from '../../lib/iam-policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { classifyS3Error } from './connection-errors.js';
import type { ConnectionActor, ConnectionsDeps } from './connections.service.js';
import { s3ClientFor } from './s3-client.js';

export interface HelpersDeps extends ConnectionsDeps {
  /** Origin the web app is served from: the only origin the CORS rule admits. */
  publicUrl: string;
  /** Unfinished uploads older than this are swept; the lifecycle rule mirrors it in days. */
  staleUploadHours: number;
}

const ALL_ACTIONS: GrantAction[] = ['list', 'read', 'write', 'delete'];

async function findConnection(deps: HelpersDeps, id: string) {
  const row = await deps.db.s3Connection.findUnique({
    where: { id },
    include: { grants: { select: { bucket: true, prefix: true, actions: true } } },
  });
  if (!row) throw new AppError(ErrorCode.CONNECTION_NOT_FOUND, 'No connection with this id.');
  return row;
}

export async function connectionHelpers(
  deps: HelpersDeps,
  id: string,
  profile: PolicyProfile,
): Promise<ConnectionHelpers> {
  const row = await findConnection(deps, id);
  // Admins reach every configured bucket whole; other people only what their grants say.
  const scopes: PolicyScope[] = [
    ...row.buckets.map((bucket) => ({ bucket, prefix: '', actions: ALL_ACTIONS })),
    ...row.grants.map((grant) => ({
      bucket: grant.bucket,
      prefix: grant.prefix,
      actions: grant.actions as GrantAction[],
    })),
  ];
  return {
    buckets: [...new Set(scopes.map((scope) => scope.bucket))].sort(),
    iamPolicy: buildIamPolicy(scopes, {
      profile,
      kmsKeyId: row.sseMode === 'aws:kms' ? row.sseKmsKeyId : null,
      region: row.region,
    }),
    cors: { CORSRules: [appCorsRule([deps.publicUrl])] },
    lifecycle: {
      Rules: [
        {
          ID: 's3am-abort-incomplete-multipart-uploads',
          Status: 'Enabled',
          Filter: { Prefix: '' },
          AbortIncompleteMultipartUpload: {
            DaysAfterInitiation: Math.max(1, Math.ceil(deps.staleUploadHours / 24)),
          },
        },
      ],
    },
  };
}

/** PutBucketCors with the app's rule; a refusal comes back explained, not thrown. */
export async function applyCors(
  deps: HelpersDeps,
  actor: ConnectionActor,
  id: string,
  bucket: string,
): Promise<ApplyCorsResult> {
  const row = await findConnection(deps, id);
  const client = s3ClientFor(row, deps);
  let result: ApplyCorsResult;
  try {
    await client.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: { CORSRules: [appCorsRule([deps.publicUrl])] },
      }),
    );
    result = { applied: true };
  } catch (error) {
    const failure = classifyS3Error(error);
    result = {
      applied: false,
      failure:
        failure.reason === 'access_denied'
          ? {
              ...failure,
              message: `These credentials may not change the CORS rules of ${bucket} (s3:PutBucketCors).`,
              hints: [
                'Copy the CORS JSON and apply it as the bucket owner (console, or `aws s3api put-bucket-cors`).',
                ...failure.hints,
              ],
            }
          : failure,
    };
  }
  const { userId, email, ...context } = actor;
  await recordAudit(deps.db, {
    ...context,
    action: 'connection.apply_cors',
    outcome: result.applied ? 'success' : 'failure',
    actorId: userId,
    actorEmail: email,
    targetType: 's3_connection',
    targetId: id,
    details: { bucket, ...(result.failure ? { reason: result.failure.reason } : {}) },
  });
  return result;
}
