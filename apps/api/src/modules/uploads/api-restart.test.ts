// The API is killed (SIGKILL) in the middle of an upload and started again 20 s later: the
// engine retries through the outage within its time budget and the upload finishes in the same
// run, because everything it needs lives in PostgreSQL and S3, never in the API process.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { MiB } from '@s3am/contracts';
import { freePort, startApiProcess } from '../../../test/api-process.js';
import {
  createLocalConnection,
  createUser,
  databaseUrl,
  grantOnUploads,
  localS3Client,
  testTmpDir,
} from '../../../test/test-app.js';
import {
  engineTask,
  killProcess,
  sha256,
  storedSha256,
  until,
  writeRandomFile,
} from '../../../test/upload-engine-kit.js';
import { createPrisma, type Db } from '../../db/prisma.js';

const OUTAGE_MS = 20_000;
let db: Db;
let port: number;
const children: ChildProcess[] = [];

async function startApi(): Promise<ChildProcess> {
  const child = await startApiProcess(port, {
    UPLOAD_SINGLE_PUT_MAX_BYTES: String(MiB),
    UPLOAD_SWEEP_INTERVAL_MINUTES: '0',
  });
  children.push(child);
  return child;
}

beforeAll(async () => {
  db = createPrisma(databaseUrl());
  port = await freePort();
});
afterAll(async () => {
  for (const child of children) await killProcess(child);
  await db.$disconnect();
});

it('finishes an upload in one run across a SIGKILL of the API and a restart 20 s later', async () => {
  const run = `restart-${Date.now()}`;
  const connectionId = await createLocalConnection(db);
  const user = await createUser(db);
  await grantOnUploads(db, {
    userId: user.id,
    connectionId,
    prefix: `${run}/`,
    actions: ['write'],
  });
  let api = await startApi();
  const baseUrl = `http://127.0.0.1:${port}`;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };

  const dir = await mkdtemp(path.join(testTmpDir(), 'restart-'));
  const { file, bytes } = await writeRandomFile(dir, 'big.bin', 40 * MiB);
  const task = await engineTask({
    baseUrl,
    token: accessToken,
    file,
    connectionId,
    key: `${run}/big.bin`,
    // One part URL per signing call, so the engine must reach the API again after the kill.
    signBatchSize: 1,
    // The default time budget (5 min); a short backoff cap only so the test ends soon after the restart.
    backoff: { capMs: 2_000 },
  });

  let killedAt = 0;
  let failedWhileDown: () => void = () => undefined;
  const engineSawTheOutage = new Promise<void>((resolve) => (failedWhileDown = resolve));
  task.on('retry', () => {
    if (killedAt > 0) failedWhileDown();
  });
  let outage: Promise<void> | undefined;
  task.on('part', () => {
    outage ??= (async () => {
      await killProcess(api);
      killedAt = Date.now();
      // Wait on the event: the engine has reported a failed attempt against the dead API.
      await engineSawTheOutage;
      await until(killedAt + OUTAGE_MS);
      api = await startApi();
    })();
  });

  const outcome = await task.start();
  await outage;
  expect(outcome.state).toBe('completed');
  expect(Date.now() - killedAt).toBeGreaterThanOrEqual(OUTAGE_MS);
  expect(await storedSha256(localS3Client(), `${run}/big.bin`)).toBe(sha256(bytes));
}, 180_000);
