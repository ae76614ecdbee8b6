// PATCH /api/grants/:id on real PostgreSQL: an admin changes a grant's actions and expiry, the
// change takes effect at once, and the audit log says what it was and what it became.
import { GrantList, GrantView, ProblemSchema } from '@s3am/contracts';
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
        name: `grant-update-${Date.now()}`,
        endpoint: 'http://127.0.0.1:1',
        authMode: 'default_chain',
      },
    })
  ).id;
});
afterAll(() => ctx.close());

async function uploaderWithGrant(actions: string[]) {
  const user = await createUser(ctx.db, { role: 'uploader' });
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/grants',
    headers: bearer(adminToken),
    payload: { userId: user.id, connectionId, bucket: 'uploads', prefix: 'team/', actions },
  });
  expect(response.statusCode).toBe(201);
  const caller: Caller = { userId: user.id, email: user.email, role: 'uploader' };
  return { user, caller, grant: GrantView.parse(response.json()) };
}

const patch = (id: string, payload: object, token = adminToken) =>
  ctx.app.inject({ method: 'PATCH', url: `/api/grants/${id}`, headers: bearer(token), payload });

async function mayWrite(caller: Caller) {
  try {
    await authorize(
      ctx.db,
      caller,
      { connectionId, bucket: 'uploads', key: 'team/report.pdf', action: 'write' },
      clock.now(),
    );
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'GRANT_DENIED') return false;
    throw error;
  }
}

describe('PATCH /api/grants/:id', () => {
  it('changes actions and expiry, takes effect at once, and audits before and after', async () => {
    const { caller, grant } = await uploaderWithGrant(['list', 'read']);
    expect(await mayWrite(caller)).toBe(false);

    const response = await patch(grant.id, {
      actions: ['list', 'read', 'write'],
      expiresAt: '2026-12-31T23:59:59.000Z',
    });
    expect(response.statusCode).toBe(200);
    const updated = GrantView.parse(response.json());
    expect(updated.actions).toEqual(['list', 'read', 'write']);
    expect(updated.expiresAt).toBe('2026-12-31T23:59:59.000Z');
    expect(updated.prefix).toBe('team/');
    expect(await mayWrite(caller)).toBe(true);

    const event = await ctx.db.auditEvent.findFirst({
      where: { action: 'grant.update', targetId: grant.id },
    });
    expect(event?.outcome).toBe('success');
    expect(event?.details).toMatchObject({
      actionsBefore: 'list read',
      actions: 'list read write',
      expiresAtBefore: null,
      expiresAt: '2026-12-31T23:59:59.000Z',
    });
  });

  it('an expiry in the past ends the grant; null makes it permanent again', async () => {
    const { caller, grant } = await uploaderWithGrant(['write']);
    expect((await patch(grant.id, { expiresAt: '2026-11-01T00:00:00.000Z' })).statusCode).toBe(200);
    expect(await mayWrite(caller)).toBe(false);
    const renewed = await patch(grant.id, { expiresAt: null });
    expect(GrantView.parse(renewed.json()).expiresAt).toBeNull();
    expect(await mayWrite(caller)).toBe(true);
  });

  it('refuses non-admins (403), unknown grants (404) and empty changes (400 with the field)', async () => {
    const { user, grant } = await uploaderWithGrant(['read']);
    const own = await patch(
      grant.id,
      { actions: ['read', 'write'] },
      await accessTokenFor(ctx, user),
    );
    expect(own.statusCode).toBe(403);
    const unchanged = await ctx.app.inject({
      method: 'GET',
      url: `/api/grants?userId=${user.id}`,
      headers: bearer(adminToken),
    });
    expect(GrantList.parse(unchanged.json()).items[0]?.actions).toEqual(['read']);

    const missing = await patch('00000000-0000-4000-8000-000000000000', { actions: ['read'] });
    expect(missing.statusCode).toBe(404);
    expect(ProblemSchema.parse(missing.json()).code).toBe('NOT_FOUND');

    const empty = await patch(grant.id, {});
    expect(empty.statusCode).toBe(400);
    expect(ProblemSchema.parse(empty.json()).errors?.map((e) => e.path)).toEqual(['body.actions']);

    const noActions = await patch(grant.id, { actions: [] });
    expect(noActions.statusCode).toBe(400);
  });
});
