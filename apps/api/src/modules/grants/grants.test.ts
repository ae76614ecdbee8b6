// Grants on real PostgreSQL: folder-boundary prefixes, whole-bucket grants, groups, expiry,
// role caps, key validation, audited denials, and the admin-only grant routes.
import { EffectivePermissions, GrantView, GroupView, ProblemSchema } from '@s3am/contracts';
import { isAppError } from '../../lib/app-error.js';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  manualClock,
  type TestContext,
} from '../../../test/test-app.js';
import { authorize, type Caller } from './permissions.service.js';

let ctx: TestContext;
let adminToken: string;
let connectionId: string;
const clock = manualClock('2026-11-23T12:00:00Z');

beforeAll(async () => {
  ctx = await createTestApp({ clock: clock.now });
  adminToken = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
  connectionId = (
    await ctx.db.s3Connection.create({
      data: {
        name: `grants-${Date.now()}`,
        endpoint: 'http://127.0.0.1:1',
        authMode: 'default_chain',
      },
    })
  ).id;
});
afterAll(() => ctx.close());

const post = (url: string, payload: object) =>
  ctx.app.inject({ method: 'POST', url, headers: bearer(adminToken), payload });
async function grant(payload: Record<string, unknown>) {
  const response = await post('/api/grants', { connectionId, bucket: 'uploads', ...payload });
  expect(response.statusCode).toBe(201);
  return GrantView.parse(response.json());
}
async function caller(role: 'uploader' | 'viewer' = 'uploader'): Promise<Caller> {
  const user = await createUser(ctx.db, { role });
  return { userId: user.id, email: user.email, role };
}
async function allowed(
  who: Caller,
  key: string,
  action: 'list' | 'read' | 'write' | 'delete' = 'read',
  bucket = 'uploads',
) {
  try {
    await authorize(ctx.db, who, { connectionId, bucket, key, action }, clock.now());
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'GRANT_DENIED') return false;
    throw error;
  }
}

describe('grant evaluation', () => {
  it('matches prefixes on folder boundaries: data/ never grants data-other/', async () => {
    const alice = await caller();
    await grant({ userId: alice.userId, prefix: 'data', actions: ['read'] });
    expect(await allowed(alice, 'data/report.pdf')).toBe(true);
    expect(await allowed(alice, 'data/deep/report.pdf')).toBe(true);
    expect(await allowed(alice, 'data-other/report.pdf')).toBe(false);
    expect(await allowed(alice, 'report.pdf')).toBe(false);
    expect(await allowed(alice, 'data/report.pdf', 'write')).toBe(false);
    expect(await allowed(alice, 'data/report.pdf', 'read', 'other-bucket')).toBe(false);
  });

  it('refuses traversal and malformed keys before looking at grants', async () => {
    const bob = await caller();
    await grant({ userId: bob.userId, prefix: 'data/', actions: ['read'] });
    await expect(
      authorize(ctx.db, bob, {
        connectionId,
        bucket: 'uploads',
        key: 'data/../secret.txt',
        action: 'read',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(
      authorize(ctx.db, bob, { connectionId, bucket: 'uploads', key: '/data/x', action: 'read' }),
    ).rejects.toMatchObject({ code: 'INVALID_KEY' });
    // Percent-encoding is literal: this key lives under data/, it does not climb out of it.
    expect(await allowed(bob, 'data/..%2Fsecret.txt')).toBe(true);
    expect(await allowed(bob, 'secret%2F..%2Fdata/x')).toBe(false);
  });

  it('treats an empty prefix as the whole bucket', async () => {
    const carol = await caller();
    await grant({ userId: carol.userId, prefix: '', actions: ['list', 'read'] });
    expect(await allowed(carol, 'anything/at/all.bin')).toBe(true);
    expect(await allowed(carol, '', 'list')).toBe(true);
  });

  it('applies group grants to members only, and ignores expired grants', async () => {
    const dave = await caller();
    const erin = await caller();
    const group = GroupView.parse(
      (await post('/api/groups', { name: `team-${Date.now()}`, memberIds: [dave.userId] })).json(),
    );
    await grant({ groupId: group.id, prefix: 'team/', actions: ['read', 'write'] });
    expect(await allowed(dave, 'team/plan.md', 'write')).toBe(true);
    expect(await allowed(erin, 'team/plan.md')).toBe(false);

    await grant({
      userId: erin.userId,
      prefix: 'tmp/',
      actions: ['read'],
      expiresAt: new Date(clock.now().getTime() + 60_000).toISOString(),
    });
    expect(await allowed(erin, 'tmp/a')).toBe(true);
    clock.advance(60_001);
    expect(await allowed(erin, 'tmp/a')).toBe(false);
  });

  it('caps viewers at list and read whatever the grant says', async () => {
    const viewer = await caller('viewer');
    await grant({
      userId: viewer.userId,
      prefix: 'shared/',
      actions: ['list', 'read', 'write', 'delete'],
    });
    expect(await allowed(viewer, 'shared/x', 'read')).toBe(true);
    expect(await allowed(viewer, 'shared/x', 'write')).toBe(false);
    expect(await allowed(viewer, 'shared/x', 'delete')).toBe(false);
  });

  it('audits a denied access with the object it was about', async () => {
    const frank = await caller();
    expect(await allowed(frank, 'private/salaries.xlsx', 'read')).toBe(false);
    const event = await ctx.db.auditEvent.findFirst({
      where: { actorId: frank.userId, action: 'files.read', outcome: 'denied' },
    });
    expect(event?.targetId).toBe('uploads/private/salaries.xlsx');
  });
});

describe('effective permissions', () => {
  it('merges direct and group grants per prefix and names where they come from', async () => {
    const gina = await caller();
    const group = GroupView.parse(
      (await post('/api/groups', { name: `ops-${Date.now()}`, memberIds: [gina.userId] })).json(),
    );
    await grant({ userId: gina.userId, prefix: 'logs/', actions: ['list'] });
    await grant({ groupId: group.id, prefix: 'logs/', actions: ['read'] });
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/users/${gina.userId}/permissions`,
      headers: bearer(adminToken),
    });
    const permissions = EffectivePermissions.parse(response.json());
    expect(permissions.allAccess).toBe(false);
    expect(permissions.entries).toEqual([
      expect.objectContaining({
        bucket: 'uploads',
        prefix: 'logs/',
        actions: ['list', 'read'],
        via: ['direct', `group:${group.name}`],
      }),
    ]);
  });
});

describe('grant routes', () => {
  it('need exactly one grantee and a known connection', async () => {
    const bad = await post('/api/grants', { connectionId, bucket: 'uploads', actions: ['read'] });
    expect(ProblemSchema.parse(bad.json()).code).toBe('VALIDATION');
    const unknown = await post('/api/grants', {
      connectionId: '00000000-0000-4000-8000-000000000000',
      userId: (await caller()).userId,
      bucket: 'uploads',
      actions: ['read'],
    });
    expect(ProblemSchema.parse(unknown.json()).code).toBe('CONNECTION_NOT_FOUND');
  });

  it('are for admins only', async () => {
    const uploader = await createUser(ctx.db, { role: 'uploader' });
    const token = await accessTokenFor(ctx, uploader);
    for (const [method, url] of [
      ['GET', '/api/grants'],
      ['POST', '/api/grants'],
      ['GET', '/api/groups'],
      ['POST', '/api/groups'],
      ['GET', `/api/users/${uploader.id}/permissions`],
    ] as const) {
      expect(
        (await ctx.app.inject({ method, url, headers: bearer(token), payload: {} })).statusCode,
      ).toBe(403);
    }
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me/permissions', headers: bearer(token) }))
        .statusCode,
    ).toBe(200);
  });
});
