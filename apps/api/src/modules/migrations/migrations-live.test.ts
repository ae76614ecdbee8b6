// Live migration events across API instances: two API processes (two ports) on one database, a
// viewer of GET /api/migrations/:id/events on each; the engine runs in a third place (this test
// process), so only Postgres LISTEN/NOTIFY can carry its progress to the viewers.
import { randomBytes, randomUUID } from 'node:crypto';
import { MigrationStreamEvent, type MigrationView } from '@s3am/contracts';
import { freePort, startProcess, stopProcess, type ApiProcess } from '../../../test/api-process.js';
import { finished, seed, startEngine, waitForMigration } from '../../../test/migrations-kit.js';
import { openSse, type SseViewer } from '../../../test/sse-kit.js';
import {
  accessTokenFor,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';

const OBJECTS = 48;
const OBJECT_BYTES = 32 * 1024;

let ctx: TestContext;
let instances: { process: ApiProcess; url: string }[] = [];
let engine: { stop(): Promise<void> } | undefined;
const viewers: SseViewer<MigrationStreamEvent>[] = [];
const source = localS3Client();

async function startInstance() {
  const port = await freePort();
  // RUN_JOBS=false: neither instance copies anything; they only serve HTTP and watch Postgres.
  const process = await startProcess('server', {
    PORT: String(port),
    RUN_JOBS: 'false',
    UPLOAD_SWEEP_INTERVAL_MINUTES: '0',
  });
  return { process, url: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  ctx = await createTestApp();
  instances = await Promise.all([startInstance(), startInstance()]);
}, 120_000);

afterAll(async () => {
  for (const viewer of viewers) viewer.close();
  await engine?.stop();
  await Promise.all(instances.map((instance) => stopProcess(instance.process)));
  await ctx?.close();
  source.destroy();
});

function watch(instance: { url: string }, token: string, id: string, lastEventId?: string) {
  const viewer = openSse<MigrationStreamEvent>(
    `${instance.url}/api/migrations/${id}/events`,
    token,
    {
      parse: (raw) => MigrationStreamEvent.parse(raw),
      ...(lastEventId === undefined ? {} : { lastEventId }),
    },
  );
  viewers.push(viewer);
  return viewer;
}

const seqsOf = (viewer: SseViewer<MigrationStreamEvent>) =>
  viewer.events.flatMap((event) => event.data.log.map((line) => line.seq));
const done = (event: MigrationStreamEvent) => finished(event.migration);

it('viewers on two API instances see the same job reach 100 %; late and resuming viewers catch up', async () => {
  const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
  const srcPrefix = `live-${randomUUID()}/`;
  await seed(
    source,
    'uploads',
    Array.from({ length: OBJECTS }, (_, i) => ({
      key: `${srcPrefix}obj-${i}.bin`,
      body: randomBytes(OBJECT_BYTES),
    })),
  );
  const token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
  const connectionId = await createLocalConnection(ctx.db);
  const created = await fetch(`${a.url}/api/migrations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      source: { connectionId, bucket: 'uploads', prefix: srcPrefix },
      destination: { connectionId, bucket: 'uploads', prefix: `live-${randomUUID()}/` },
      // 0.5 MiB/s for 1.5 MiB: the job runs for seconds, long enough to watch it move.
      options: { concurrency: 4, bandwidthMiBps: 0.5 },
    }),
  });
  expect(created.status).toBe(201);
  const id = ((await created.json()) as MigrationView).id;

  const first = watch(a, token, id);
  const other = watch(b, token, id);
  expect(await first.opened).toEqual({
    status: 200,
    contentType: 'text/event-stream; charset=utf-8',
  });
  // The current state comes first, before anything changes (no worker runs yet).
  const initial = await other.waitFor(() => true);
  expect(initial.migration).toMatchObject({ id, state: 'running', startedAt: null });
  expect(initial.migration.counts.discovered.objects).toBe(0);
  await first.waitFor(() => true);

  engine = await startEngine(ctx);
  const moving = await first.waitFor(
    (event) => event.migration.state === 'running' && event.migration.counts.copied.objects > 0,
  );
  // The first viewer drops out mid-job and comes back with the id of the last event it had.
  first.close();
  const lastId = first.events.at(-1)!.id;
  expect(lastId).toMatch(/^\d+$/);
  const resumed = watch(a, token, id, lastId);
  const atReconnect = await resumed.waitFor(() => true);
  expect(atReconnect.migration.counts.copied.objects).toBeGreaterThanOrEqual(
    moving.migration.counts.copied.objects,
  );
  expect(atReconnect.log.every((line) => line.seq > Number(lastId))).toBe(true);

  const [endA, endB] = await Promise.all([resumed.waitFor(done), other.waitFor(done)]);
  expect(endB.migration.state).toBe('completed');
  expect(endB.migration.counts.copied).toEqual({ objects: OBJECTS, bytes: OBJECTS * OBJECT_BYTES });
  expect(endA.migration).toEqual(endB.migration);
  // The instance without the job saw it move, not only its start and end.
  expect(
    other.events.some(
      (event) =>
        event.data.migration.state === 'running' &&
        event.data.migration.counts.copied.objects > 0 &&
        event.data.migration.counts.copied.objects < OBJECTS,
    ),
  ).toBe(true);

  // Every log line reached both instances' viewers once, in order; the resumed viewer has the
  // lines from before its drop plus those after, none twice and none missing.
  const allSeqs = (
    await ctx.db.migrationLog.findMany({ where: { jobId: id }, orderBy: { seq: 'asc' } })
  ).map((row) => Number(row.seq));
  expect(allSeqs.length).toBeGreaterThanOrEqual(3);
  expect(seqsOf(other)).toEqual(allSeqs);
  expect([...seqsOf(first), ...seqsOf(resumed)]).toEqual(allSeqs);

  // A viewer arriving after the end gets the final numbers at once, in its first event.
  const late = watch(b, token, id);
  const lateFirst = await late.waitFor(() => true);
  expect(late.events).toHaveLength(1);
  expect(lateFirst.migration).toEqual(endB.migration);
  expect(lateFirst.log.map((line) => line.seq)).toEqual(allSeqs);
  const api = await waitForMigration(ctx, token, id, finished);
  expect(api.counts).toEqual(endB.migration.counts);
}, 180_000);
