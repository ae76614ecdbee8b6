// Storage: the uploads bucket (customer KMS key, versioning, TLS only, the app's CORS rule, the
// multipart clean-up rule), the log bucket that receives its access logs, and CloudTrail data events.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { appCorsRule } from '@s3am/local-s3/cors';
import type { DeployParams } from './context.js';

/** Key prefixes inside the log bucket, one per source (the security monitor reads them by prefix). */
export const LOG_PREFIXES = {
  s3Access: 's3-access/',
  cloudTrail: 'cloudtrail',
  alb: 'alb',
  vpcFlow: 'vpc-flow/',
} as const;

/** Same ID as the lifecycle rule the connection Setup help offers, so the two are recognisably one. */
export const ABORT_MULTIPART_RULE_ID = 's3am-abort-incomplete-multipart-uploads';

export class Storage extends Construct {
  readonly key: kms.Key;
  readonly uploadsBucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly trail: cloudtrail.Trail;

  constructor(scope: Construct, id: string, params: DeployParams) {
    super(scope, id);

    this.key = new kms.Key(this, 'UploadsKey', {
      description: `${params.stackName}: SSE-KMS key of the uploads bucket`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // S3 server access logs and ALB access logs can only be delivered to SSE-S3 buckets.
    this.logBucket = new s3.Bucket(this, 'LogBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [
        { id: 'expire-logs', expiration: Duration.days(params.logRetentionDays) },
        {
          id: 'abort-incomplete-multipart-uploads',
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const cors = appCorsRule([params.publicUrl]);
    this.uploadsBucket = new s3.Bucket(this, 'UploadsBucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket instead of one KMS call per object: KMS requests are a cost driver.
      bucketKeyEnabled: true,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: LOG_PREFIXES.s3Access,
      cors: [
        {
          allowedOrigins: cors.AllowedOrigins,
          allowedMethods: cors.AllowedMethods as s3.HttpMethods[],
          allowedHeaders: cors.AllowedHeaders,
          exposedHeaders: cors.ExposeHeaders,
          maxAge: cors.MaxAgeSeconds,
        },
      ],
      lifecycleRules: this.lifecycleRules(params),
      // Request metrics (4xx/5xx) for the whole bucket feed the alarms.
      metrics: [{ id: 'EntireBucket' }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.trail = new cloudtrail.Trail(this, 'Trail', {
      bucket: this.logBucket,
      s3KeyPrefix: LOG_PREFIXES.cloudTrail,
      enableFileValidation: true,
      isMultiRegionTrail: false,
      includeGlobalServiceEvents: true,
      // Management events (IAM, KMS, AccessDenied) are free for the first trail and feed the monitor.
      managementEvents: cloudtrail.ReadWriteType.ALL,
    });
    this.trail.addS3EventSelector([{ bucket: this.uploadsBucket }], {
      readWriteType: cloudtrail.ReadWriteType.ALL,
      includeManagementEvents: false,
    });
  }

  private lifecycleRules(params: DeployParams): s3.LifecycleRule[] {
    const transitions: s3.Transition[] = [];
    if (params.transitionToInfrequentAccessDays !== undefined)
      transitions.push({
        storageClass: s3.StorageClass.INFREQUENT_ACCESS,
        transitionAfter: Duration.days(params.transitionToInfrequentAccessDays),
      });
    if (params.transitionToGlacierDays !== undefined)
      transitions.push({
        storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
        transitionAfter: Duration.days(params.transitionToGlacierDays),
      });
    return [
      {
        id: ABORT_MULTIPART_RULE_ID,
        abortIncompleteMultipartUploadAfter: Duration.days(params.multipartAbortDays),
      },
      {
        id: 'expire-noncurrent-versions',
        noncurrentVersionExpiration: Duration.days(params.noncurrentVersionExpirationDays),
      },
      ...(transitions.length > 0 ? [{ id: 'transitions', transitions }] : []),
    ];
  }
}
