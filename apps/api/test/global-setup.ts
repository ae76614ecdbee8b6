// Starts what integration tests talk to, once per jest run: PostgreSQL (DATABASE_URL when set,
// else an embedded server in a temp dir) with one migrated database per worker, and the local
// S3 server. Must not import local `./x.js` files (jest's globalSetup ignores moduleNameMapper).
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from 'jest';
import pg from 'pg';
import { startLocalS3 } from '@s3am/local-s3';
import { migrate } from '../src/db/migrate';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { testState } from './state';

export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 's3am-test-'));
  testState.tmpDir = tmp;

  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });
    testState.stopPostgres = () => embedded.stop();
    adminUrl = embedded.connectionString;
  }

  const prefix = `s3am_test_${process.pid}`;
  const template = `${prefix}_tpl`;
  const workers = Math.max(1, globalConfig.maxWorkers);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
    await migrate(withDatabase(adminUrl, template), path.resolve(__dirname, '../../../prisma/migrations'));
    for (let worker = 1; worker <= workers; worker++) {
      await admin.query(`CREATE DATABASE ${prefix}_w${worker} TEMPLATE ${template}`);
    }
  } finally {
    await admin.end();
  }
  testState.dropDatabases = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    for (let worker = 1; worker <= workers; worker++) {
      await client.query(`DROP DATABASE IF EXISTS ${prefix}_w${worker} WITH (FORCE)`);
    }
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.end();
  };

  const s3 = await startLocalS3({ directory: path.join(tmp, 's3'), buckets: ['uploads'] });
  testState.stopS3 = () => s3.close();

  process.env.S3AM_TEST_DB_TEMPLATE_URL = withDatabase(adminUrl, `${prefix}_w{worker}`);
  process.env.S3AM_TEST_ADMIN_DB_URL = adminUrl;
  process.env.S3AM_TEST_S3_ENDPOINT = s3.endpoint;
  process.env.S3AM_TEST_S3_ACCESS_KEY_ID = s3.accessKeyId;
  process.env.S3AM_TEST_S3_SECRET_ACCESS_KEY = s3.secretAccessKey;
  process.env.S3AM_TEST_TMP = tmp;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
