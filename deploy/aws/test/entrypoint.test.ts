// container/entrypoint.sh with what ECS injects (the task definition's settings and values shaped
// like the generated secrets): the URLs it composes are what pg and the API's own parser accept.
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import type { CfnTaskDefinition } from 'aws-cdk-lib/aws-ecs';
import { parse as parsePgUrl } from 'pg-connection-string';
import { loadConfig } from '@s3am/api/config';
import { createS3amApp } from '../src/app.js';
import { URL_UNSAFE_CHARACTERS } from '../src/app-secrets.js';
import { REQUIRED_CONTEXT } from './synth-kit.js';

const run = promisify(execFile);
const ENTRYPOINT = path.resolve(__dirname, '../container/entrypoint.sh');

/** A value Secrets Manager could generate from these characters. */
function generated(length: number, alphabet: string): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Every printable ASCII character the database secret may contain.
const DB_PASSWORD_ALPHABET = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))
  .filter((ch) => !URL_UNSAFE_CHARACTERS.includes(ch))
  .join('');

/** The API container's plain environment as the task definition sets it (endpoints faked). */
function taskEnvironment(): Record<string, string> {
  const { stack } = createS3amApp({ context: REQUIRED_CONTEXT });
  const task = stack.runtime.apiService.taskDefinition.node.defaultChild as CfnTaskDefinition;
  const [container] = stack.resolve(task.containerDefinitions) as {
    environment: { name: string; value: unknown }[];
  }[];
  const endpoints: Record<string, string> = {
    DB_HOST: 's3am-db.abc.eu-west-1.rds.amazonaws.com',
    DB_PORT: '5432',
    REDIS_HOST: 'master.s3am-redis.abc.euw1.cache.amazonaws.com',
    REDIS_PORT: '6379',
  };
  return Object.fromEntries(
    container!.environment.map(({ name, value }) => [
      name,
      typeof value === 'string' ? value : endpoints[name]!,
    ]),
  );
}

const secrets = {
  JWT_SECRET: generated(64, ALPHANUMERIC),
  MASTER_KEY_ID: 'k1',
  MASTER_KEY: generated(43, ALPHANUMERIC),
  DB_PASSWORD: `${generated(26, DB_PASSWORD_ALPHABET)}-_.~`,
  REDIS_AUTH_TOKEN: generated(64, ALPHANUMERIC),
};

let environment: Record<string, string>;
beforeAll(() => {
  environment = { PATH: process.env.PATH ?? '', ...taskEnvironment() };
}, 60_000);

async function composed(env: Record<string, string>): Promise<Record<string, string>> {
  const { stdout } = await run(
    'sh',
    [ENTRYPOINT, process.execPath, '-e', 'process.stdout.write(JSON.stringify(process.env))'],
    { env },
  );
  return JSON.parse(stdout) as Record<string, string>;
}

describe('container entrypoint', () => {
  it('composes DATABASE_URL, MASTER_KEYS and REDIS_URL and drops the pieces', async () => {
    const env = await composed({ ...environment, ...secrets });
    const database = parsePgUrl(env.DATABASE_URL!);
    expect(database).toMatchObject({
      host: 's3am-db.abc.eu-west-1.rds.amazonaws.com',
      port: '5432',
      database: 's3am',
      user: 's3am',
      password: secrets.DB_PASSWORD,
      // TLS on (RDS requires it); the RDS CA is not in Node's store (see entrypoint.sh).
      ssl: { rejectUnauthorized: false },
    });
    expect(env.MASTER_KEYS).toBe(`k1:${secrets.MASTER_KEY}`);
    expect(Buffer.from(secrets.MASTER_KEY, 'base64')).toHaveLength(32);
    const redis = new URL(env.REDIS_URL!);
    expect([redis.protocol, redis.hostname, redis.port, redis.password]).toEqual([
      'rediss:',
      'master.s3am-redis.abc.euw1.cache.amazonaws.com',
      '6379',
      secrets.REDIS_AUTH_TOKEN,
    ]);
    for (const piece of ['DB_PASSWORD', 'MASTER_KEY', 'REDIS_AUTH_TOKEN'])
      expect(env[piece]).toBeUndefined();
  });

  it('gives the API a configuration its own parser accepts for production', async () => {
    const env = await composed({ ...environment, ...secrets });
    const config = loadConfig(env);
    expect(config).toMatchObject({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://files.example.com',
      TRUST_PROXY: 1,
      RUN_JOBS: false,
      LOCAL_S3: 'off',
      JWT_SECRET: secrets.JWT_SECRET,
      UPLOAD_STALE_AFTER_HOURS: 72,
    });
    expect(config.DATABASE_URL).toBe(env.DATABASE_URL);
    expect(config.REDIS_URL).toBe(env.REDIS_URL);
  });

  it('keeps older master keys after the current one while a rotation is under way', async () => {
    const env = await composed({ ...environment, ...secrets, MASTER_KEYS_PREVIOUS: 'k0:b2xk' });
    expect(env.MASTER_KEYS).toBe(`k1:${secrets.MASTER_KEY},k0:b2xk`);
    expect(env.MASTER_KEYS_PREVIOUS).toBeUndefined();
  });

  it('refuses to start, naming the variable, when ECS did not inject a secret', async () => {
    const { DB_PASSWORD: _missing, ...incomplete } = secrets;
    const failure = await composed({ ...environment, ...incomplete }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain('DB_PASSWORD');
  });
});
