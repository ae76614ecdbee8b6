// A job starts when it is created or resumed, not at the dispatcher's next round: the API NOTIFYs
// the processes that run jobs. Their periodic round is an hour here, so only the NOTIFY can start
// the job (a round also runs when the engine starts, before the job exists).
import { randomUUID } from 'node:crypto';
import type { MigrationView } from '@s3am/contracts';
import {
  finished,
  seed,
  startEngine,
  TEST_ENGINE_SETTINGS,
  waitForMigration,
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
let engine: { stop(): Promise<void> };
const s3 = localS3Client();

beforeAll(async () => {
  ctx = await createTestApp();
  engine = await startEngine(ctx, TEST_ENGINE_SETTINGS, { dispatchEveryMs: 3_600_000 });
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  await ctx?.close();
  s3.destroy();
});

it('a created job and a resumed one start without waiting for a dispatcher round', async () => {
  const prefix = `dispatch-${randomUUID()}/`;
  await seed(s3, 'uploads', [
    { key: `${prefix}src/a.txt`, body: Buffer.from('a') },
    { key: `${prefix}src/b.txt`, body: Buffer.from('bb') },
  ]);
  const token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
  const connectionId = await createLocalConnection(ctx.db);
  const post = (url: string, payload?: object) =>
    ctx.app.inject({
      method: 'POST',
      url,
      headers: bearer(token),
      ...(payload ? { payload } : {}),
    });
  const created = await post('/api/migrations', {
    source: { connectionId, bucket: 'uploads', prefix: `${prefix}src/` },
    destination: { connectionId, bucket: 'uploads', prefix: `${prefix}dst/` },
    options: {},
  });
  expect(created.statusCode).toBe(201);
  const id = created.json<MigrationView>().id;
  const first = await waitForMigration(ctx, token, id, finished, 20_000);
  expect(first.state).toBe('completed');
  expect(first.counts.copied.objects).toBe(2);

  // Retry puts a stopped job back to running: the NOTIFY starts it again (nothing left to copy).
  expect((await post(`/api/migrations/${id}/retry`)).statusCode).toBe(200);
  const again = await waitForMigration(ctx, token, id, finished, 20_000);
  expect(again.state).toBe('completed');
  expect(again.counts.copied.objects).toBe(2);
});
