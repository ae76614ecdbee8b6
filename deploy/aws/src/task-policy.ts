// The app tasks' IAM statements. The S3 and KMS part is the policy the connection Setup help
// generates (buildIamPolicy, imported from the API), so the two can never drift apart; only the
// bucket and key ARNs are swapped in, because they are CloudFormation values unknown at synth.
import * as iam from 'aws-cdk-lib/aws-iam';
import { buildIamPolicy } from '@s3am/api/iam-policy';
import type { IamPolicyDocument } from '@s3am/contracts';
import type { DeployParams } from './context.js';
import { LOG_PREFIXES } from './storage.js';

// Stand-ins the generator sees; each is replaced by the real ARN (a CDK token) afterwards.
const UPLOADS_BUCKET = 's3am-uploads-bucket';
const LOG_BUCKET = 's3am-log-bucket';
const KMS_KEY = 'arn:aws:kms:stand-in:000000000000:key/uploads-key';

export interface TaskPolicyRefs {
  uploadsBucketArn: string;
  logBucketArn: string;
  uploadsKeyArn: string;
  alertsTopicArn: string;
  alertsKeyArn: string;
}

function replaceStandIns(value: unknown, refs: TaskPolicyRefs): unknown {
  if (typeof value === 'string')
    return value
      .replace(`arn:aws:s3:::${UPLOADS_BUCKET}`, refs.uploadsBucketArn)
      .replace(`arn:aws:s3:::${LOG_BUCKET}`, refs.logBucketArn)
      .replace(KMS_KEY, refs.uploadsKeyArn);
  if (Array.isArray(value)) return value.map((item) => replaceStandIns(item, refs));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceStandIns(item, refs)]),
    );
  return value;
}

function toStatements(document: IamPolicyDocument, refs: TaskPolicyRefs): iam.PolicyStatement[] {
  return document.Statement.map((statement) =>
    iam.PolicyStatement.fromJson(replaceStandIns(statement, refs)),
  );
}

export function taskPolicyStatements(
  params: DeployParams,
  refs: TaskPolicyRefs,
): iam.PolicyStatement[] {
  // The first connection ("default chain") lists the uploads bucket: admins reach all of it.
  const uploads = buildIamPolicy(
    [{ bucket: UPLOADS_BUCKET, prefix: '', actions: ['list', 'read', 'write', 'delete'] }],
    { profile: 'all', kmsKeyId: KMS_KEY, region: params.region },
  );
  // The security monitor reads the S3 access logs and CloudTrail files, nothing else there.
  const logs = buildIamPolicy(
    [
      { bucket: LOG_BUCKET, prefix: LOG_PREFIXES.s3Access, actions: ['list', 'read'] },
      { bucket: LOG_BUCKET, prefix: `${LOG_PREFIXES.cloudTrail}/`, actions: ['list', 'read'] },
    ],
    { profile: 'viewer', kmsKeyId: null, region: params.region },
  );
  return [
    ...toStatements(uploads, refs),
    ...toStatements(logs, refs),
    // Connections in "assume role" mode name roles of this account by the agreed prefix.
    new iam.PolicyStatement({
      sid: 'AssumeConnectionRoles',
      actions: ['sts:AssumeRole'],
      resources: [
        `arn:${params.partition}:iam::${params.account}:role/${params.connectionRoleNamePrefix}*`,
      ],
    }),
    // The security monitor's SNS notification channel (publishes with the default-chain connection).
    new iam.PolicyStatement({
      sid: 'PublishSecurityAlerts',
      actions: ['sns:Publish'],
      resources: [refs.alertsTopicArn],
    }),
    // The topic is encrypted with its own key: publishers need a data key from it.
    new iam.PolicyStatement({
      sid: 'EncryptSecurityAlerts',
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [refs.alertsKeyArn],
    }),
  ];
}
