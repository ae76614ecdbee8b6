// Steering a running job: cancel stops it within seconds and leaves no open multipart upload.
import { randomBytes, randomUUID } from 'node:crypto';
import type { MigrationView } from '@s3am/contracts';
import {
  clientFor,
  createConnectionTo,
  openUploads,
  seed,
  startEngine,
  startSecondS3,
  waitForMigration,
  type S3Endpoint,
} from '../../../test/migrations-kit.js';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';

let ctx: TestContext;
let second: S3Endpoint;
let engine: { stop(): Promise<void> };
const source = localS3Client();

beforeAll(async () => {
  ctx = await createTestApp();
  second = await startSecondS3();
  engine = await startEngine(ctx);
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  await second?.stop();
  await ctx?.close();
  source.destroy();
});

it('cancel stops the copies in flight within seconds and aborts their multipart uploads', async () => {
  const srcPrefix = `cancel-${randomUUID()}/`;
  const dstPrefix = `cancel-${randomUUID()}/`;
  await seed(
    source,
    'uploads',
    Array.from({ length: 3 }, (_, i) => ({
      key: `${srcPrefix}big-${i}.bin`,
      body: randomBytes(12 * 1024 * 1024),
    })),
  );
  const token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/migrations',
    headers: bearer(token),
    payload: {
      source: {
        connectionId: await createLocalConnection(ctx.db),
        bucket: 'uploads',
        prefix: srcPrefix,
      },
      destination: {
        connectionId: await createConnectionTo(ctx.db, second),
        bucket: 'uploads',
        prefix: dstPrefix,
      },
      // 1 MiB/s: each 5 MiB part waits its turn, so uploads are open when the cancel comes.
      options: { concurrency: 3, bandwidthMiBps: 1 },
    },
  });
  expect(created.statusCode).toBe(201);
  const id = created.json<MigrationView>().id;
  const deadline = Date.now() + 30_000;
  while (
    (await ctx.db.migrationItem.count({ where: { jobId: id, uploadId: { not: null } } })) === 0
  ) {
    if (Date.now() > deadline) throw new Error('no multipart upload was started');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const cancel = await ctx.app.inject({
    method: 'POST',
    url: `/api/migrations/${id}/cancel`,
    headers: bearer(token),
  });
  expect(cancel.statusCode).toBe(200);
  expect(cancel.json<MigrationView>().state).toBe('cancelled');
  const cancelledAt = Date.now();

  // The runner lets go of the job once its copies stopped and their uploads are aborted.
  while ((await ctx.db.migrationJob.findUniqueOrThrow({ where: { id } })).runnerId !== null) {
    if (Date.now() - cancelledAt > 10_000) throw new Error('the runner did not stop within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const destination = clientFor(second);
  try {
    expect(await openUploads(destination, 'uploads', dstPrefix)).toBe(0);
  } finally {
    destination.destroy();
  }
  const view = await waitForMigration(ctx, token, id, (v) => v.counts.inFlight === 0);
  expect(view.state).toBe('cancelled');
  expect(view.counts.copied.objects).toBeLessThan(3);
  const again = await ctx.app.inject({
    method: 'POST',
    url: `/api/migrations/${id}/pause`,
    headers: bearer(token),
  });
  expect(again.statusCode).toBe(409);
}, 90_000);
