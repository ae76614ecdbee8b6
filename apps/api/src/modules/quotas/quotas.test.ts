// Quotas against real PostgreSQL and the real local S3 server: admins set a user's or a group's
// limits, usage is measured from ListObjectsV2 (by the route and by the pg-boss job), people see
// what applies to them and the room left, and admins see usage per user and group.
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { MeasureReport, MyQuota, QuotaView, UsageReport } from '@s3am/contracts';
import { startJobQueue, type JobQueue } from '../../jobs/job-queue.js';
import { QUOTA_USAGE_QUEUE, scheduleQuotaUsage } from '../../jobs/quota-usage.job.js';
import { s3NetworkFrom } from '../connections/s3-client.js';
import {
  accessTokenFor,
  bearer,
  createUser,
  databaseUrl,
  localS3Client,
  TEST_KEYRING,
  type TestContext,
} from '../../../test/test-app.js';
import {
  createAppWithLocalConnection,
  problemOf,
  signedInGrantee,
} from '../../../test/uploads-kit.js';

const run = `quotas-${Date.now()}`;
const s3 = localS3Client();
let ctx: TestContext;
let connectionId: string;
let admin: string;
let alice: { token: string; id: string };
let teamId: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection());
  const adminUser = await createUser(ctx.db, { role: 'admin' });
  admin = await accessTokenFor(ctx, adminUser);
  const grantee = await signedInGrantee(ctx, { connectionId, prefix: `${run}/alice/` });
  alice = { token: grantee.token, id: grantee.user.id };
  // A read-only grant: its files must not count against alice's quota.
  await ctx.db.grant.create({
    data: {
      userId: alice.id,
      connectionId,
      bucket: 'uploads',
      prefix: `${run}/archive/`,
      actions: ['list', 'read'],
    },
  });
  const team = await ctx.db.group.create({
    data: { name: `team-${run}`, members: { create: { userId: alice.id } } },
  });
  teamId = team.id;
  await ctx.db.grant.create({
    data: {
      groupId: teamId,
      connectionId,
      bucket: 'uploads',
      prefix: `${run}/team/`,
      actions: ['list', 'write'],
    },
  });
  const put = (key: string, bytes: number) =>
    s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: 'x'.repeat(bytes) }));
  await put(`${run}/alice/a.txt`, 1000);
  await put(`${run}/alice/sub/b.txt`, 2000);
  await put(`${run}/archive/big.txt`, 5000);
  await put(`${run}/team/t.txt`, 700);
});
afterAll(() => ctx.close());

const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe('setting quotas', () => {
  it('admins set a user quota (audited); others are refused; both limits null removes it', async () => {
    const refused = await call(alice.token, 'PUT', `/api/quotas/users/${alice.id}`, {
      maxBytes: 1,
      maxObjects: null,
    });
    expect(refused.statusCode).toBe(403);
    const set = await call(admin, 'PUT', `/api/quotas/users/${alice.id}`, {
      maxBytes: 10_000,
      maxObjects: 5,
    });
    expect(set.statusCode).toBe(200);
    expect(QuotaView.parse(set.json())).toMatchObject({
      subject: 'user',
      subjectId: alice.id,
      maxBytes: 10_000,
      maxObjects: 5,
    });
    const audit = await ctx.db.auditEvent.findFirst({
      where: { action: 'quota.set', targetId: alice.id },
    });
    expect(audit?.details).toMatchObject({ maxBytes: 10_000, maxObjects: 5 });

    const unknown = await call(admin, 'PUT', `/api/quotas/users/${crypto.randomUUID()}`, {
      maxBytes: 1,
      maxObjects: 1,
    });
    expect(unknown.statusCode).toBe(404);
    expect(problemOf(unknown).code).toBe('USER_NOT_FOUND');
    const negative = await call(admin, 'PUT', `/api/quotas/groups/${teamId}`, {
      maxBytes: -1,
      maxObjects: null,
    });
    expect(negative.statusCode).toBe(400);
  });

  it('a group quota is set the same way and removed with two nulls', async () => {
    const set = await call(admin, 'PUT', `/api/quotas/groups/${teamId}`, {
      maxBytes: null,
      maxObjects: 3,
    });
    expect(set.statusCode).toBe(200);
    expect(await ctx.db.quota.count({ where: { groupId: teamId } })).toBe(1);
    await call(admin, 'PUT', `/api/quotas/groups/${teamId}`, { maxBytes: null, maxObjects: null });
    expect(await ctx.db.quota.count({ where: { groupId: teamId } })).toBe(0);
    await call(admin, 'PUT', `/api/quotas/groups/${teamId}`, { maxBytes: null, maxObjects: 3 });
  });
});

describe('measured usage', () => {
  it('sums what S3 holds under the write-granted prefixes; /me shows the room left', async () => {
    const before = MyQuota.parse((await call(alice.token, 'GET', '/api/quotas/me')).json());
    expect(before.quotas.find((q) => q.name === 'you')?.measuredAt).toBeNull();

    const measured = await call(admin, 'POST', '/api/quotas/measure');
    expect(measured.statusCode).toBe(200);
    expect(MeasureReport.parse(measured.json()).failed).toBe(0);

    const mine = MyQuota.parse((await call(alice.token, 'GET', '/api/quotas/me')).json());
    const own = mine.quotas.find((q) => q.name === 'you');
    // The read-only archive (5,000 bytes) is not counted.
    expect(own).toMatchObject({ usedBytes: 3000, usedObjects: 2, maxBytes: 10_000 });
    expect(own?.measuredAt).not.toBeNull();
    const team = mine.quotas.find((q) => q.name === `team-${run}`);
    expect(team).toMatchObject({ usedBytes: 700, usedObjects: 1, maxObjects: 3 });
    expect(mine.remainingBytes).toBe(7000);
    expect(mine.remainingObjects).toBe(2); // the team's 3 - 1 and alice's 5 - 2: the tightest
  });

  it('/me can be asked about one place: only the quotas counting there', async () => {
    const at = (key: string) =>
      call(
        alice.token,
        'GET',
        `/api/quotas/me?connectionId=${connectionId}&bucket=uploads&key=${encodeURIComponent(key)}`,
      ).then((r) => MyQuota.parse(r.json()));
    expect((await at(`${run}/team/`)).quotas.map((q) => q.name)).toEqual([`team-${run}`]);
    const own = await at(`${run}/alice/sub/`);
    expect(own.quotas.map((q) => q.name)).toEqual(['you']);
    expect(own.remainingObjects).toBe(3);
    expect((await at(`${run}/archive/x.txt`)).quotas).toEqual([]);
  });

  it('admins see usage per user and group; nobody else does', async () => {
    expect((await call(alice.token, 'GET', '/api/quotas/usage')).statusCode).toBe(403);
    const report = UsageReport.parse((await call(admin, 'GET', '/api/quotas/usage')).json());
    expect(report.users.find((u) => u.userId === alice.id)).toMatchObject({
      usedBytes: 3000,
      usedObjects: 2,
      maxBytes: 10_000,
      maxObjects: 5,
    });
    expect(report.groups.find((g) => g.groupId === teamId)).toMatchObject({
      usedObjects: 1,
      maxObjects: 3,
    });
  });

  it('the pg-boss job measures again: a file deleted outside the app stops counting', async () => {
    await s3.send(new DeleteObjectCommand({ Bucket: 'uploads', Key: `${run}/alice/a.txt` }));
    const network = s3NetworkFrom(ctx.config);
    let queue: JobQueue | undefined;
    try {
      queue = await startJobQueue(databaseUrl(), () => undefined);
      const deps = {
        db: ctx.db,
        keyring: TEST_KEYRING,
        s3Network: network,
        clock: () => new Date(),
      };
      await scheduleQuotaUsage(queue, deps, 0, ctx.app.log);
      await queue.boss.send(QUOTA_USAGE_QUEUE, {});
      const deadline = Date.now() + 20_000;
      let used = -1;
      while (Date.now() < deadline) {
        const mine = MyQuota.parse((await call(alice.token, 'GET', '/api/quotas/me')).json());
        used = mine.quotas.find((q) => q.name === 'you')?.usedBytes ?? -1;
        if (used === 2000) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(used).toBe(2000);
    } finally {
      await queue?.stop();
      network.clients.close();
    }
  });
});

it('a bucket that cannot be listed keeps its last measurement and is reported as failed', async () => {
  const bob = await signedInGrantee(ctx, { connectionId, prefix: `${run}/bob/` });
  await ctx.db.grant.create({
    data: {
      userId: bob.user.id,
      connectionId,
      bucket: `missing-${Date.now()}`,
      prefix: '',
      actions: ['list', 'write'],
    },
  });
  await call(admin, 'PUT', `/api/quotas/users/${bob.user.id}`, { maxBytes: 100, maxObjects: null });
  const report = MeasureReport.parse((await call(admin, 'POST', '/api/quotas/measure')).json());
  expect(report.failed).toBe(1);
  const mine = MyQuota.parse((await call(alice.token, 'GET', '/api/quotas/me')).json());
  expect(mine.quotas.find((q) => q.name === 'you')?.usedBytes).toBe(2000);
  const audit = await ctx.db.auditEvent.findFirst({
    where: { action: 'quota.measure' },
    orderBy: { seq: 'desc' },
  });
  expect(audit?.details).toMatchObject({ failed: 1 });
});
