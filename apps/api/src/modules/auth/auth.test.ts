// Login, refresh rotation with replay detection, logout and /api/me on real PostgreSQL.
import { ProblemSchema, REFRESH_COOKIE, TokenResponse } from '@s3am/contracts';
import {
  createTestApp,
  createUser,
  refreshCookieFrom,
  type TestContext,
  type UserFixture,
} from '../../../test/test-app.js';

let ctx: TestContext;
let alice: UserFixture;

beforeAll(async () => {
  ctx = await createTestApp();
  alice = await createUser(ctx.db, { role: 'uploader' });
});
afterAll(() => ctx.close());

function loginAs(user: { email: string; password: string }) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
  });
}
function refreshWith(token: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    cookies: { [REFRESH_COOKIE]: token },
  });
}
function me(accessToken: string) {
  return ctx.app.inject({
    method: 'GET',
    url: '/api/me',
    headers: { authorization: `Bearer ${accessToken}` },
  });
}

describe('POST /api/auth/login', () => {
  it('returns an access token and sets an httpOnly refresh cookie for the right password', async () => {
    const response = await loginAs(alice);
    expect(response.statusCode).toBe(200);
    const body = TokenResponse.parse(response.json());
    expect(body.user).toMatchObject({ id: alice.id, email: alice.email, role: 'uploader' });
    const cookie = response.cookies.find((c) => c.name === REFRESH_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(JSON.stringify(response.json())).not.toContain(cookie?.value);
  });

  it('accepts the email in any letter case', async () => {
    const response = await loginAs({ email: alice.email.toUpperCase(), password: alice.password });
    expect(response.statusCode).toBe(200);
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS and audits the failure', async () => {
    const response = await loginAs({ email: alice.email, password: 'not-the-password' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(ProblemSchema.parse(response.json()).code).toBe('INVALID_CREDENTIALS');
    const event = await ctx.db.auditEvent.findFirst({
      where: { action: 'auth.login', actorId: alice.id, outcome: 'failure' },
      orderBy: { seq: 'desc' },
    });
    expect(event?.details).toEqual({ reason: 'wrong_password' });
    expect(
      JSON.stringify(event, (_key, value: unknown) =>
        typeof value === 'bigint' ? String(value) : value,
      ),
    ).not.toContain('not-the-password');
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const unknown = await loginAs({ email: 'nobody@example.test', password: 'whatever-password' });
    const wrong = await loginAs({ email: alice.email, password: 'whatever-password' });
    expect(unknown.statusCode).toBe(wrong.statusCode);
    const { requestId: _a, ...unknownBody } = ProblemSchema.parse(unknown.json());
    const { requestId: _b, ...wrongBody } = ProblemSchema.parse(wrong.json());
    expect(unknownBody).toEqual(wrongBody);
  });

  it('refuses a disabled user even with the right password', async () => {
    const bob = await createUser(ctx.db, { disabled: true });
    const response = await loginAs(bob);
    expect(response.statusCode).toBe(401);
  });

  it('audits a successful login with the session as target', async () => {
    const response = await loginAs(alice);
    const event = await ctx.db.auditEvent.findFirst({
      where: { action: 'auth.login', actorId: alice.id, outcome: 'success' },
      orderBy: { seq: 'desc' },
    });
    expect(event?.targetType).toBe('session');
    expect(event?.requestId).toBe(response.headers['x-request-id']);
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates the refresh token and refuses the old one after use', async () => {
    const first = refreshCookieFrom(await loginAs(alice));
    const rotated = await refreshWith(first);
    expect(rotated.statusCode).toBe(200);
    const second = refreshCookieFrom(rotated);
    expect(second).not.toBe(first);
    expect((await me(TokenResponse.parse(rotated.json()).accessToken)).statusCode).toBe(200);

    const replay = await refreshWith(first);
    expect(replay.statusCode).toBe(401);
    expect(ProblemSchema.parse(replay.json()).code).toBe('INVALID_REFRESH_TOKEN');
  });

  it('revokes the whole session when a used refresh token comes back', async () => {
    const login = await loginAs(alice);
    const first = refreshCookieFrom(login);
    const rotated = await refreshWith(first);
    const second = refreshCookieFrom(rotated);
    const accessToken = TokenResponse.parse(rotated.json()).accessToken;

    expect((await refreshWith(first)).statusCode).toBe(401);
    // The legitimate newest token and the access token die with the family.
    expect((await refreshWith(second)).statusCode).toBe(401);
    expect((await me(accessToken)).statusCode).toBe(401);
    const reuse = await ctx.db.auditEvent.findFirst({
      where: { action: 'auth.refresh_reuse', actorId: alice.id },
      orderBy: { seq: 'desc' },
    });
    expect(reuse?.outcome).toBe('denied');
  });

  it('refuses a missing or unknown refresh token', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/refresh' })).statusCode).toBe(
      401,
    );
    expect((await refreshWith('forged-token')).statusCode).toBe(401);
  });

  it('stores only a hash of refresh tokens', async () => {
    const token = refreshCookieFrom(await loginAs(alice));
    const stored = await ctx.db.refreshToken.findMany({ where: { tokenHash: token } });
    expect(stored).toHaveLength(0);
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session: the refresh cookie is cleared and both tokens stop working', async () => {
    const login = await loginAs(alice);
    const refreshToken = refreshCookieFrom(login);
    const { accessToken } = TokenResponse.parse(login.json());

    const logout = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { [REFRESH_COOKIE]: refreshToken },
    });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === REFRESH_COOKIE)?.value).toBe('');
    expect((await refreshWith(refreshToken)).statusCode).toBe(401);
    expect((await me(accessToken)).statusCode).toBe(401);
  });
});

describe('GET /api/me', () => {
  it('returns the signed-in user', async () => {
    const { accessToken } = TokenResponse.parse((await loginAs(alice)).json());
    const response = await me(accessToken);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: alice.id,
      email: alice.email,
      role: 'uploader',
      mustChangePassword: false,
      totpEnabled: false,
      mustEnrollTotp: false,
    });
  });

  it('refuses a request without a token, or with a forged one', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const forged = await me('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.invalid');
    expect(forged.statusCode).toBe(401);
    expect(ProblemSchema.parse(forged.json()).code).toBe('UNAUTHENTICATED');
  });

  it("refuses a disabled user's existing access token on the next request", async () => {
    const carol = await createUser(ctx.db);
    const { accessToken } = TokenResponse.parse((await loginAs(carol)).json());
    expect((await me(accessToken)).statusCode).toBe(200);
    await ctx.db.user.update({ where: { id: carol.id }, data: { disabled: true } });
    expect((await me(accessToken)).statusCode).toBe(401);
  });
});
