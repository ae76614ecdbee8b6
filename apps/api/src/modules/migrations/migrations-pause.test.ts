// Pause and resume through the HTTP API, and the in-flight count the job page shows: a pause stops
// new copies at once, resume finishes the job with every object written exactly once (writes
// counted by a proxy in front of the destination server), and "in flight" never exceeds the lanes.
import { randomBytes, randomUUID } from 'node:crypto';
import type { MigrationView } from '@s3am/contracts';
import {
  countingProxy,
  createConnectionTo,
  finished,
  listAll,
  seed,
  startEngine,
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
  localS3,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';

let ctx: TestContext;
let token: string;
let second: S3Endpoint;
let proxy: CountingProxy;
let localProxy: CountingProxy;
let engine: { stop(): Promise<void> };
const source = localS3Client();

beforeAll(async () => {
  ctx = await createTestApp();
  second = await startSecondS3();
  proxy = await countingProxy(second.endpoint);
  localProxy = await countingProxy(localS3().endpoint);
  token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
  engine = await startEngine(ctx);
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  await proxy?.close();
  await localProxy?.close();
  await second?.stop();
  await ctx?.close();
  source.destroy();
});

async function seedSmall(prefix: string, count: number) {
  await seed(
    source,
    'uploads',
    Array.from({ length: count }, (_, i) => ({
      key: `${prefix}${String(i % 7)}/obj-${i}.bin`,
      body: randomBytes(256 + (i % 900)),
    })),
    32,
  );
}

/**
 * Streams from the local S3 server to the second one through `proxy`, or (serverSide) copies
 * within the local S3 server through `localProxy` with one connection: CopyObject, fast per object.
 */
async function startJob(
  srcPrefix: string,
  dstPrefix: string,
  concurrency: number,
  serverSide = false,
) {
  const sourceConnection = serverSide
    ? await createConnectionTo(ctx.db, { ...localS3(), endpoint: localProxy.endpoint })
    : await createLocalConnection(ctx.db);
  const destConnection = serverSide
    ? sourceConnection
    : await createConnectionTo(ctx.db, { ...second, endpoint: proxy.endpoint });
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/migrations',
    headers: bearer(token),
    payload: {
      source: { connectionId: sourceConnection, bucket: 'uploads', prefix: srcPrefix },
      destination: { connectionId: destConnection, bucket: 'uploads', prefix: dstPrefix },
      options: { concurrency },
    },
  });
  expect(created.statusCode).toBe(201);
  return created.json<MigrationView>().id;
}

/** Successful writes (PUT, CopyObject, Complete) under `prefix`: [distinct keys, total writes]. */
function writesUnder(prefix: string): [number, number] {
  const counts = [...proxy.writes.entries(), ...localProxy.writes.entries()].filter(([key]) =>
    key.startsWith(prefix),
  );
  return [counts.length, counts.reduce((sum, [, n]) => sum + n, 0)];
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('pause stops new copies at once; resume completes with every object written exactly once', async () => {
  // Few lanes doing fast server-side copies: each takes far less than the runner's once-a-second
  // heartbeat, so a pause seen only there would let many more objects than lanes start after it.
  const OBJECTS = 600;
  const CONCURRENCY = 4;
  const srcPrefix = `pause-${randomUUID()}/`;
  const dstPrefix = `pause-${randomUUID()}/`;
  await seedSmall(srcPrefix, OBJECTS);
  const id = await startJob(srcPrefix, dstPrefix, CONCURRENCY, true);
  await until('the first copies', () => writesUnder(dstPrefix)[1] >= 50, 60_000);

  const pause = await ctx.app.inject({
    method: 'POST',
    url: `/api/migrations/${id}/pause`,
    headers: bearer(token),
  });
  expect(pause.statusCode).toBe(200);
  expect(pause.json<MigrationView>().state).toBe('paused');
  const [, writesAtPause] = writesUnder(dstPrefix);

  // The runner lets go once the copies that had already started are done.
  await until(
    'the runner to let go',
    async () => (await ctx.db.migrationJob.findUniqueOrThrow({ where: { id } })).runnerId === null,
    10_000,
  );
  const [keysPaused, writesPaused] = writesUnder(dstPrefix);
  // At most the copies in flight when the pause came finish: no new object starts after it.
  expect(writesPaused - writesAtPause).toBeLessThanOrEqual(CONCURRENCY);
  expect(writesPaused).toBeLessThan(OBJECTS);
  expect(writesPaused).toBe(keysPaused);

  const paused = await waitForMigration(ctx, token, id, (view) => view.state === 'paused');
  expect(paused.counts.inFlight).toBe(0);
  expect(paused.counts.copied.objects).toBe(writesPaused);
  // Nothing moves while paused, through several dispatcher rounds (four a second).
  const watchUntil = Date.now() + 2500;
  while (Date.now() < watchUntil) {
    const view = await waitForMigration(ctx, token, id, () => true);
    expect(view.state).toBe('paused');
    expect(view.counts.copied.objects).toBe(writesPaused);
    expect(writesUnder(dstPrefix)).toEqual([keysPaused, writesPaused]);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const resume = await ctx.app.inject({
    method: 'POST',
    url: `/api/migrations/${id}/resume`,
    headers: bearer(token),
  });
  expect(resume.statusCode).toBe(200);
  expect(resume.json<MigrationView>().state).toBe('running');
  const done = await waitForMigration(ctx, token, id, finished, 120_000);
  expect(done.state).toBe('completed');
  expect(done.counts).toMatchObject({
    discovered: { objects: OBJECTS },
    copied: { objects: OBJECTS },
    failed: { objects: 0 },
    inFlight: 0,
  });
  // Every object exactly once: nothing skipped, nothing written twice.
  expect(writesUnder(dstPrefix)).toEqual([OBJECTS, OBJECTS]);
  const want = (await listAll(source, 'uploads', srcPrefix)).map((o) => [o.key, o.size, o.etag]);
  const got = (await listAll(source, 'uploads', dstPrefix)).map((o) => [o.key, o.size, o.etag]);
  expect(got).toEqual(want);
}, 240_000);

it('never reports more objects in flight than the job has lanes', async () => {
  const srcPrefix = `inflight-${randomUUID()}/`;
  const dstPrefix = `inflight-${randomUUID()}/`;
  await seedSmall(srcPrefix, 200);
  const id = await startJob(srcPrefix, dstPrefix, 2);
  const seen: number[] = [];
  const done = await waitForMigration(
    ctx,
    token,
    id,
    (view) => {
      if (view.state === 'running') seen.push(view.counts.inFlight);
      return finished(view);
    },
    120_000,
  );
  expect(done.state).toBe('completed');
  expect(seen.some((n) => n > 0)).toBe(true); // the job was watched while it copied
  expect(Math.max(...seen)).toBeLessThanOrEqual(2);
}, 180_000);
