import { MigrationOptions } from '@s3am/contracts';
import { batchManifestCsv, createJobRequest } from './batch-operations.js';

describe('S3 Batch Operations hand-off', () => {
  it('writes one bucket,key line per object with URL-encoded keys', () => {
    expect(batchManifestCsv('src-bucket', ['a/b.txt', 'x y/=sum+1&.csv', 'grüße'])).toBe(
      'src-bucket,a%2Fb.txt\nsrc-bucket,x%20y%2F%3Dsum%2B1%26.csv\nsrc-bucket,gr%C3%BC%C3%9Fe\n',
    );
  });

  it('builds the CreateJob request: copy into the destination, manifest and report locations, role', () => {
    const request = createJobRequest({
      jobId: '7c0e8d5e-0000-4000-8000-000000000001',
      accountId: '123456789012',
      roleArn: 'arn:aws:iam::123456789012:role/batch-copy',
      manifest: { bucket: 'dest', key: 's3am-batch-operations/j1/manifest.csv', etag: '"abc"' },
      destination: { bucket: 'dest', prefix: 'archive/' },
      reportPrefix: 's3am-batch-operations/j1/report',
      options: MigrationOptions.parse({
        storageClass: 'GLACIER_IR',
        sse: { mode: 'aws:kms', kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k' },
      }),
    });
    expect(request).toEqual({
      AccountId: '123456789012',
      ConfirmationRequired: true,
      ClientRequestToken: '7c0e8d5e-0000-4000-8000-000000000001',
      Description: 's3am migration 7c0e8d5e-0000-4000-8000-000000000001',
      Priority: 10,
      RoleArn: 'arn:aws:iam::123456789012:role/batch-copy',
      Operation: {
        S3PutObjectCopy: {
          TargetResource: 'arn:aws:s3:::dest',
          TargetKeyPrefix: 'archive',
          MetadataDirective: 'COPY',
          StorageClass: 'GLACIER_IR',
          SSEAwsKmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k',
          BucketKeyEnabled: true,
        },
      },
      Manifest: {
        Spec: { Format: 'S3BatchOperations_CSV_20180820', Fields: ['Bucket', 'Key'] },
        Location: {
          ObjectArn: 'arn:aws:s3:::dest/s3am-batch-operations/j1/manifest.csv',
          ETag: 'abc',
        },
      },
      Report: {
        Bucket: 'arn:aws:s3:::dest',
        Prefix: 's3am-batch-operations/j1/report',
        Format: 'Report_CSV_20180820',
        Enabled: true,
        ReportScope: 'AllTasks',
      },
    });
  });
});
