// The IAM policies a migration job needs, from its two locations (like the connection Setup help):
// the identity policy for the destination connection (read and list the source prefix, list and
// write the destination prefix, KMS when SSE-KMS is involved) and, across accounts, the statement
// the source bucket policy must add for that identity.
import type { IamPolicyDocument, MigrationOptions, MigrationPolicies } from '@s3am/contracts';
import type { S3Connection } from '../../db/prisma.js';
import type { Location } from './migration-locations.js';

type Statement = IamPolicyDocument['Statement'][number];

function listStatement(sid: string, location: Location): Statement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: ['s3:ListBucket'],
    Resource: `arn:aws:s3:::${location.bucket}`,
    ...(location.prefix
      ? { Condition: { StringLike: { 's3:prefix': [location.prefix, `${location.prefix}*`] } } }
      : {}),
  };
}

const objects = (location: Location) => `arn:aws:s3:::${location.bucket}/${location.prefix}*`;

const SOURCE_READ = ['s3:GetObject', 's3:GetObjectTagging'];
const DESTINATION_WRITE = [
  's3:PutObject',
  's3:PutObjectTagging',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
];

/** The account of a role ARN, when the connection names one. */
function accountOf(connection: S3Connection): string | null {
  return /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(connection.roleArn ?? '')?.[1] ?? null;
}

function kmsStatement(sid: string, actions: string[], keyId: string, region: string): Statement {
  const arn = keyId.startsWith('arn:');
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: actions,
    Resource: arn ? keyId : '*',
    ...(arn
      ? {}
      : { Condition: { StringEquals: { 'kms:ViaService': [`s3.${region}.amazonaws.com`] } } }),
  };
}

export function migrationPolicies(
  source: Location,
  destination: Location,
  connections: { source: S3Connection; destination: S3Connection },
  options: MigrationOptions,
): MigrationPolicies {
  const statements: Statement[] = [
    listStatement('ListSourcePrefix', source),
    { Sid: 'ReadSourceObjects', Effect: 'Allow', Action: SOURCE_READ, Resource: objects(source) },
    listStatement('ListDestinationPrefix', destination),
    {
      Sid: 'WriteDestinationObjects',
      Effect: 'Allow',
      Action: DESTINATION_WRITE,
      Resource: objects(destination),
    },
  ];
  const notes: string[] = [];
  const sourceKey =
    connections.source.sseMode === 'aws:kms' ? connections.source.sseKmsKeyId : null;
  if (sourceKey)
    statements.push(
      kmsStatement('DecryptSourceObjects', ['kms:Decrypt'], sourceKey, connections.source.region),
    );
  const destKey =
    options.sse.mode === 'aws:kms'
      ? (options.sse.kmsKeyId ?? connections.destination.sseKmsKeyId)
      : connections.destination.sseMode === 'aws:kms'
        ? connections.destination.sseKmsKeyId
        : null;
  if (options.sse.mode === 'aws:kms' || destKey)
    statements.push(
      kmsStatement(
        'EncryptDestinationObjects',
        ['kms:GenerateDataKey', 'kms:Decrypt'],
        destKey ?? '*',
        connections.destination.region,
      ),
    );
  if (destKey)
    notes.push('The KMS key policy must also allow this identity to use the key(s) above.');

  const crossAccount = connections.source.id !== connections.destination.id;
  const destAccount = accountOf(connections.destination);
  const principal =
    connections.destination.roleArn ??
    `arn:aws:iam::${destAccount ?? 'DESTINATION_ACCOUNT_ID'}:root`;
  if (crossAccount) {
    notes.push(
      "Different connections: objects are streamed through the worker with each side's own credentials. For a server-side copy instead, the destination identity needs the read statements above and the source bucket policy below.",
    );
    if (!connections.destination.roleArn)
      notes.push(
        'Replace DESTINATION_ACCOUNT_ID (or the whole principal) with the identity of the destination connection.',
      );
  } else {
    notes.push(
      'One connection reads and writes: objects are copied server-side (CopyObject / UploadPartCopy), no bytes pass through the worker.',
    );
  }
  return {
    destinationIdentityPolicy: { Version: '2012-10-17', Statement: statements },
    crossAccount,
    sourceBucketPolicy: crossAccount
      ? {
          Version: '2012-10-17',
          Statement: [
            { ...listStatement('MigrationListSource', source), Principal: { AWS: principal } },
            {
              Sid: 'MigrationReadSource',
              Effect: 'Allow',
              Principal: { AWS: principal },
              Action: SOURCE_READ,
              Resource: objects(source),
            },
          ],
        }
      : null,
    notes,
  };
}
