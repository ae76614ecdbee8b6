// The API is killed (SIGKILL) in the middle of an upload and started again: the engine's retries
// carry it over the outage and the upload finishes, because everything it needs lives in
// PostgreSQL and S3, never in the API process.
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { MiB } from '@s3am/contracts';
import {
  FetchPartSender,
  NodeFileSource,
  UploadTask,
  createFetchUploadApi,
} from '@s3am/uploader/node';
import { freePort, startApiProcess } from '../../../test/api-process.js';
import {
  createLocalConnection,
  createUser,
  databaseUrl,
  grantOnUploads,
  localS3Client,
  testTmpDir,
} from '../../../test/test-app.js';
import { createPrisma, type Db } from '../../db/prisma.js';

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
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await db.$disconnect();
});

it('finishes an upload across a SIGKILL and restart of the API', async () => {
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

  const bytes = randomBytes(40 * MiB);
  const file = path.join(await mkdtemp(path.join(testTmpDir(), 'restart-')), 'big.bin');
  await writeFile(file, bytes);
  const task = new UploadTask({
    api: createFetchUploadApi({
      baseUrl,
      getAuthHeaders: () => ({ authorization: `Bearer ${accessToken}` }),
    }),
    sender: new FetchPartSender(),
    file: await NodeFileSource.open(file),
    destination: { connectionId, bucket: 'uploads', key: `${run}/big.bin` },
    concurrency: 2,
    // One part URL per signing call, so the engine must reach the API again after the kill.
    signBatchSize: 1,
    backoff: { baseMs: 100, capMs: 1000, maxAttempts: 60 },
  });
  let restarted: Promise<void> | undefined;
  const retriedWhileDown: string[] = [];
  task.on('retry', ({ message }) => retriedWhileDown.push(message));
  task.on('part', () => {
    restarted ??= (async () => {
      api.kill('SIGKILL');
      await new Promise((resolve) => api.once('exit', resolve));
      api = await startApi();
    })();
  });

  const outcome = await task.start();
  await restarted;
  expect(outcome.state).toBe('completed');
  expect(retriedWhileDown.length).toBeGreaterThan(0);
  const object = await localS3Client().send(
    new GetObjectCommand({ Bucket: 'uploads', Key: `${run}/big.bin` }),
  );
  const stored = createHash('sha256')
    .update(await object.Body!.transformToByteArray())
    .digest('hex');
  expect(stored).toBe(createHash('sha256').update(bytes).digest('hex'));
}, 120_000);
