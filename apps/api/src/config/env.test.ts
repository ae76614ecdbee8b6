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
