// The key canary on a throwaway database: sealed by the first instance, opened by every later one,
// never sealed over by keys that cannot open it, and re-sealed by `pnpm admin:rotate-key`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_MASTER_KEYS, spawnApiProcess } from '../../test/api-process.js';
import {
  TEST_KEYRING,
  WORKER_ID,
  createLocalConnection,
  databaseUrl,
  templateDatabase,
} from '../../test/test-app.js';
import { ConfigError } from '../config/env.js';
import { createPrisma, type Db } from '../db/prisma.js';
import { envelopeKeyId, parseKeyring } from '../lib/crypto-envelope.js';
import { verifyKeyCanary } from './key-canary.js';

const canaryDb = `s3am_canary_${process.pid}_w${WORKER_ID}`;
const withDatabase = (name: string) => {
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
};
const keySpec = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const OTHER = parseKeyring(keySpec('other1'));

let admin: pg.Client;
let db: Db;

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: withDatabase('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${canaryDb} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${canaryDb} TEMPLATE ${templateDatabase()}`);
  db = createPrisma(withDatabase(canaryDb));
});

afterAll(async () => {
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS ${canaryDb} WITH (FORCE)`);
  await admin.end();
});

it('refuses, on a database from before the canary, keys that open none of the stored secrets', async () => {
  const connectionId = await createLocalConnection(db, { name: 'sealed-before-the-canary' });
  const message = await refusal(verifyKeyCanary(db, OTHER));
  expect(message).toContain('MASTER_KEYS cannot open the secrets already in this database.');
  expect(message).toContain(
    'The secret of connection "sealed-before-the-canary" was sealed with master key "test"; this instance has "other1".',
  );
  expect(await db.keyCanary.count()).toBe(0);
  await db.s3Connection.delete({ where: { id: connectionId } });
});

it('seals the canary on the first start and opens it on every later one with the same keys', async () => {
  expect(await verifyKeyCanary(db, TEST_KEYRING)).toBe('created');
  expect(await verifyKeyCanary(db, TEST_KEYRING)).toBe('verified');
  // Old keys kept after a new first one still open it.
  const withNewFirst = parseKeyring(`${keySpec('next')},${TEST_MASTER_KEYS}`);
  expect(await verifyKeyCanary(db, withNewFirst)).toBe('verified');
});

it('refuses other keys, or a key of the same id with other bytes, and never seals over the canary', async () => {
  const before = await db.keyCanary.findMany();
  const message = await refusal(verifyKeyCanary(db, OTHER));
  expect(message).toContain(
    'The key canary was sealed with master key "test"; this instance has "other1".',
  );
  expect(message).toContain('Refusing to start; nothing was changed.');
  const sameId = await refusal(verifyKeyCanary(db, parseKeyring(keySpec('test'))));
  expect(sameId).toContain('this instance has a key "test" too, but with other bytes');
  expect(await db.keyCanary.findMany()).toEqual(before);
});

it('is re-sealed by admin:rotate-key, which refuses keys that cannot open it', async () => {
  const connectionId = await createLocalConnection(db, { name: 'rotated' });
  const env = { DATABASE_URL: withDatabase(canaryDb), LOG_LEVEL: 'silent' };
  const before = await db.keyCanary.findMany();

  const wrong = spawnApiProcess('admin-cli/rotate-key', {
    ...env,
    MASTER_KEYS: keySpec('other1'),
  });
  expect(await wrong.exited).toBe(1);
  expect(wrong.output()).toContain('MASTER_KEYS cannot open the secrets already in this database.');
  expect(await db.keyCanary.findMany()).toEqual(before);
  const untouched = await db.s3Connection.findUniqueOrThrow({ where: { id: connectionId } });
  expect(envelopeKeyId(untouched.secretCiphertext ?? '')).toBe('test');

  const next = keySpec('next');
  const rotation = spawnApiProcess('admin-cli/rotate-key', {
    ...env,
    MASTER_KEYS: `${next},${TEST_MASTER_KEYS}`,
  });
  expect(await rotation.exited).toBe(0);
  expect(rotation.output()).toContain('Re-encrypted under key "next"');
  const canary = await db.keyCanary.findUniqueOrThrow({ where: { id: 'master-keys' } });
  expect(envelopeKeyId(canary.ciphertext)).toBe('next');
  // From now on the new key alone is enough, and the old one alone is refused.
  expect(await verifyKeyCanary(db, parseKeyring(next))).toBe('verified');
  const old = await refusal(verifyKeyCanary(db, TEST_KEYRING));
  expect(old).toContain(
    'The key canary was sealed with master key "next"; this instance has "test".',
  );
}, 120_000);
