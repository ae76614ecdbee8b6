// What went wrong with one object (or the whole job) in words an admin can act on, and whether
// trying again can help: throttling backs off the whole job, transient faults retry, denials fail.
import { classifyS3Error } from '../connections/connection-errors.js';

export type FailureKind = 'throttled' | 'transient' | 'permanent';

export interface CopyFailure {
  kind: FailureKind;
  /** Stored on the item: `<code>: <message>`; the code picks the hints shown with it. */
  reason: string;
}

interface ErrorShape {
  name?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: unknown;
}

const HINTS: Record<string, string[]> = {
  access_denied: [
    "Identity policy of the connection (see this job's policies): s3:GetObject/s3:ListBucket on the source prefix, s3:PutObject on the destination prefix.",
    'Source bucket policy, for a cross-account copy: it must grant the destination identity read and list on the prefix.',
    'KMS key policy, when either side uses SSE-KMS: kms:Decrypt on the source key, kms:GenerateDataKey on the destination key.',
    'VPC endpoint policy, when the traffic goes through a gateway endpoint.',
    'Service control policies (SCPs) of the AWS Organization accounts.',
  ],
  no_such_bucket: [
    'Check the bucket name and that the connection belongs to the account that owns it.',
  ],
  wrong_region: ['Set the connection region to the region of the bucket.'],
  throttled: ['S3 asked us to slow down: lower the job concurrency or set a bandwidth cap.'],
  source_missing: ['The object was deleted or renamed at the source after it was listed.'],
  verification_failed: [
    'The destination changed while copying, or the provider rewrites objects; retry the item.',
  ],
  unreachable: ['Check the endpoint, DNS and firewalls between the worker and S3.'],
};

export function hintsForReason(reason: string | null): string[] {
  if (!reason) return [];
  const code = reason.slice(0, reason.indexOf(':'));
  return HINTS[code] ?? [];
}

const THROTTLE_NAMES = [
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequests',
];
const TRANSIENT_NAMES = [
  'InternalError',
  'ServiceUnavailable',
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'TimeoutError',
];

/** Explains an S3 error from `step` (e.g. "CopyObject at the destination"). */
export function describeCopyFailure(error: unknown, step: string): CopyFailure {
  const e = (error ?? {}) as ErrorShape;
  const status = e.$metadata?.httpStatusCode;
  if (THROTTLE_NAMES.includes(e.name ?? '') || status === 503 || status === 429)
    return { kind: 'throttled', reason: `throttled: ${step} was throttled (${e.name ?? status}).` };
  if (e.name === 'NoSuchKey' || (status === 404 && step.includes('source')))
    return {
      kind: 'permanent',
      reason: `source_missing: ${step}: the source object no longer exists.`,
    };
  if (e.name === 'VerificationFailed')
    return { kind: 'transient', reason: `verification_failed: ${(error as Error).message}` };
  const failure = classifyS3Error(error);
  if (
    failure.reason === 'unreachable' ||
    TRANSIENT_NAMES.includes(e.name ?? '') ||
    (status ?? 0) >= 500
  )
    return { kind: 'transient', reason: `unreachable: ${step} failed: ${failure.message}` };
  if (failure.reason === 'access_denied')
    return { kind: 'permanent', reason: `access_denied: ${step} was denied (AccessDenied).` };
  if (failure.reason === 'no_such_bucket' || failure.reason === 'wrong_region')
    return { kind: 'permanent', reason: `${failure.reason}: ${step}: ${failure.message}` };
  if (e.name === 'AbortError')
    return { kind: 'transient', reason: `cancelled: ${step} was stopped.` };
  // Network resets surface without a status; anything else S3 said is not going to change.
  if (status === undefined)
    return {
      kind: 'transient',
      reason: `unreachable: ${step} failed (${e.name ?? 'network error'}).`,
    };
  return { kind: 'permanent', reason: `unknown: ${step}: S3 answered ${e.name ?? status}.` };
}

export class VerificationFailed extends Error {
  override name = 'VerificationFailed';
}
