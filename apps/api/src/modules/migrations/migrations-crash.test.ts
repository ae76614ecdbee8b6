// A worker process killed (SIGKILL) in the middle of a 2,000-object job: once a worker runs again,
// the job finishes with every object copied exactly once — nothing missing, no second write at the
// destination (counted by a proxy in front of it), no multipart upload left open.
import { randomBytes, randomUUID } from 'node:crypto';
import type { MigrationView } from '@s3am/contracts';
import { startProcess, stopProcess, type ApiProcess } from '../../../test/api-process.js';
import {
  clientFor,
  countingProxy,
  createConnectionTo,
  finished,
  listAll,
  openUploads,
  seed,
  startSecondS3,
  waitForMigration,
  type CountingProxy,
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

const OBJECTS = 2000;
const WORKER_ENV = { MIGRATION_LEASE_SECONDS: '3', UPLOAD_SWEEP_INTERVAL_MINUTES: '0' };

let ctx: TestContext;
let second: S3Endpoint;
let proxy: CountingProxy;
let worker: ApiProcess | undefined;
const source = localS3Client();

beforeAll(async () => {
  ctx = await createTestApp({ env: { RUN_JOBS: 'false' } });
  second = await startSecondS3();
  proxy = await countingProxy(second.endpoint);
}, 60_000);

afterAll(async () => {
  if (worker) await stopProcess(worker);
  await proxy?.close();
  await second?.stop();
  await ctx?.close();
  source.destroy();
});

async function copiedSoFar(id: string): Promise<number> {
  return ctx.db.migrationItem.count({ where: { jobId: id, state: 'copied' } });
}

it('resumes exactly after SIGKILL of the worker: every object once, nothing left open', async () => {
  const srcPrefix = `crash-${randomUUID()}/`;
  const dstPrefix = `crash-${randomUUID()}/`;
  await seed(
    source,
    'uploads',
    Array.from({ length: OBJECTS }, (_, i) => ({
      key: `${srcPrefix}${String(i % 17)}/obj-${i}.bin`,
      body: randomBytes(512 + (i % 1500)),
    })),
    32,
  );
  const admin = await createUser(ctx.db, { role: 'admin' });
  const token = await accessTokenFor(ctx, admin);
  const response = await ctx.app.inject({
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
        connectionId: await createConnectionTo(ctx.db, { ...second, endpoint: proxy.endpoint }),
        bucket: 'uploads',
        prefix: dstPrefix,
      },
      options: { concurrency: 16 },
    },
  });
  expect(response.statusCode).toBe(201);
  const id = response.json<MigrationView>().id;

  worker = await startProcess('worker', WORKER_ENV);
  const deadline = Date.now() + 120_000;
  while ((await copiedSoFar(id)) < 300) {
    if (Date.now() > deadline) throw new Error('the worker copied too little');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  worker.child.kill('SIGKILL');
  await worker.exited;
  const atKill = await copiedSoFar(id);
  expect(atKill).toBeLessThan(OBJECTS); // killed mid-job, not after it

  worker = await startProcess('worker', WORKER_ENV);
  const view = await waitForMigration(ctx, token, id, finished, 180_000);
  expect(view.state).toBe('completed');
  expect(view.counts).toMatchObject({
    discovered: { objects: OBJECTS },
    copied: { objects: OBJECTS },
    failed: { objects: 0 },
    inFlight: 0,
  });

  const destination = clientFor(second);
  try {
    const want = (await listAll(source, 'uploads', srcPrefix)).map((o) => [o.key, o.size, o.etag]);
    const got = (await listAll(destination, 'uploads', dstPrefix)).map((o) => [
      o.key,
      o.size,
      o.etag,
    ]);
    expect(got).toEqual(want); // same keys, sizes and MD5 checksums
    expect(await openUploads(destination, 'uploads', dstPrefix)).toBe(0);
  } finally {
    destination.destroy();
  }
  const writes = [...proxy.writes.entries()].filter(([key]) => key.startsWith(dstPrefix));
  expect(writes).toHaveLength(OBJECTS);
  expect(writes.filter(([, count]) => count !== 1)).toEqual([]);
}, 400_000);
