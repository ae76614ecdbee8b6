// The uploads bucket, the log bucket and CloudTrail as synthesised: encryption, versioning, public
// access, TLS only, CORS, lifecycle, access logs and data events.
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { appCorsRule } from '@s3am/local-s3/cors';
import { FEATURE_FLAGS } from '../src/app.js';
import { parseDeployContext } from '../src/context.js';
import { ABORT_MULTIPART_RULE_ID, Storage } from '../src/storage.js';
import { onlyResource, REQUIRED_CONTEXT, synthesize, type Synthesis } from './synth-kit.js';

let synth: Synthesis;
let uploadsId: string;
let logsId: string;
let keyId: string;

beforeAll(() => {
  synth = synthesize();
  uploadsId = onlyResource(synth.template, 'AWS::S3::Bucket', 'StorageUploadsBucket').id;
  logsId = onlyResource(synth.template, 'AWS::S3::Bucket', 'StorageLogBucket').id;
  keyId = onlyResource(synth.template, 'AWS::KMS::Key', 'StorageUploadsKey').id;
}, 120_000);
afterAll(() => synth.cleanup());

function bucketProps(id: string): Record<string, unknown> {
  return onlyResource(synth.template, 'AWS::S3::Bucket', id).Properties!;
}

describe('uploads bucket', () => {
  it('encrypts with SSE-KMS under the stack’s customer key (rotated) and a bucket key', () => {
    expect(bucketProps(uploadsId).BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] },
          },
        },
      ],
    });
    synth.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('keeps versions', () => {
    expect(bucketProps(uploadsId).VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('blocks every kind of public access, and ACLs are off', () => {
    for (const id of [uploadsId, logsId]) {
      expect(bucketProps(id).PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucketProps(id).OwnershipControls).toEqual({
        Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
      });
    }
  });

  it('denies every request that does not use TLS, on both buckets', () => {
    for (const id of [uploadsId, logsId])
      synth.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Resource: [
                { 'Fn::GetAtt': [id, 'Arn'] },
                { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, '/*']] },
              ],
            },
          ]),
        },
      });
  });

  it('admits browser uploads from the app origin only and exposes ETag (the Setup help’s rule)', () => {
    const rule = appCorsRule(['https://files.example.com']);
    expect(bucketProps(uploadsId).CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedOrigins: ['https://files.example.com'],
          AllowedMethods: rule.AllowedMethods,
          AllowedHeaders: rule.AllowedHeaders,
          ExposedHeaders: rule.ExposeHeaders,
          MaxAge: rule.MaxAgeSeconds,
        },
      ],
    });
    expect(rule.ExposeHeaders).toContain('ETag');
  });

  it('aborts incomplete multipart uploads after the configured days, under the Setup help’s rule id', () => {
    expect(ABORT_MULTIPART_RULE_ID).toBe('s3am-abort-incomplete-multipart-uploads');
    const rules = (bucketProps(uploadsId).LifecycleConfiguration as { Rules: unknown[] }).Rules;
    expect(rules).toContainEqual({
      Id: ABORT_MULTIPART_RULE_ID,
      Status: 'Enabled',
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
    });
    expect(rules).toContainEqual({
      Id: 'expire-noncurrent-versions',
      Status: 'Enabled',
      NoncurrentVersionExpiration: { NoncurrentDays: 90 },
    });
    // No storage-class transitions unless asked for.
    expect(JSON.stringify(rules)).not.toContain('Transition');
  });

  it('sends its server access logs to the log bucket and has request metrics for the alarms', () => {
    expect(bucketProps(uploadsId).LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logsId },
      LogFilePrefix: 's3-access/',
    });
    expect(bucketProps(uploadsId).MetricsConfigurations).toEqual([{ Id: 'EntireBucket' }]);
  });
});

describe('log bucket and CloudTrail', () => {
  it('uses SSE-S3 (what S3 and ALB log delivery require) and expires logs after the retention', () => {
    expect(bucketProps(logsId).BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
      ],
    });
    expect(
      (bucketProps(logsId).LifecycleConfiguration as { Rules: unknown[] }).Rules,
    ).toContainEqual({ Id: 'expire-logs', Status: 'Enabled', ExpirationInDays: 365 });
  });

  it('records data events of the uploads bucket into the log bucket, with file validation', () => {
    synth.template.hasResourceProperties('AWS::CloudTrail::Trail', {
      S3BucketName: { Ref: logsId },
      S3KeyPrefix: 'cloudtrail',
      EnableLogFileValidation: true,
      IsLogging: true,
      EventSelectors: Match.arrayWith([
        {
          DataResources: [
            {
              Type: 'AWS::S3::Object',
              Values: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [uploadsId, 'Arn'] }, '/']] }],
            },
          ],
          IncludeManagementEvents: false,
          ReadWriteType: 'All',
        },
      ]),
    });
  });
});

describe('lifecycle options (storage construct alone)', () => {
  it('adds storage-class transitions and another abort age when the context asks', () => {
    const params = parseDeployContext({
      ...REQUIRED_CONTEXT,
      multipartAbortDays: 2,
      transitionToInfrequentAccessDays: 30,
      transitionToGlacierDays: 90,
    });
    const stack = new Stack(new App({ context: FEATURE_FLAGS }));
    new Storage(stack, 'Storage', params);
    const bucket = onlyResource(
      Template.fromStack(stack),
      'AWS::S3::Bucket',
      'StorageUploadsBucket',
    );
    const rules = (bucket.Properties!.LifecycleConfiguration as { Rules: unknown[] }).Rules;
    expect(rules).toContainEqual(
      expect.objectContaining({
        Id: ABORT_MULTIPART_RULE_ID,
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 2 },
      }),
    );
    expect(rules).toContainEqual({
      Id: 'transitions',
      Status: 'Enabled',
      Transitions: [
        { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
        { StorageClass: 'GLACIER_IR', TransitionInDays: 90 },
      ],
    });
  });
});
