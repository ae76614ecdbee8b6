// Hand-off of a very large job to S3 Batch Operations: the manifest (CSV of bucket,key with
// URL-encoded keys, S3's format — read by S3, not a spreadsheet) and the exact S3 Control CreateJob
// request that copies it (S3PutObjectCopy) with a completion report next to the manifest.
import type { MigrationOptions } from '@s3am/contracts';

/** One manifest line per object; keys URL-encoded as S3 Batch Operations requires. */
export function batchManifestCsv(bucket: string, keys: Iterable<string>): string {
  let csv = '';
  for (const key of keys) csv += `${bucket},${encodeURIComponent(key)}\n`;
  return csv;
}

export interface BatchJobInput {
  jobId: string;
  accountId: string;
  roleArn: string;
  manifest: { bucket: string; key: string; etag: string };
  destination: { bucket: string; prefix: string };
  reportPrefix: string;
  options: Pick<MigrationOptions, 'storageClass' | 'sse' | 'preserveMetadata'>;
}

/**
 * The CreateJob input (`aws s3control create-job --cli-input-json`, or CreateJobCommand of
 * `@aws-sdk/client-s3-control`). S3PutObjectCopy puts the whole source key under TargetKeyPrefix.
 */
export function createJobRequest(input: BatchJobInput): Record<string, unknown> {
  const { options } = input;
  return {
    AccountId: input.accountId,
    ConfirmationRequired: true,
    ClientRequestToken: input.jobId,
    Description: `s3am migration ${input.jobId}`,
    Priority: 10,
    RoleArn: input.roleArn,
    Operation: {
      S3PutObjectCopy: {
        TargetResource: `arn:aws:s3:::${input.destination.bucket}`,
        ...(input.destination.prefix
          ? { TargetKeyPrefix: input.destination.prefix.replace(/\/$/, '') }
          : {}),
        MetadataDirective: options.preserveMetadata ? 'COPY' : 'REPLACE',
        ...(options.storageClass ? { StorageClass: options.storageClass } : {}),
        ...(options.sse.mode === 'aws:kms'
          ? { SSEAwsKmsKeyId: options.sse.kmsKeyId ?? undefined, BucketKeyEnabled: true }
          : {}),
      },
    },
    Manifest: {
      Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
      Location: {
        ObjectArn: `arn:aws:s3:::${input.manifest.bucket}/${input.manifest.key}`,
        ETag: input.manifest.etag.replace(/"/g, ''),
      },
    },
    Report: {
      Bucket: `arn:aws:s3:::${input.manifest.bucket}`,
      Prefix: input.reportPrefix,
      Format: 'Report_CSV_20180820',
      Enabled: true,
      ReportScope: 'AllTasks',
    },
  };
}
