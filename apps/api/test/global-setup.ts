// Starts what integration tests talk to, once per jest run: PostgreSQL (DATABASE_URL when set,
// else an embedded server in a temp dir) with one migrated database per worker, and the local
// S3 server as a real child process. Local imports name the `.ts` file: jest's globalSetup
// ignores moduleNameMapper, so `./x.js` would not resolve here.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate } from '../src/db/migrate.ts';
import { testState } from './state.ts';

const REPO = path.resolve(__dirname, '../../..');
const LOCAL_S3_KEY_ID = 's3am-test';
const LOCAL_S3_SECRET = 's3am-test-secret';

export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 's3am-test-'));
  testState.tmpDir = tmp;
  // As root, the embedded cluster runs as user `postgres`, which must be able to enter this dir.
  await chmod(tmp, 0o755);

  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg') });
    testState.stopPostgres = () => embedded.stop();
    adminUrl = embedded.connectionString;
  }
  const serverUrl = adminUrl;

  const prefix = `s3am_test_${process.pid}`;
  const template = `${prefix}_tpl`;
  const workers = Math.max(1, globalConfig.maxWorkers);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
    await migrate(withDatabase(serverUrl, template), path.join(REPO, 'prisma/migrations'));
    for (let worker = 1; worker <= workers; worker++) {
      await admin.query(`CREATE DATABASE ${prefix}_w${worker} TEMPLATE ${template}`);
    }
  } finally {
    await admin.end();
  }
  testState.dropDatabases = async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    for (let worker = 1; worker <= workers; worker++) {
      await client.query(`DROP DATABASE IF EXISTS ${prefix}_w${worker} WITH (FORCE)`);
    }
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.end();
  };

  const endpoint = await startLocalS3Process(path.join(tmp, 's3'));

  process.env.S3AM_TEST_DB_URL_PATTERN = withDatabase(serverUrl, `${prefix}_wJESTWORKER`);
  process.env.S3AM_TEST_DB_TEMPLATE = template;
  process.env.S3AM_TEST_S3_ENDPOINT = endpoint;
  process.env.S3AM_TEST_S3_ACCESS_KEY_ID = LOCAL_S3_KEY_ID;
  process.env.S3AM_TEST_S3_SECRET_ACCESS_KEY = LOCAL_S3_SECRET;
  process.env.S3AM_TEST_TMP = tmp;
}

/** Runs `pnpm s3:local`'s entry point and waits for the line that names its endpoint. */
function startLocalS3Process(directory: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts'], {
    cwd: path.join(REPO, 'packages/local-s3'),
    env: {
      ...process.env,
      LOCAL_S3_PORT: '0',
      LOCAL_S3_DIR: directory,
      LOCAL_S3_ACCESS_KEY_ID: LOCAL_S3_KEY_ID,
      LOCAL_S3_SECRET_ACCESS_KEY: LOCAL_S3_SECRET,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  testState.stopS3 = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Local S3 endpoint: (http:\/\/\S+)$/m.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`local S3 server exited early (code ${code}): ${output}`)),
    );
  });
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
