// Reports and dashboards: the security report of a period (JSON and formula-safe CSV), upload
// usage, the compliance posture, and the upload policy that uploads enforce on every instance.
// The app's clock sits in 2031, so this file's period holds only what it creates.
import { randomUUID } from 'node:crypto';
import {
  ComplianceReport,
  ProblemSchema,
  SecurityReport,
  SecurityUsageReport,
  UploadLimits,
  UploadPolicyView,
} from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  grantOnUploads,
  manualClock,
  signIn,
  type TestContext,
} from '../../../test/test-app.js';

const GiB = 1024 ** 3;
const clock = manualClock('2031-03-10T09:00:00.000Z');
const PERIOD = 'from=2031-03-01T00:00:00.000Z&to=2031-04-01T00:00:00.000Z';

let ctx: TestContext;
let token: string;
let admin: { id: string; email: string; password: string };
let connectionId: string;
beforeAll(async () => {
  ctx = await createTestApp({ clock: clock.now });
  admin = await createUser(ctx.db, { role: 'admin' });
  token = await accessTokenFor(ctx, admin);
  connectionId = await createLocalConnection(ctx.db, {
    name: `reports-${randomUUID().slice(0, 6)}`,
  });
});
afterAll(() => ctx.close());

const get = (url: string) => ctx.app.inject({ url, headers: bearer(token) });

/** A completed upload row as the completion service leaves it. */
async function completedUpload(ownerId: string, key: string, size: number, completedAt: string) {
  await ctx.db.upload.create({
    data: {
      ownerId,
      connectionId,
      bucket: 'uploads',
      key,
      mode: 'multipart',
      size: BigInt(size),
      contentType: 'application/octet-stream',
      partSize: BigInt(64 * 1024 * 1024),
      partCount: 1,
      state: 'completed',
      createdAt: new Date(completedAt),
      completedAt: new Date(completedAt),
    },
  });
}

describe('security report and usage', () => {
  const prober = '198.51.100.250';
  const uploader = { id: '', email: '' };

  beforeAll(async () => {
    for (let i = 0; i < 3; i++)
      await signIn(ctx, { email: `nobody-${i}@example.test`, password: 'wrong-password' }, prober);
    clock.advance(86_400_000); // 2031-03-11
    token = await accessTokenFor(ctx, admin);
    await ctx.app.inject({
      url: '/api/system/status',
      headers: { 'user-agent': 'masscan/1.3' },
      remoteAddress: '192.0.2.250',
    });
    const blocked = await ctx.app.inject({
      method: 'POST',
      url: '/api/security/blocks',
      headers: bearer(token),
      payload: { cidr: '203.0.113.128/25', reason: '=HYPERLINK("http://evil.example")' },
    });
    expect(blocked.statusCode).toBe(201);
    const user = await createUser(ctx.db);
    Object.assign(uploader, { id: user.id, email: user.email });
    await completedUpload(user.id, 'projects/big.iso', 3 * GiB, '2031-03-11T10:00:00Z');
    await completedUpload(user.id, 'projects/small.txt', 100, '2031-03-12T10:00:00Z');
    await completedUpload(admin.id, 'notes.md', 50, '2031-03-12T11:00:00Z');
    // Outside the period.
    await completedUpload(user.id, 'projects/old.bin', 5 * GiB, '2031-02-01T10:00:00Z');
  });

  it('reports alerts, failed sign-ins, top IPs, blocks and large uploads of the period', async () => {
    const response = await get(`/api/security/report?${PERIOD}`);
    expect(response.statusCode).toBe(200);
    const report = SecurityReport.parse(response.json());
    expect(report.failedSignIns).toEqual({ total: 3, byDay: [{ day: '2031-03-10', count: 3 }] });
    expect(report.topIps[0]).toMatchObject({ ip: prober, failures: 3 });
    expect(report.alertsByRule).toContainEqual({
      rule: 'scanner-agent',
      severity: 'MEDIUM',
      alerts: 1,
    });
    expect(report.alertsBySeverity.MEDIUM).toBeGreaterThanOrEqual(1);
    expect(report.alertsByDay).toContainEqual(expect.objectContaining({ day: '2031-03-11' }));
    expect(report.blocks.map((block) => block.cidr)).toEqual(['203.0.113.128/25']);
    expect(report.largeUploads).toEqual([
      expect.objectContaining({ key: 'projects/big.iso', size: 3 * GiB, user: uploader.email }),
    ]);
  });

  it('answers the same as CSV, with formulas defused', async () => {
    const response = await get(`/api/security/report?${PERIOD}&format=csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('security-report-2031-04-01.csv');
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toBe('section,name,value,extra');
    expect(lines).toContain('failed_sign_ins,total,3,');
    const block = lines.find((line) => line.startsWith('blocks,'));
    expect(block).toContain(`'=HYPERLINK`);
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await get(
      '/api/security/report?from=2031-04-01T00:00:00.000Z&to=2031-03-01T00:00:00.000Z',
    );
    expect(response.statusCode).toBe(400);
    expect(ProblemSchema.parse(response.json()).code).toBe('VALIDATION');
  });

  it('reports usage per day, user and location, the largest files and active users', async () => {
    const response = await get(`/api/security/usage?${PERIOD}`);
    expect(response.statusCode).toBe(200);
    const usage = SecurityUsageReport.parse(response.json());
    expect(usage.totals).toMatchObject({ uploads: 3, bytes: 3 * GiB + 150 });
    expect(usage.byDay).toEqual([
      { day: '2031-03-11', uploads: 1, bytes: 3 * GiB },
      { day: '2031-03-12', uploads: 2, bytes: 150 },
    ]);
    expect(usage.byUser[0]).toMatchObject({
      email: uploader.email,
      uploads: 2,
      bytes: 3 * GiB + 100,
    });
    expect(usage.byLocation).toContainEqual(
      expect.objectContaining({ bucket: 'uploads', prefix: 'projects/', uploads: 2 }),
    );
    expect(usage.byLocation).toContainEqual(expect.objectContaining({ prefix: '', uploads: 1 }));
    expect(usage.largestFiles.map((file) => file.key)).toEqual([
      'projects/big.iso',
      'projects/small.txt',
      'notes.md',
    ]);
    expect(usage.activeUsers.map((user) => user.email).sort()).toEqual(
      [admin.email, uploader.email].sort(),
    );
  });
});

describe('compliance', () => {
  // Real time here: the audit chain's verification is stamped with it.
  let live: TestContext;
  beforeAll(async () => {
    live = await createTestApp();
  });
  afterAll(() => live.close());

  it('lists each check with pass/fail and what to do', async () => {
    const liveToken = await accessTokenFor(live, admin);
    const get = (url: string) => live.app.inject({ url, headers: bearer(liveToken) });
    const plain = await createUser(ctx.db);
    await ctx.db.apiToken.create({
      data: {
        userId: plain.id,
        name: 'forever',
        tokenHash: randomUUID(),
        prefix: 's3am_x',
        scopes: [],
      },
    });
    const response = await get('/api/security/compliance');
    expect(response.statusCode).toBe(200);
    const report = ComplianceReport.parse(response.json());
    const byId = new Map(report.checks.map((item) => [item.id, item]));
    expect([...byId.keys()]).toEqual([
      'admins-2fa',
      'users-2fa',
      'stale-accounts',
      'tokens-expiry',
      'connections-sse',
      'connections-long-lived-keys',
      'bucket-cors-wildcard',
      'audit-chain-verified',
      'master-key-age',
      'password-policy',
    ]);
    expect(byId.get('admins-2fa')).toMatchObject({ status: 'fail' });
    expect(byId.get('admins-2fa')!.items).toContain(admin.email);
    expect(byId.get('tokens-expiry')!.items).toContain(`${plain.email}: forever`);
    expect(byId.get('connections-sse')!.items.length).toBeGreaterThan(0);
    expect(byId.get('audit-chain-verified')!.status).toBe('fail');
    for (const item of report.checks) expect(item.remedy.length).toBeGreaterThan(10);

    expect(
      (
        await live.app.inject({
          method: 'POST',
          url: '/api/audit/verify',
          headers: bearer(liveToken),
        })
      ).statusCode,
    ).toBe(200);
    const after = ComplianceReport.parse((await get('/api/security/compliance')).json());
    expect(after.checks.find((item) => item.id === 'audit-chain-verified')!.status).toBe('pass');
  });
});

describe('upload policy', () => {
  const policy = (overrides: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'PUT',
      url: '/api/security/upload-policy',
      headers: bearer(token),
      payload: {
        maxFileSizeBytes: null,
        allowedExtensions: null,
        allowedContentTypes: null,
        requireTotpForAdmins: false,
        requireTotpForEveryone: false,
        ...overrides,
      },
    });

  // Everyone (this admin included) must now enrol in 2FA before using the API: undo it directly.
  afterAll(async () => {
    await ctx.db.systemSetting.deleteMany({ where: { key: { in: ['uploads.policy', 'security'] } } });
  });

  it('limits new uploads on every instance at once, and requires 2FA of everyone when asked', async () => {
    const other = await createTestApp({ clock: clock.now });
    try {
      const user = await createUser(ctx.db);
      await grantOnUploads(ctx.db, { userId: user.id, connectionId, prefix: 'policy/' });
      const userToken = await accessTokenFor(other, user);
      const create = (key: string, size: number) =>
        other.app.inject({
          method: 'POST',
          url: '/api/uploads',
          headers: bearer(userToken),
          payload: {
            connectionId,
            bucket: 'uploads',
            key: `policy/${key}`,
            size,
            contentType: 'text/plain',
          },
        });

      const saved = await policy({ maxFileSizeBytes: 1000, allowedExtensions: ['TXT', '.csv'] });
      expect(saved.statusCode).toBe(200);
      expect(UploadPolicyView.parse(saved.json()).effective).toMatchObject({
        maxFileSizeBytes: 1000,
        allowedExtensions: ['.txt', '.csv'],
      });

      // The other instance heard of it (LISTEN/NOTIFY) before its next request.
      const limits = async () =>
        UploadLimits.parse(
          (
            await other.app.inject({ url: '/api/uploads/limits', headers: bearer(userToken) })
          ).json(),
        );
      const deadline = Date.now() + 5000;
      while ((await limits()).maxSize !== 1000 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await limits()).toMatchObject({ maxSize: 1000, allowedExtensions: ['.txt', '.csv'] });
      expect(ProblemSchema.parse((await create('a.pdf', 10)).json()).code).toBe(
        'UPLOAD_TYPE_NOT_ALLOWED',
      );
      expect(ProblemSchema.parse((await create('a.txt', 5000)).json()).code).toBe(
        'UPLOAD_TOO_LARGE',
      );
      expect((await create(`ok-${randomUUID()}.txt`, 10)).statusCode).toBe(201);

      // Above the server's own ceiling is refused.
      const tooBig = await policy({ maxFileSizeBytes: Number.MAX_SAFE_INTEGER });
      expect(tooBig.statusCode).toBe(400);

      expect((await policy({ requireTotpForEveryone: true })).statusCode).toBe(200);
      const me = await ctx.app.inject({
        url: '/api/me',
        headers: bearer(await accessTokenFor(ctx, user)),
      });
      expect(me.json()).toMatchObject({ mustEnrollTotp: true });
    } finally {
      await other.close();
    }
  });
});
