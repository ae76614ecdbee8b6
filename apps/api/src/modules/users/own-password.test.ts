// Changing one's own password: wrong current passwords are throttled and locked out like failed
// sign-ins (same counters), and a change ends every other credential — API tokens included.
import { randomUUID } from 'node:crypto';
import { ProblemSchema, REFRESH_COOKIE } from '@s3am/contracts';
import {
  bearer,
  createTestApp,
  createUser,
  refreshCookieFrom,
  signIn as signInAs,
  type TestContext,
  type UserFixture,
} from '../../../test/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

let ipCounter = 0;
const freshIp = () => `198.18.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const signIn = (user: UserFixture, remoteAddress: string) => signInAs(ctx, user, remoteAddress);

async function sessionFor(user: UserFixture, remoteAddress: string) {
  const response = await signIn(user, remoteAddress);
  expect(response.statusCode).toBe(200);
  return {
    headers: bearer(response.json<{ accessToken: string }>().accessToken),
    refreshCookie: refreshCookieFrom(response),
  };
}

function changePassword(
  headers: Record<string, string>,
  remoteAddress: string,
  currentPassword: string,
  newPassword = `new-${randomUUID()}`,
) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/me/password',
    headers,
    payload: { currentPassword, newPassword },
    remoteAddress,
  });
}

describe('wrong current passwords', () => {
  it('lock the address after five, like failed sign-ins, even for the right password', async () => {
    const user = await createUser(ctx.db);
    const ip = freshIp();
    const { headers } = await sessionFor(user, ip);
    for (let i = 0; i < 5; i++) {
      const wrong = await changePassword(headers, ip, `guess-${i}`);
      expect(wrong.statusCode).toBe(401);
      expect(ProblemSchema.parse(wrong.json()).code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await changePassword(headers, ip, user.password);
    expect(locked.statusCode).toBe(429);
    expect(ProblemSchema.parse(locked.json()).code).toBe('LOGIN_THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // The same counters as sign-in: that address cannot sign in to the account either.
    expect((await signIn(user, ip)).statusCode).toBe(429);
    expect((await signIn(user, freshIp())).statusCode).toBe(200);

    const events = await ctx.db.auditEvent.findMany({
      where: { action: 'user.password_change', actorId: user.id },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((event) => [event.outcome, event.details])).toEqual([
      ...Array.from({ length: 5 }, () => ['failure', { reason: 'wrong_current_password' }]),
      ['denied', { reason: 'throttled' }],
    ]);
  });

  it('count together with failed sign-ins from the same address', async () => {
    const user = await createUser(ctx.db);
    const ip = freshIp();
    const { headers } = await sessionFor(user, ip);
    for (let i = 0; i < 3; i++) {
      const failed = await signInAs(ctx, { email: user.email, password: `guess-${i}` }, ip);
      expect(failed.statusCode).toBe(401);
    }
    expect((await changePassword(headers, ip, 'guess-3')).statusCode).toBe(401);
    expect((await changePassword(headers, ip, 'guess-4')).statusCode).toBe(401);
    expect((await changePassword(headers, ip, user.password)).statusCode).toBe(429);
  });
});

describe('a successful change', () => {
  it('revokes the person’s API tokens and other sessions, and keeps this session', async () => {
    const user = await createUser(ctx.db);
    const ip = freshIp();
    const current = await sessionFor(user, ip);
    const other = await sessionFor(user, freshIp());
    const minted = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: current.headers,
      payload: { name: 'script', scopes: ['read'] },
    });
    expect(minted.statusCode).toBe(201);
    const apiToken = bearer(minted.json<{ token: string }>().token);
    const me = (headers: Record<string, string>) =>
      ctx.app.inject({ method: 'GET', url: '/api/me', headers });
    expect((await me(apiToken)).statusCode).toBe(200);

    expect((await changePassword(current.headers, ip, user.password)).statusCode).toBe(204);

    expect((await me(apiToken)).statusCode).toBe(401);
    expect((await me(current.headers)).statusCode).toBe(200);
    const otherRefresh = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { [REFRESH_COOKIE]: other.refreshCookie },
    });
    expect(otherRefresh.statusCode).toBe(401);
    expect(await ctx.db.apiToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    const event = await ctx.db.auditEvent.findFirst({
      where: { action: 'user.password_change', actorId: user.id, outcome: 'success' },
    });
    expect(event?.details).toEqual({ apiTokensRevoked: 1 });
  });
});
