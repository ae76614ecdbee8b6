// Personal API tokens: shown once, stored hashed, usable as Bearer, scopes enforced, audited
// with the token id, revocable, expiring, and useless once the user is disabled.
import { ApiTokenList, CreatedApiToken, ProblemSchema } from '@s3am/contracts';
import { hashToken } from '../../lib/secret-token.js';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  type TestContext,
  type UserFixture,
  manualClock,
} from '../../../test/test-app.js';

let ctx: TestContext;
const clock = manualClock('2026-11-23T12:00:00Z');
let admin: UserFixture;
let adminSession: string;

beforeAll(async () => {
  ctx = await createTestApp({
    clock: clock.now,
    env: {
      SESSION_IDLE_TIMEOUT_SECONDS: String(400 * 24 * 3600),
      SESSION_MAX_AGE_SECONDS: String(400 * 24 * 3600),
    },
  });
  admin = await createUser(ctx.db, { role: 'admin' });
  adminSession = await accessTokenFor(ctx, admin);
});
afterAll(() => ctx.close());

async function createToken(session: string, body: object) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/me/tokens',
    headers: bearer(session),
    payload: body,
  });
  return {
    response,
    created: response.statusCode === 201 ? CreatedApiToken.parse(response.json()) : undefined,
  };
}

describe('API tokens', () => {
  it('is shown once, stored only as a hash, and listed without the secret', async () => {
    const { response, created } = await createToken(adminSession, {
      name: 'backup script',
      scopes: ['read'],
    });
    expect(response.statusCode).toBe(201);
    expect(created!.token).toMatch(/^s3am_[A-Za-z0-9_-]{43}$/);
    expect(created!.apiToken).toMatchObject({
      name: 'backup script',
      scopes: ['read'],
      prefix: created!.token.slice(0, 11),
    });
    expect(created!.apiToken.expiresAt).toBe(
      new Date(clock.now().getTime() + 90 * 24 * 3600 * 1000).toISOString(),
    );
    const stored = await ctx.db.apiToken.findUniqueOrThrow({ where: { id: created!.apiToken.id } });
    expect(stored.tokenHash).toBe(hashToken(created!.token));
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/me/tokens',
      headers: bearer(adminSession),
    });
    expect(ApiTokenList.parse(list.json()).items.map((t) => t.id)).toContain(created!.apiToken.id);
    expect(list.body).not.toContain(created!.token);
  });

  it('authenticates as its owner and records each use with the token id', async () => {
    const { created } = await createToken(adminSession, { name: 'reader', scopes: ['read'] });
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: bearer(created!.token),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: admin.id });
    const use = await ctx.db.auditEvent.findFirst({
      where: { action: 'api_token.use', targetId: created!.apiToken.id },
    });
    expect(use).toMatchObject({ actorId: admin.id, targetType: 'api_token' });
    expect(use?.details).toEqual({ method: 'GET', route: '/api/me' });
  });

  it('enforces scopes: read cannot write, and admin routes need the admin scope', async () => {
    const { created: reader } = await createToken(adminSession, {
      name: 'read only',
      scopes: ['read'],
    });
    const write = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(reader!.token),
      payload: { email: 'x@example.test', role: 'viewer' },
    });
    expect(write.statusCode).toBe(403);
    expect(ProblemSchema.parse(write.json()).code).toBe('TOKEN_SCOPE');
    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: bearer(reader!.token),
    });
    expect(ProblemSchema.parse(list.json()).code).toBe('TOKEN_SCOPE');

    const { created: adminToken } = await createToken(adminSession, {
      name: 'admin reader',
      scopes: ['read', 'admin'],
    });
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: '/api/users',
          headers: bearer(adminToken!.token),
        })
      ).statusCode,
    ).toBe(200);
    const denied = await ctx.db.auditEvent.findFirst({
      where: { action: 'access.denied', targetId: reader!.apiToken.id },
    });
    expect((denied?.details as { reason: string }).reason).toBe('TOKEN_SCOPE');
  });

  it('lets only admins create admin-scoped tokens', async () => {
    const uploader = await createUser(ctx.db, { role: 'uploader' });
    const session = await accessTokenFor(ctx, uploader);
    const { response } = await createToken(session, { name: 'sneaky', scopes: ['admin'] });
    expect(response.statusCode).toBe(403);
    const { created } = await createToken(session, { name: 'fine', scopes: ['read', 'write'] });
    // The role still bounds a token: an uploader's token never reaches admin routes.
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/users', headers: bearer(created!.token) }))
        .statusCode,
    ).toBe(403);
  });

  it('cannot manage tokens itself', async () => {
    const { created } = await createToken(adminSession, {
      name: 'all scopes',
      scopes: ['read', 'write', 'admin'],
    });
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: bearer(created!.token),
      payload: { name: 'child', scopes: ['read'] },
    });
    expect(response.statusCode).toBe(403);
    expect(ProblemSchema.parse(response.json()).code).toBe('SESSION_REQUIRED');
  });

  it('stops working when revoked, when expired, and when its user is disabled', async () => {
    const { created: revoked } = await createToken(adminSession, {
      name: 'to revoke',
      scopes: ['read'],
    });
    expect(
      (
        await ctx.app.inject({
          method: 'DELETE',
          url: `/api/me/tokens/${revoked!.apiToken.id}`,
          headers: bearer(adminSession),
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(revoked!.token) }))
        .statusCode,
    ).toBe(401);

    const { created: shortLived } = await createToken(adminSession, {
      name: 'one day',
      scopes: ['read'],
      expiresInDays: 1,
    });
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(shortLived!.token) }))
        .statusCode,
    ).toBe(200);
    clock.advance(24 * 3600 * 1000 + 1);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(shortLived!.token) }))
        .statusCode,
    ).toBe(401);

    const viewer = await createUser(ctx.db, { role: 'viewer' });
    const { created: viewerToken } = await createToken(await accessTokenFor(ctx, viewer), {
      name: 'viewer',
      scopes: ['read'],
    });
    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${viewer.id}`,
      headers: bearer(adminSession),
      payload: { disabled: true },
    });
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(viewerToken!.token) }))
        .statusCode,
    ).toBe(401);
  });

  it("cannot revoke someone else's token", async () => {
    const { created } = await createToken(adminSession, { name: 'mine', scopes: ['read'] });
    const other = await createUser(ctx.db);
    const response = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/me/tokens/${created!.apiToken.id}`,
      headers: bearer(await accessTokenFor(ctx, other)),
    });
    expect(response.statusCode).toBe(404);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(created!.token) }))
        .statusCode,
    ).toBe(200);
  });
});
