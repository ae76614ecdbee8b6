// Configuration parsing: defaults, empty-means-unset, path resolution and clear errors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, ENV_VARIABLES, REPO_ROOT, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('gives a working default configuration for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 3000,
      PUBLIC_URL: 'http://127.0.0.1:3000',
      LOCAL_S3: 'auto',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe(path.join(REPO_ROOT, '.data'));
    expect(config.LOCAL_S3_DIR).toBe(path.join(REPO_ROOT, '.data', 's3'));
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '' });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('resolves relative directories against the repository root', () => {
    const config = loadConfig({ DATA_DIR: 'var/data', LOCAL_S3_DIR: 'var/s3' });
    expect(config.DATA_DIR).toBe(path.join(REPO_ROOT, 'var/data'));
    expect(config.LOCAL_S3_DIR).toBe(path.join(REPO_ROOT, 'var/s3'));
  });

  it('derives PUBLIC_URL from a wildcard HOST as localhost, and strips a trailing slash', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://s3am.example.com/' }).PUBLIC_URL).toBe(
      'https://s3am.example.com',
    );
  });

  it('names every invalid variable in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', JWT_SECRET: 'short', LOCAL_S3: 'maybe' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'eighty', JWT_SECRET: 'short', LOCAL_S3: 'maybe' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/JWT_SECRET/);
      expect((error as Error).message).toMatch(/LOCAL_S3/);
      expect((error as Error).message).not.toContain('short');
    }
  });
});

describe('production refuses example secrets', () => {
  // The values docker-compose.yml falls back to when no .env sets them.
  const composeDefaults = {
    NODE_ENV: 'production',
    JWT_SECRET: 'dev-only-jwt-secret-change-me-0123456789abcdef',
    MASTER_KEYS: 'dev1:ZGV2LW9ubHktbWFzdGVyLWtleS1jaGFuZ2UtbWUhISE=',
    DATABASE_URL: 'postgresql://s3am:s3am-dev-only@postgres:5432/s3am',
  };
  const ownSecrets = {
    NODE_ENV: 'production',
    JWT_SECRET: 'a'.repeat(20) + 'b7f3c9d1e5a2f8b4',
    MASTER_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
    DATABASE_URL: 'postgresql://s3am:Xq3-long-random-Password@db:5432/s3am',
  };
  const messageOf = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('loadConfig accepted the environment');
  };

  it('names each variable that holds the compose example secret', () => {
    const message = messageOf(composeDefaults);
    expect(message).toMatch(/production/);
    expect(message).toMatch(/JWT_SECRET/);
    expect(message).toMatch(/MASTER_KEYS/);
    expect(message).toMatch(/DATABASE_URL/);
    // The secrets themselves are never echoed.
    expect(message).not.toContain('dev-only-jwt');
    expect(message).not.toContain('s3am-dev-only');
  });

  it.each([
    ['JWT_SECRET', { JWT_SECRET: composeDefaults.JWT_SECRET }],
    [
      'MASTER_KEYS',
      {
        MASTER_KEYS: `new:${Buffer.alloc(32, 1).toString('base64')},${composeDefaults.MASTER_KEYS}`,
      },
    ],
    ['DATABASE_URL', { DATABASE_URL: composeDefaults.DATABASE_URL }],
    ['JWT_SECRET', { JWT_SECRET: 'please-change-me-before-going-live-0123' }],
  ])('refuses %s alone', (name, override) => {
    const message = messageOf({ ...ownSecrets, ...override });
    expect(message).toContain(`${name}:`);
    expect(message.match(/^ {2}[A-Z_]+:/gm)).toHaveLength(1);
  });

  it('starts with secrets of its own, and outside production with the examples', () => {
    expect(loadConfig(ownSecrets).NODE_ENV).toBe('production');
    expect(loadConfig({ ...composeDefaults, NODE_ENV: 'development' }).JWT_SECRET).toBe(
      composeDefaults.JWT_SECRET,
    );
  });
});

describe('.env.example', () => {
  it('documents every variable the API reads', () => {
    const documented = new Set(
      readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8')
        .split('\n')
        .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
        .filter(Boolean),
    );
    expect(ENV_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });
});
