// The S3 server goes away for 30 s in the middle of an upload (its process killed, then started
// again on the same port and data directory): the engine retries through the outage within its
// time budget and the upload finishes in the same run, byte for byte.
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { MiB } from '@s3am/contracts';
import {
  accessTokenFor,
  createTestApp,
  createUser,
  grantOnUploads,
  testTmpDir,
  type TestContext,
} from '../../../test/test-app.js';
import {
  createConnectionTo,
  engineTask,
  killProcess,
  sha256,
  startOwnLocalS3,
  storedSha256,
  until,
  writeRandomFile,
  type OwnLocalS3,
} from '../../../test/upload-engine-kit.js';

const OUTAGE_MS = 30_000;
let ctx: TestContext;
let s3: OwnLocalS3;
let s3Dir: string;

beforeAll(async () => {
  ctx = await createTestApp({ env: { UPLOAD_SINGLE_PUT_MAX_BYTES: String(MiB) } });
  s3Dir = await mkdtemp(path.join(testTmpDir(), 's3-outage-'));
  s3 = await startOwnLocalS3(s3Dir);
});
afterAll(async () => {
  await killProcess(s3.process);
  await ctx.close();
});

it('finishes an upload in one run while the S3 server is down for 30 s and comes back', async () => {
  const run = `s3-outage-${Date.now()}`;
  const baseUrl = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const connectionId = await createConnectionTo(ctx.db, s3.endpoint);
  const user = await createUser(ctx.db);
  await grantOnUploads(ctx.db, { userId: user.id, connectionId, prefix: `${run}/` });
  const token = await accessTokenFor(ctx, user);

  const dir = await mkdtemp(path.join(testTmpDir(), 's3-outage-file-'));
  const { file, bytes } = await writeRandomFile(dir, 'video.bin', 40 * MiB);
  const task = await engineTask({
    baseUrl,
    token,
    file,
    connectionId,
    key: `${run}/video.bin`,
    concurrency: 1,
    // The default time budget (5 min); a short backoff cap only so the test ends soon after the restart.
    backoff: { capMs: 2_000 },
  });

  let stoppedAt = 0;
  let failedWhileDown: () => void = () => undefined;
  const engineSawTheOutage = new Promise<void>((resolve) => (failedWhileDown = resolve));
  const retriedParts = new Set<number | null>();
  task.on('retry', ({ partNumber }) => {
    if (stoppedAt === 0) return;
    retriedParts.add(partNumber);
    failedWhileDown();
  });
  let outage: Promise<void> | undefined;
  task.on('part', () => {
    outage ??= (async () => {
      const { port } = s3;
      await killProcess(s3.process);
      stoppedAt = Date.now();
      // Wait on the event: the engine has reported a failed attempt against the dead S3.
      await engineSawTheOutage;
      await until(stoppedAt + OUTAGE_MS);
      s3 = await startOwnLocalS3(s3Dir, port);
    })();
  });

  const outcome = await task.start();
  await outage;
  expect(outcome.state).toBe('completed');
  expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(OUTAGE_MS);
  expect(retriedParts.size).toBeGreaterThan(0);
  expect(await storedSha256(s3.client(), `${run}/video.bin`)).toBe(sha256(bytes));
}, 180_000);
