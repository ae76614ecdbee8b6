// The tasks' identity and the secrets as synthesised: least privilege for S3 (the Setup help's
// statements, never s3:* nor Resource *), no access keys, and no secret in plaintext anywhere.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildIamPolicy } from '@s3am/api/iam-policy';
import { onlyResource, resourcesOfType, synthesize, type Synthesis } from './synth-kit.js';

interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

let synth: Synthesis;
let taskRoleId: string;

beforeAll(() => {
  synth = synthesize();
  taskRoleId = onlyResource(synth.template, 'AWS::IAM::Role', 'TaskRole').id;
}, 120_000);
afterAll(() => synth.cleanup());

const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every statement that applies to the task role: inline, attached, and its default policy. */
function taskRoleStatements(): Statement[] {
  const role = onlyResource(synth.template, 'AWS::IAM::Role', 'TaskRole');
  const inline = (
    (role.Properties!.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]
  ).flatMap((policy) => policy.PolicyDocument.Statement);
  expect(role.Properties!.ManagedPolicyArns).toBeUndefined();
  const attached = Object.values(resourcesOfType(synth.template, 'AWS::IAM::Policy'))
    .filter((policy) =>
      JSON.stringify(policy.Properties!.Roles).includes(JSON.stringify({ Ref: taskRoleId })),
    )
    .flatMap(
      (policy) => (policy.Properties!.PolicyDocument as { Statement: Statement[] }).Statement,
    );
  return [...inline, ...attached];
}

describe('task role', () => {
  it('grants S3 actions by name only, never s3:* or *, and never on Resource *', () => {
    const statements = taskRoleStatements();
    const s3Statements = statements.filter((s) => list(s.Action).some((a) => a.startsWith('s3:')));
    expect(s3Statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const actions = list(statement.Action);
      expect(actions).not.toContain('*');
      expect(actions.filter((action) => /^s3:.*\*/.test(action))).toEqual([]);
    }
    for (const statement of s3Statements) {
      expect(statement.Effect).toBe('Allow');
      expect(list(statement.Resource)).not.toContain('*');
      // Every resource is one of the stack's two buckets (or objects in them).
      for (const resource of list(statement.Resource))
        expect(JSON.stringify(resource)).toMatch(
          /"StorageUploadsBucket\w+","Arn"|"StorageLogBucket\w+","Arn"/,
        );
    }
  });

  it('has exactly the uploads-bucket statements the connection Setup help generates', () => {
    const generated = buildIamPolicy(
      [{ bucket: 'any-bucket', prefix: '', actions: ['list', 'read', 'write', 'delete'] }],
      { profile: 'all', kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k', region: 'eu-west-1' },
    ).Statement;
    const uploads = taskRoleStatements().filter((s) =>
      JSON.stringify(s.Resource).includes('StorageUploads'),
    );
    const shape = (s: { Action: string | string[] }) => list(s.Action).join(',');
    expect(uploads.map(shape)).toEqual(generated.map(shape));
  });

  it('may use the uploads key for SSE-KMS (GenerateDataKey, Decrypt) and nothing more', () => {
    const key = onlyResource(synth.template, 'AWS::KMS::Key', 'StorageUploadsKey').id;
    const kms = taskRoleStatements().filter((s) => JSON.stringify(s.Resource).includes(key));
    expect(kms).toEqual([
      {
        Sid: 'KmsForSse',
        Effect: 'Allow',
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: { 'Fn::GetAtt': [key, 'Arn'] },
      },
    ]);
  });

  it('reads only the log prefixes the security monitor needs', () => {
    const logs = taskRoleStatements().filter((s) =>
      JSON.stringify(s.Resource).includes('StorageLogBucket'),
    );
    const actions = new Set(logs.flatMap((s) => list(s.Action)));
    expect([...actions].sort()).toEqual(['s3:GetObject', 's3:GetObjectTagging', 's3:ListBucket']);
    expect(JSON.stringify(logs)).toContain(
      '"s3:prefix":["s3-access/","s3-access/*","cloudtrail/","cloudtrail/*"]',
    );
  });

  it('may assume per-connection roles by name prefix in its own account only', () => {
    expect(taskRoleStatements()).toContainEqual({
      Sid: 'AssumeConnectionRoles',
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: 'arn:aws:iam::123456789012:role/s3am-connection-*',
    });
  });

  it('leaves no long-lived credentials anywhere: no IAM users, no access keys', () => {
    expect(resourcesOfType(synth.template, 'AWS::IAM::User')).toEqual({});
    expect(resourcesOfType(synth.template, 'AWS::IAM::AccessKey')).toEqual({});
    expect(synth.json).not.toMatch(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY/);
  });
});

interface ContainerDefinition {
  Name: string;
  Environment?: { Name: string; Value: unknown }[];
  Secrets?: { Name: string; ValueFrom: unknown }[];
}

function containers(): ContainerDefinition[] {
  return Object.values(resourcesOfType(synth.template, 'AWS::ECS::TaskDefinition')).flatMap(
    (task) => task.Properties!.ContainerDefinitions as ContainerDefinition[],
  );
}

describe('secrets', () => {
  it('are generated by Secrets Manager at deploy time, never given a value in the template', () => {
    const secrets = Object.values(resourcesOfType(synth.template, 'AWS::SecretsManager::Secret'));
    expect(secrets).toHaveLength(4);
    for (const secret of secrets) {
      expect(secret.Properties!.SecretString).toBeUndefined();
      expect(secret.Properties!.GenerateSecretString).toBeDefined();
    }
  });

  it('reach the API and the worker as ECS secrets, never as plain environment variables', () => {
    const secretIds = Object.keys(resourcesOfType(synth.template, 'AWS::SecretsManager::Secret'));
    const app = containers().filter((c) => c.Name === 'api' || c.Name === 'worker');
    expect(app).toHaveLength(2);
    for (const container of app) {
      const plain = (container.Environment ?? []).map((e) => e.Name);
      expect(
        plain.filter(
          (name) => /SECRET|PASSWORD|TOKEN|MASTER_KEY|_URL$/.test(name) && name !== 'PUBLIC_URL',
        ),
      ).toEqual([]);
      const secret = (_name: string, id: string) => ({
        Ref: secretIds.find((s) => s.startsWith(id)),
      });
      const field = (name: string, id: string) => ({
        'Fn::Join': ['', [secret(name, id), `:${name}::`]],
      });
      expect(container.Secrets).toEqual([
        { Name: 'JWT_SECRET', ValueFrom: secret('', 'SecretsJwtSecret') },
        { Name: 'MASTER_KEY_ID', ValueFrom: field('id', 'SecretsMasterKey') },
        { Name: 'MASTER_KEY', ValueFrom: field('key', 'SecretsMasterKey') },
        { Name: 'DB_PASSWORD', ValueFrom: field('password', 'DataDatabaseSecret') },
        { Name: 'REDIS_AUTH_TOKEN', ValueFrom: secret('', 'SecretsRedisAuthToken') },
      ]);
    }
  });

  it('reach RDS and ElastiCache as dynamic references CloudFormation resolves', () => {
    const database = onlyResource(synth.template, 'AWS::RDS::DBInstance', 'DataDatabase');
    expect(JSON.stringify(database.Properties!.MasterUserPassword)).toMatch(
      /^\{"Fn::Join":\["",\["\{\{resolve:secretsmanager:",\{"Ref":"DataDatabaseSecret\w+"\},":SecretString:password::\}\}"\]\]\}$/,
    );
    const redis = onlyResource(synth.template, 'AWS::ElastiCache::ReplicationGroup', 'DataRedis');
    expect(JSON.stringify(redis.Properties!.AuthToken)).toMatch(/\{\{resolve:secretsmanager:/);
    expect(redis.Properties).toMatchObject({
      TransitEncryptionEnabled: true,
      AtRestEncryptionEnabled: true,
    });
    expect(database.Properties).toMatchObject({
      StorageEncrypted: true,
      PubliclyAccessible: false,
    });
  });

  it('contain none of the published trial secrets (docker-compose, .env.example, local S3)', () => {
    for (const published of [
      's3am-compose-secret-change-me',
      's3am-local-secret',
      'S3RVER',
      'change-me',
    ])
      expect(synth.json).not.toContain(published);
  });

  it('stay out of the Docker build context: no .env, cdk.out or node_modules is staged', () => {
    const assets = readdirSync(synth.app.outdir).filter((name) => name.startsWith('asset.'));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const root = path.join(synth.app.outdir, asset);
      expect(existsSync(path.join(root, 'apps/api/Dockerfile'))).toBe(true);
      for (const never of [
        '.env',
        'node_modules',
        'deploy/aws/cdk.out',
        'deploy/aws/node_modules',
        '.git',
      ])
        expect(existsSync(path.join(root, never))).toBe(false);
    }
  });
});
