// Turns an S3/SDK/network failure into a precise, human reason and what to check next.
import { ErrorCode, type ConnectionFailureReason } from '@s3am/contracts';
import { isAppError } from '../../lib/app-error.js';

export interface ConnectionFailure {
  reason: ConnectionFailureReason;
  message: string;
  hints: string[];
}

const ACCESS_DENIED_CHECKLIST = [
  'IAM policy of the user or role: does it allow the S3 action on this bucket and prefix?',
  'Bucket policy: does it deny this principal, or require a condition (VPC endpoint, TLS, source IP)?',
  'KMS key policy, when the bucket uses SSE-KMS: kms:GenerateDataKey and kms:Decrypt for this principal.',
  'VPC endpoint policy, when traffic goes through a gateway endpoint.',
  'Service control policies (SCPs) of the AWS Organization account.',
];

interface ErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

const NETWORK_CODES = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
];

/** The system error code; the SDK sometimes keeps it only in its wrapper's message. */
function networkCode(error: ErrorShape): string | undefined {
  const direct = [error.code, (error.cause as ErrorShape | undefined)?.code].find(Boolean);
  if (direct) return direct;
  return /\b(E[A-Z_]{3,}|CERT_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_[A-Z_]+)\b/.exec(
    error.message ?? '',
  )?.[1];
}

export function classifyS3Error(error: unknown): ConnectionFailure {
  // What the S3 client already explained: the endpoint policy refused it, or it timed out.
  if (isAppError(error) && error.code === ErrorCode.ENDPOINT_BLOCKED)
    return {
      reason: 'unreachable',
      message: error.detail ?? error.message,
      hints: [
        'Check the endpoint host and the ENDPOINT_ALLOW_PRIVATE / ENDPOINT_ALLOW_LOOPBACK settings.',
      ],
    };
  if (isAppError(error) && error.code === ErrorCode.S3_TIMEOUT)
    return {
      reason: 'unreachable',
      message: error.detail ?? error.message,
      hints: [
        'Check that the endpoint is up and answering, and firewalls that drop instead of refusing.',
      ],
    };
  const e = (error ?? {}) as ErrorShape;
  const name = e.name ?? '';
  const code = networkCode(e) ?? '';
  if (name === 'InvalidAccessKeyId') {
    return {
      reason: 'invalid_access_key',
      message: 'The access key id is not known to this S3 service.',
      hints: ['Check for a typo, a deleted key, or keys of another account or provider.'],
    };
  }
  if (name === 'SignatureDoesNotMatch') {
    return {
      reason: 'signature_mismatch',
      message:
        'S3 refused the request signature: the secret access key may not match the access key id.',
      hints: [
        'Paste the secret again (no spaces), or check that the server clock is right.',
        'When only some names fail, the S3-compatible server signs those names differently from S3.',
      ],
    };
  }
  if (name === 'AccessDenied' || name === 'Forbidden' || e.$metadata?.httpStatusCode === 403) {
    return {
      reason: 'access_denied',
      message: 'The credentials are valid but this action was denied.',
      hints: ACCESS_DENIED_CHECKLIST,
    };
  }
  if (name === 'NoSuchBucket' || name === 'NotFound' || e.$metadata?.httpStatusCode === 404) {
    return {
      reason: 'no_such_bucket',
      message: 'The bucket does not exist (or not in this account).',
      hints: ['Check the bucket name and the account the keys belong to.'],
    };
  }
  if (
    name === 'PermanentRedirect' ||
    name === 'AuthorizationHeaderMalformed' ||
    e.$metadata?.httpStatusCode === 301
  ) {
    return {
      reason: 'wrong_region',
      message: 'The bucket lives in another region than the one configured.',
      hints: ['Set the connection region to the bucket region.'],
    };
  }
  if (
    /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code) ||
    /certificate|self.signed|TLS/i.test(e.message ?? '')
  ) {
    return {
      reason: 'tls',
      message: 'The TLS connection failed: the certificate is not trusted or does not match.',
      hints: [
        'Check the endpoint host name and its certificate chain (NODE_EXTRA_CA_CERTS for a private CA).',
      ],
    };
  }
  if (NETWORK_CODES.includes(code) || name === 'TimeoutError' || name === 'RequestTimeout') {
    return {
      reason: 'unreachable',
      message: `The endpoint cannot be reached (${code || name}).`,
      hints: ['Check the endpoint URL and port, DNS, and firewalls between this server and S3.'],
    };
  }
  return { reason: 'unknown', message: `S3 answered ${name || 'an unexpected error'}.`, hints: [] };
}

/** Whether an SDK error is S3's error `name` (NoSuchUpload, NotFound, …). */
export function isS3Error(error: unknown, name: string): boolean {
  return (error as ErrorShape | undefined)?.name === name;
}
