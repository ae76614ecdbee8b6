// Least-privilege IAM policy for the identity our server signs with: exactly the S3 (and KMS)
// actions the grants on a connection need, scoped to their bucket prefixes.
import type { GrantAction, IamPolicyDocument, PolicyProfile } from '@s3am/contracts';
import { normalizePrefix } from './key-rules.js';

export interface PolicyScope {
  bucket: string;
  /** '' = the whole bucket. */
  prefix: string;
  actions: readonly GrantAction[];
}

export interface PolicyOptions {
  profile: PolicyProfile;
  /** SSE-KMS key of the connection, when uploads are encrypted with one. */
  kmsKeyId: string | null;
  region: string;
}

/** Object-level S3 actions each grant action needs. `list` is bucket-level (ListBucket). */
const OBJECT_ACTIONS: Record<Exclude<GrantAction, 'list'>, string[]> = {
  read: ['s3:GetObject', 's3:GetObjectTagging'],
  // Multipart uploads: create/upload part/complete are s3:PutObject; resume needs the part list.
  write: [
    's3:PutObject',
    's3:PutObjectTagging',
    's3:AbortMultipartUpload',
    's3:ListMultipartUploadParts',
  ],
  delete: ['s3:DeleteObject'],
};

const PROFILE_ACTIONS: Record<PolicyProfile, readonly GrantAction[]> = {
  all: ['list', 'read', 'write', 'delete'],
  // Uploads list the destination to apply the existing-key policy (reject / rename).
  uploader: ['list', 'write'],
  viewer: ['list', 'read'],
};

function sid(...parts: string[]): string {
  return parts
    .join(' ')
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** Drops prefixes already covered by a shorter one for the same bucket and action. */
function coveringPrefixes(prefixes: string[]): string[] {
  const sorted = [...new Set(prefixes.map(normalizePrefix))].sort((a, b) => a.length - b.length);
  return sorted.filter((prefix, index) =>
    sorted.slice(0, index).every((shorter) => !prefix.startsWith(shorter)),
  );
}

function kmsKeyResource(kmsKeyId: string, region: string): { resource: string; viaS3: boolean } {
  if (kmsKeyId.startsWith('arn:')) return { resource: kmsKeyId, viaS3: false };
  // A bare key id or alias: the account is unknown here, so restrict by service instead.
  return { resource: '*', viaS3: Boolean(region) };
}

export function buildIamPolicy(
  scopes: readonly PolicyScope[],
  options: PolicyOptions,
): IamPolicyDocument {
  const allowed = PROFILE_ACTIONS[options.profile];
  const statements: IamPolicyDocument['Statement'] = [];
  const buckets = [...new Set(scopes.map((scope) => scope.bucket))].sort();
  for (const bucket of buckets) {
    const inBucket = scopes.filter((scope) => scope.bucket === bucket);
    const prefixesFor = (action: GrantAction) =>
      coveringPrefixes(
        inBucket
          .filter((scope) => scope.actions.includes(action) && allowed.includes(action))
          .map((scope) => scope.prefix),
      );

    const listPrefixes = prefixesFor('list');
    if (listPrefixes.length > 0) {
      const whole = listPrefixes.includes('');
      statements.push({
        Sid: sid('List', bucket),
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: `arn:aws:s3:::${bucket}`,
        ...(whole
          ? {}
          : {
              Condition: {
                StringLike: { 's3:prefix': listPrefixes.flatMap((p) => [p, `${p}*`]) },
              },
            }),
      });
    }
    if (prefixesFor('write').length > 0) {
      // The upload sweeper finds abandoned multipart uploads with a bucket-level listing.
      statements.push({
        Sid: sid('Sweep multipart', bucket),
        Effect: 'Allow',
        Action: ['s3:ListBucketMultipartUploads'],
        Resource: `arn:aws:s3:::${bucket}`,
      });
    }
    for (const action of ['read', 'write', 'delete'] as const) {
      const prefixes = prefixesFor(action);
      if (prefixes.length === 0) continue;
      statements.push({
        Sid: sid(action, bucket),
        Effect: 'Allow',
        Action: OBJECT_ACTIONS[action],
        Resource: prefixes.map((prefix) => `arn:aws:s3:::${bucket}/${prefix}*`),
      });
    }
  }

  if (options.kmsKeyId) {
    const granted = new Set(scopes.flatMap((scope) => scope.actions));
    const kmsActions = [
      ...(granted.has('write') && allowed.includes('write')
        ? ['kms:GenerateDataKey', 'kms:Decrypt']
        : []),
      ...(granted.has('read') && allowed.includes('read') ? ['kms:Decrypt'] : []),
    ];
    if (kmsActions.length > 0) {
      const { resource, viaS3 } = kmsKeyResource(options.kmsKeyId, options.region);
      statements.push({
        Sid: 'KmsForSse',
        Effect: 'Allow',
        Action: [...new Set(kmsActions)],
        Resource: resource,
        ...(viaS3
          ? {
              Condition: {
                StringEquals: { 'kms:ViaService': [`s3.${options.region}.amazonaws.com`] },
              },
            }
          : {}),
      });
    }
  }
  return { Version: '2012-10-17', Statement: statements };
}
