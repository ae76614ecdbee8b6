// BOOTSTRAP_S3_* (docker compose's store) against the real local S3 server on a throwaway
// database: registered once as "Local storage" with both endpoints, its bucket created and its
// CORS rule admitting the app; later starts and other replicas leave the connection alone.
import { randomUUID } from 'node:crypto';
import { GetBucketCorsCommand } from '@aws-sdk/client-s3';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import {
  TEST_KEYRING,
  WORKER_ID,
  databaseUrl,
  localS3,
  localS3Client,
  templateDatabase,
} from '../../test/test-app.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { createPrisma, type Db } from '../db/prisma.js';
import { s3NetworkFrom } from '../modules/connections/s3-client.js';
import { bootstrapSettings, ensureBootstrapStorage } from './bootstrap-storage.js';

const bootstrapDb = `s3am_bootstrap_${process.pid}_w${WORKER_ID}`;
const withDatabase = (name: string) => {
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
};
// Only warn() is called (when the bucket is not ready): recorded, so a test can tell.
const log = { warn: jest.fn() };

let admin: pg.Client;
let db: Db;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: withDatabase('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${bootstrapDb} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${bootstrapDb} TEMPLATE ${templateDatabase()}`);
  db = createPrisma(withDatabase(bootstrapDb));
});

afterAll(async () => {
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS ${bootstrapDb} WITH (FORCE)`);
  await admin.end();
});

function composeLikeSettings(bucket: string) {
  const s3 = localS3();
  return bootstrapSettings(
    loadConfig({
      NODE_ENV: 'test',
      BOOTSTRAP_S3_ENDPOINT: s3.endpoint,
      BOOTSTRAP_S3_PUBLIC_ENDPOINT: 'http://localhost:8333',
      BOOTSTRAP_S3_ACCESS_KEY_ID: s3.accessKeyId,
      BOOTSTRAP_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      BOOTSTRAP_S3_BUCKET: bucket,
    }),
  )!;
}

function start(bucket: string) {
  const s3Network = s3NetworkFrom(loadConfig({ NODE_ENV: 'test' }));
  return ensureBootstrapStorage({
    db,
    keyring: TEST_KEYRING,
    s3Network,
    settings: composeLikeSettings(bucket),
    appOrigin: 'http://app.example.test:8080',
    log: log as unknown as FastifyBaseLogger,
  }).finally(() => s3Network.clients.close());
}

describe('the bootstrap S3 store (BOOTSTRAP_S3_*)', () => {
  const bucket = `bootstrap-${randomUUID().slice(0, 8)}`;

  it('registers it as "Local storage" on the first start, creates the bucket and applies CORS', async () => {
    const store = await start(bucket);
    expect(store).toMatchObject({ registered: true, bucket, ready: true });
    expect(log.warn).not.toHaveBeenCalled();

    const row = await db.s3Connection.findUniqueOrThrow({ where: { id: store!.connectionId } });
    expect(row).toMatchObject({
      name: 'Local storage',
      endpoint: localS3().endpoint,
      publicEndpoint: 'http://localhost:8333',
      forcePathStyle: true,
      buckets: [bucket],
      managedLocal: false,
    });
    expect(row.secretCiphertext).not.toContain(localS3().secretAccessKey);

    const cors = await localS3Client().send(new GetBucketCorsCommand({ Bucket: bucket }));
    expect(cors.CORSRules?.[0]?.AllowedOrigins).toEqual(['http://app.example.test:8080']);
    expect(cors.CORSRules?.[0]?.ExposeHeaders).toContain('ETag');
    expect(
      await db.auditEvent.count({
        where: { action: 'connection.create', targetId: row.id, actorEmail: 'system' },
      }),
    ).toBe(1);
  });

  it('leaves the connection as it is on later starts and on replicas starting together', async () => {
    const before = await db.s3Connection.findFirstOrThrow({ where: { name: 'Local storage' } });
    await db.s3Connection.update({ where: { id: before.id }, data: { region: 'eu-west-3' } });
    const [one, two] = await Promise.all([start(bucket), start(bucket)]);
    expect(one).toMatchObject({ connectionId: before.id, registered: false, ready: true });
    expect(two).toMatchObject({ connectionId: before.id, registered: false, ready: true });
    expect(await db.s3Connection.count()).toBe(1);
    expect((await db.s3Connection.findUniqueOrThrow({ where: { id: before.id } })).region).toBe(
      'eu-west-3',
    );
  });

  it('registers nothing where admins already set up other connections', async () => {
    await db.s3Connection.update({
      where: { name: 'Local storage' },
      data: { name: 'Renamed by an admin' },
    });
    expect(await start(bucket)).toBeUndefined();
    expect(await db.s3Connection.count()).toBe(1);
  });

  it('says what is missing when the settings are half given', () => {
    const half = (env: Record<string, string>) => () =>
      bootstrapSettings(loadConfig({ NODE_ENV: 'test', ...env }));
    expect(half({ BOOTSTRAP_S3_ENDPOINT: 'http://s3:8333' })).toThrow(
      /BOOTSTRAP_S3_ACCESS_KEY_ID, BOOTSTRAP_S3_SECRET_ACCESS_KEY: both needed/,
    );
    expect(half({ BOOTSTRAP_S3_ACCESS_KEY_ID: 'key' })).toThrow(ConfigError);
    expect(bootstrapSettings(loadConfig({ NODE_ENV: 'test' }))).toBeUndefined();
  });
});
