// Content-MD5 on the S3 calls whose model requires an integrity header (DeleteObjects,
// PutObjectTagging, bucket configuration PUTs). The SDK (>= 3.729) sends those with only an
// x-amz-checksum-crc32, even with requestChecksumCalculation WHEN_REQUIRED; AWS accepts that,
// but some S3-compatible servers (older MinIO, Ceph RGW) refuse it and want Content-MD5.
import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';

/** The S3 commands modelled with a required request checksum (`httpChecksumRequired`). */
export const INTEGRITY_REQUIRED_COMMANDS: ReadonlySet<string> = new Set([
  'DeleteObjectsCommand',
  'PutBucketAclCommand',
  'PutBucketCorsCommand',
  'PutBucketEncryptionCommand',
  'PutBucketLifecycleConfigurationCommand',
  'PutBucketLoggingCommand',
  'PutBucketOwnershipControlsCommand',
  'PutBucketPolicyCommand',
  'PutBucketReplicationCommand',
  'PutBucketRequestPaymentCommand',
  'PutBucketTaggingCommand',
  'PutBucketVersioningCommand',
  'PutBucketWebsiteCommand',
  'PutObjectAclCommand',
  'PutObjectLegalHoldCommand',
  'PutObjectLockConfigurationCommand',
  'PutObjectRetentionCommand',
  'PutObjectTaggingCommand',
  'PutPublicAccessBlockCommand',
]);

interface SerializedRequest {
  headers: Record<string, string>;
  body?: unknown;
}

/** The bytes of a serialized body; these calls send small XML documents, never streams. */
function bodyBytes(body: unknown): Uint8Array | undefined {
  if (body === undefined || body === null) return new Uint8Array();
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return body;
  return undefined;
}

/** Makes `client` send Content-MD5 (base64 MD5 of the body) on the calls listed above. */
export function sendContentMd5(client: S3Client): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as SerializedRequest | undefined;
      if (INTEGRITY_REQUIRED_COMMANDS.has(context.commandName ?? '') && request?.headers) {
        const given = Object.keys(request.headers).some(
          (name) => name.toLowerCase() === 'content-md5',
        );
        const body = bodyBytes(request.body);
        if (!given && body)
          request.headers['content-md5'] = createHash('md5').update(body).digest('base64');
      }
      return next(args);
    },
    // build: after the body is serialized (and the SDK's checksums added), before signing.
    { step: 'build', priority: 'low', name: 's3amContentMd5', override: true },
  );
}
