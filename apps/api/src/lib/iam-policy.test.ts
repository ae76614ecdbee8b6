import { buildIamPolicy, type PolicyScope } from './iam-policy.js';

const base = { kmsKeyId: null, region: 'eu-west-1' } as const;
const actionsOf = (policy: ReturnType<typeof buildIamPolicy>) =>
  policy.Statement.flatMap((s) => s.Action);

describe('buildIamPolicy', () => {
  const scopes: PolicyScope[] = [
    { bucket: 'media', prefix: 'team/', actions: ['list', 'read', 'write', 'delete'] },
    { bucket: 'media', prefix: 'team/sub/', actions: ['write'] },
    { bucket: 'media', prefix: 'public/', actions: ['list', 'read'] },
  ];

  it('scopes object actions to the granted prefixes, dropping covered ones', () => {
    const policy = buildIamPolicy(scopes, { ...base, profile: 'all' });
    const write = policy.Statement.find((s) => s.Action.includes('s3:PutObject'));
    expect(write?.Resource).toEqual(['arn:aws:s3:::media/team/*']);
    const read = policy.Statement.find((s) => s.Action.includes('s3:GetObject'));
    expect(read?.Resource).toEqual(['arn:aws:s3:::media/team/*', 'arn:aws:s3:::media/public/*']);
  });

  it('limits ListBucket with s3:prefix conditions, and drops them for a whole-bucket grant', () => {
    const scoped = buildIamPolicy(scopes, { ...base, profile: 'viewer' });
    expect(scoped.Statement.find((s) => s.Action.includes('s3:ListBucket'))?.Condition).toEqual({
      StringLike: { 's3:prefix': ['team/', 'team/*', 'public/', 'public/*'] },
    });
    const whole = buildIamPolicy([{ bucket: 'media', prefix: '', actions: ['list'] }], {
      ...base,
      profile: 'all',
    });
    expect(whole.Statement[0]).not.toHaveProperty('Condition');
  });

  it('gives the uploader profile the multipart actions and no reads', () => {
    const actions = actionsOf(buildIamPolicy(scopes, { ...base, profile: 'uploader' }));
    expect(actions).toEqual(
      expect.arrayContaining([
        's3:PutObject',
        's3:AbortMultipartUpload',
        's3:ListMultipartUploadParts',
        's3:ListBucketMultipartUploads',
      ]),
    );
    expect(actions).not.toContain('s3:GetObject');
    expect(actions).not.toContain('s3:DeleteObject');
  });

  it('gives the viewer profile reads only', () => {
    const actions = actionsOf(buildIamPolicy(scopes, { ...base, profile: 'viewer' }));
    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject', 's3:ListBucket']));
    expect(actions).not.toContain('s3:PutObject');
  });

  it('adds KMS actions for SSE-KMS, restricted to S3 when the key is not an ARN', () => {
    const uploader = buildIamPolicy(scopes, { ...base, profile: 'uploader', kmsKeyId: 'alias/x' });
    expect(uploader.Statement.at(-1)).toMatchObject({
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': ['s3.eu-west-1.amazonaws.com'] } },
    });
    const arn = 'arn:aws:kms:eu-west-1:123456789012:key/abcd';
    const viewer = buildIamPolicy(scopes, { ...base, profile: 'viewer', kmsKeyId: arn });
    expect(viewer.Statement.at(-1)).toEqual({
      Sid: 'KmsForSse',
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: arn,
    });
  });
});
