// Builds the real app against this worker's migrated database, plus small fixture factories.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig, type AppConfig } from '../src/config/env.js';
import { readMigrations } from '../src/db/migrate.js';
import { createPrisma, type Db } from '../src/db/prisma.js';
import { parseKeyring, seal, type Keyring } from '../src/lib/crypto-envelope.js';
import { hashPassword } from '../src/lib/password-hash.js';
import { CONNECTION_SECRET_AAD } from '../src/modules/connections/s3-client.js';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
/** Scratch space removed by the global teardown. */
export function testTmpDir(): string {
  return process.env.S3AM_TEST_TMP ?? os.tmpdir();
}

/** Jest worker number, for names that must not collide between parallel test files. */
export const WORKER_ID = process.env.JEST_WORKER_ID ?? '1';
// Fixed bytes: every test file (each its own module instance) must open what the others sealed.
export const TEST_KEYRING = parseKeyring(`test:${Buffer.alloc(32, 7).toString('base64')}`);
export const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123456789';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  config: Readonly<AppConfig>;
  close(): Promise<void>;
}

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests through jest (global setup)');
  return url;
}

/** The migrated template every worker database was created from (for throwaway databases). */
export function templateDatabase(): string {
  const template = process.env.S3AM_TEST_DB_TEMPLATE;
  if (!template) throw new Error('S3AM_TEST_DB_TEMPLATE is not set: run the tests through jest');
  return template;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: () => Date;
  /** Extra routes to add before the app is ready (e.g. one that throws). */
  extend?: (app: FastifyInstance) => void;
  logger?: Parameters<typeof buildApp>[0]['logger'];
  keyring?: Keyring;
  /** Another database than this worker's (e.g. one a test makes unreachable). */
  databaseUrl?: string;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestContext> {
  const url = options.databaseUrl ?? databaseUrl();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    WEB_DIST_DIR: path.join(REPO_ROOT, '.no-web-dist-in-tests'),
    AUTH_RATE_LIMIT_MAX: '1000',
    RATE_LIMIT_MAX: '10000',
    // Feature tests fail sign-ins on purpose; the security monitor's blocking is tested on its own.
    SECURITY_AUTO_BLOCK: 'false',
    ...options.env,
  });
  const db = createPrisma(url);
  const expectedMigrations = (await readMigrations(config.MIGRATIONS_DIR)).map((m) => m.name);
  const app = await buildApp({
    config,
    db,
    jwtSecret: TEST_JWT_SECRET,
    keyring: options.keyring ?? TEST_KEYRING,
    expectedMigrations,
    logger: options.logger ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  options.extend?.(app);
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      // Detectors count every event in the database, also earlier test files' 401s from this
      // same loopback address: an app that may block could block 127.0.0.1 for every file that
      // runs after it on this worker's database (seen in CI: 177 tests refused with IP_BLOCKED).
      if (config.SECURITY_AUTO_BLOCK)
        await db.ipBlock.deleteMany({ where: { source: { not: 'manual' } } });
      await db.$disconnect();
    },
  };
}

export interface UserFixture {
  id: string;
  email: string;
  password: string;
}

export async function createUser(
  db: Db,
  overrides: { role?: 'admin' | 'uploader' | 'viewer'; disabled?: boolean; password?: string } = {},
): Promise<UserFixture> {
  const email = `user-${randomUUID()}@example.test`;
  const password = overrides.password ?? `pw-${randomUUID()}`;
  const user = await db.user.create({
    data: {
      email,
      passwordHash: await hashPassword(password),
      role: overrides.role ?? 'uploader',
      disabled: overrides.disabled ?? false,
    },
  });
  return { id: user.id, email, password };
}

/** The refresh cookie value from a login/refresh response. */
export function refreshCookieFrom(response: {
  cookies: { name: string; value: string }[];
}): string {
  const cookie = response.cookies.find((c) => c.name === 's3am_refresh');
  if (!cookie) throw new Error('response set no refresh cookie');
  return cookie.value;
}

/** POST /api/auth/login with these credentials (from `remoteAddress` when given): the response. */
export function signIn(
  ctx: TestContext,
  user: { email: string; password: string },
  remoteAddress?: string,
) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
    ...(remoteAddress === undefined ? {} : { remoteAddress }),
  });
}

/** Signs in through the API and returns the access token. */
export async function accessTokenFor(
  ctx: TestContext,
  user: { email: string; password: string },
): Promise<string> {
  const response = await signIn(ctx, user);
  if (response.statusCode !== 200)
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return response.json<{ accessToken: string }>().accessToken;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** Redis for tests that need shared counters: REDIS_URL when set, else the local default. */
export function redisUrl(): string {
  return process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** A clock the test moves by hand (lockouts, idle timeouts, expiries, TOTP steps). */
export function manualClock(startIso: string): { now: () => Date; advance: (ms: number) => void } {
  let current = new Date(startIso);
  return {
    now: () => current,
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** The local S3 server started by the global setup (a real child process). */
export function localS3(): { endpoint: string; accessKeyId: string; secretAccessKey: string } {
  const endpoint = process.env.S3AM_TEST_S3_ENDPOINT;
  if (!endpoint)
    throw new Error('S3AM_TEST_S3_ENDPOINT is not set: run the tests through jest (global setup)');
  return {
    endpoint,
    accessKeyId: process.env.S3AM_TEST_S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: process.env.S3AM_TEST_S3_SECRET_ACCESS_KEY ?? '',
  };
}

/** A connection to the local S3 server with its real keys (secret sealed like the API does). */
export async function createLocalConnection(
  db: Db,
  overrides: { name?: string; buckets?: string[]; sseMode?: string; sseKmsKeyId?: string } = {},
): Promise<string> {
  const s3 = localS3();
  const row = await db.s3Connection.create({
    data: {
      name: overrides.name ?? `local-${randomUUID()}`,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      authMode: 'static_keys',
      accessKeyId: s3.accessKeyId,
      secretCiphertext: seal(TEST_KEYRING, s3.secretAccessKey, CONNECTION_SECRET_AAD),
      buckets: overrides.buckets ?? ['uploads'],
      ...(overrides.sseMode ? { sseMode: overrides.sseMode } : {}),
      ...(overrides.sseKmsKeyId ? { sseKmsKeyId: overrides.sseKmsKeyId } : {}),
    },
  });
  return row.id;
}

/** An SDK client straight to the local S3 server, for seeding and checking objects. */
export function localS3Client(): S3Client {
  const s3 = localS3();
  return new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** A grant on the local S3 server's `uploads` bucket (list + write unless said otherwise). */
export function grantOnUploads(
  db: Db,
  grant: { userId: string; connectionId: string; prefix: string; actions?: string[] },
): Promise<unknown> {
  return db.grant.create({
    data: {
      userId: grant.userId,
      connectionId: grant.connectionId,
      bucket: 'uploads',
      prefix: grant.prefix,
      actions: grant.actions ?? ['list', 'write'],
    },
  });
}
