// Operations reports on real PostgreSQL: stats and list-files over the last N days count exactly
// the uploads in the window (the app's clock is set years ahead, so other tests' rows stay out),
// only admins may read them, and bad queries are 400s.
import { UploadStats, UploadedFilesPage } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  type TestContext,
  type UserFixture,
} from '../../../test/test-app.js';

const NOW = new Date('2090-06-15T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let ctx: TestContext;
let adminToken: string;
let alice: UserFixture;
let bob: UserFixture;
let connectionId: string;

async function upload(
  owner: UserFixture,
  key: string,
  state: 'completed' | 'failed' | 'aborted' | 'in_progress',
  size: number,
  at: Date,
) {
  await ctx.db.upload.create({
    data: {
      ownerId: owner.id,
      connectionId,
      bucket: 'uploads',
      key,
      mode: 'single',
      size: BigInt(size),
      contentType: 'application/octet-stream',
      partSize: BigInt(size),
      partCount: 1,
      state,
      createdAt: at,
      updatedAt: at,
      ...(state === 'completed' ? { completedAt: at } : {}),
      ...(state === 'failed' ? { error: 'S3 said no' } : {}),
    },
  });
}

beforeAll(async () => {
  ctx = await createTestApp({ clock: () => NOW });
  connectionId = await createLocalConnection(ctx.db);
  const admin = await createUser(ctx.db, { role: 'admin' });
  adminToken = await accessTokenFor(ctx, admin);
  alice = await createUser(ctx.db);
  bob = await createUser(ctx.db);
  await upload(alice, 'reports/a1.bin', 'completed', 1000, ago(1));
  await upload(alice, 'reports/a2.bin', 'completed', 3000, ago(5));
  await upload(alice, 'reports/a3.bin', 'failed', 10, ago(2));
  await upload(bob, 'reports/b1.bin', 'completed', 500, ago(20));
  await upload(bob, 'reports/b2.bin', 'aborted', 20, ago(3));
  await upload(bob, 'reports/b3.bin', 'in_progress', 30, ago(0.5));
  await upload(bob, 'reports/old.bin', 'completed', 99_999, ago(40)); // outside every window
});

afterAll(() => ctx.close());

const get = (url: string, token = adminToken) =>
  ctx.app.inject({ method: 'GET', url, headers: bearer(token) });

test('stats for 30 days count uploads by state, bytes, people, days and failures', async () => {
  const response = await get('/api/reports/stats?days=30');
  expect(response.statusCode).toBe(200);
  const stats = UploadStats.parse(response.json());
  expect(stats.from).toBe(ago(30).toISOString());
  expect(stats.to).toBe(NOW.toISOString());
  expect(stats.uploads).toEqual({ completed: 3, failed: 1, aborted: 1, inProgress: 1 });
  expect(stats.bytes).toBe(4500);
  expect(stats.users.active).toBe(2);
  expect(stats.users.uploading).toBe(2);
  expect(stats.topUsers).toEqual([
    { userId: alice.id, email: alice.email, completed: 2, bytes: 4000 },
    { userId: bob.id, email: bob.email, completed: 1, bytes: 500 },
  ]);
  expect(stats.perDay).toEqual([
    { date: ago(20).toISOString().slice(0, 10), completed: 1, failed: 0, bytes: 500 },
    { date: ago(5).toISOString().slice(0, 10), completed: 1, failed: 0, bytes: 3000 },
    { date: ago(3).toISOString().slice(0, 10), completed: 0, failed: 1, bytes: 0 },
    { date: ago(2).toISOString().slice(0, 10), completed: 0, failed: 1, bytes: 0 },
    { date: ago(1).toISOString().slice(0, 10), completed: 1, failed: 0, bytes: 1000 },
  ]);
  expect(
    stats.recentFailures.map((failure) => [failure.key, failure.state, failure.error]),
  ).toEqual([
    ['reports/a3.bin', 'failed', 'S3 said no'],
    ['reports/b2.bin', 'aborted', null],
  ]);

  const week = UploadStats.parse((await get('/api/reports/stats?days=7')).json());
  expect(week.uploads.completed).toBe(2);
  expect(week.bytes).toBe(4000);
  expect(week.users.uploading).toBe(1);
});

test('list-files: completed uploads of the window, newest first, by person, in pages', async () => {
  const page = UploadedFilesPage.parse((await get('/api/reports/files?days=7')).json());
  expect(page.items.map((file) => file.key)).toEqual(['reports/a1.bin', 'reports/a2.bin']);
  expect(page.items[0]).toMatchObject({ email: alice.email, size: 1000, connectionId });
  expect(page.nextCursor).toBeNull();

  const bobs = UploadedFilesPage.parse(
    (await get(`/api/reports/files?days=30&userId=${bob.id}`)).json(),
  );
  expect(bobs.items.map((file) => file.key)).toEqual(['reports/b1.bin']);

  const keys: string[] = [];
  let cursor: string | null = null;
  do {
    const next: UploadedFilesPage = UploadedFilesPage.parse(
      (
        await get(
          `/api/reports/files?days=30&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).json(),
    );
    keys.push(...next.items.map((file) => file.key));
    cursor = next.nextCursor;
  } while (cursor);
  expect(keys).toEqual(['reports/a1.bin', 'reports/a2.bin', 'reports/b1.bin']);
});

test('only admins read reports; bad queries are 400 problems, never 500', async () => {
  const uploader = await accessTokenFor(ctx, alice);
  expect((await get('/api/reports/stats', uploader)).statusCode).toBe(403);
  expect((await get('/api/reports/files', uploader)).statusCode).toBe(403);
  expect((await ctx.app.inject({ method: 'GET', url: '/api/reports/stats' })).statusCode).toBe(401);
  for (const url of [
    '/api/reports/stats?days=0',
    '/api/reports/stats?days=abc',
    '/api/reports/files?days=99999',
    '/api/reports/files?userId=not-a-uuid',
    '/api/reports/files?limit=5000',
    '/api/reports/files?cursor=bm90LWEtY3Vyc29y',
  ]) {
    const response = await get(url);
    expect([url, response.statusCode]).toEqual([url, 400]);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  }
});
