// My sessions: listing, revoking one (never someone else's), logging out everywhere, and the
// idle timeout (automatic logoff) with an injected clock.
import { ProblemSchema, REFRESH_COOKIE, SessionList, TokenResponse } from '@s3am/contracts';
import {
  bearer,
  createTestApp,
  createUser,
  refreshCookieFrom,
  type TestContext,
  type UserFixture,
  manualClock,
} from '../../../test/test-app.js';

let ctx: TestContext;
const clock = manualClock('2026-11-23T12:00:00Z');

beforeAll(async () => {
  ctx = await createTestApp({
    clock: clock.now,
    env: { SESSION_IDLE_TIMEOUT_SECONDS: '900', ACCESS_TOKEN_TTL_SECONDS: '3600' },
  });
});
afterAll(() => ctx.close());

async function signIn(user: UserFixture, userAgent = 'jest-browser/1.0') {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'user-agent': userAgent },
    payload: { email: user.email, password: user.password },
  });
  return {
    accessToken: TokenResponse.parse(response.json()).accessToken,
    refreshToken: refreshCookieFrom(response),
  };
}
const mySessions = async (token: string) =>
  SessionList.parse(
    (
      await ctx.app.inject({ method: 'GET', url: '/api/me/sessions', headers: bearer(token) })
    ).json(),
  ).items;

describe('my sessions', () => {
  it('lists active sessions with device, IP and which one is current', async () => {
    const alice = await createUser(ctx.db);
    const laptop = await signIn(alice, 'Laptop Firefox');
    await signIn(alice, 'Phone Safari');
    const sessions = await mySessions(laptop.accessToken);
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.current)?.userAgent).toBe('Laptop Firefox');
    expect(sessions.map((s) => s.ip)).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('revokes one session, which then stops working', async () => {
    const bob = await createUser(ctx.db);
    const laptop = await signIn(bob);
    const phone = await signIn(bob);
    const phoneId = (await mySessions(phone.accessToken)).find((s) => s.current)!.id;
    expect(
      (
        await ctx.app.inject({
          method: 'DELETE',
          url: `/api/me/sessions/${phoneId}`,
          headers: bearer(laptop.accessToken),
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(phone.accessToken) }))
        .statusCode,
    ).toBe(401);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(laptop.accessToken) }))
        .statusCode,
    ).toBe(200);
  });

  it("cannot revoke another user's session, and learns nothing about it", async () => {
    const carol = await createUser(ctx.db);
    const dave = await createUser(ctx.db);
    const carolSession = await signIn(carol);
    const daveSession = await signIn(dave);
    const carolId = (await mySessions(carolSession.accessToken))[0]!.id;
    const response = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${carolId}`,
      headers: bearer(daveSession.accessToken),
    });
    expect(response.statusCode).toBe(404);
    expect(ProblemSchema.parse(response.json()).code).toBe('NOT_FOUND');
    expect(
      (
        await ctx.app.inject({
          method: 'GET',
          url: '/api/me',
          headers: bearer(carolSession.accessToken),
        })
      ).statusCode,
    ).toBe(200);
  });

  it('logs out everywhere: every session and refresh token stops working', async () => {
    const erin = await createUser(ctx.db);
    const one = await signIn(erin);
    const two = await signIn(erin);
    const response = await ctx.app.inject({
      method: 'DELETE',
      url: '/api/me/sessions',
      headers: bearer(one.accessToken),
    });
    expect(response.statusCode).toBe(204);
    for (const session of [one, two]) {
      expect(
        (
          await ctx.app.inject({
            method: 'GET',
            url: '/api/me',
            headers: bearer(session.accessToken),
          })
        ).statusCode,
      ).toBe(401);
      expect(
        (
          await ctx.app.inject({
            method: 'POST',
            url: '/api/auth/refresh',
            cookies: { [REFRESH_COOKIE]: session.refreshToken },
          })
        ).statusCode,
      ).toBe(401);
    }
    const event = await ctx.db.auditEvent.findFirst({
      where: { action: 'auth.logout_everywhere', actorId: erin.id },
    });
    expect(event?.details).toEqual({ sessions: 2 });
  });
});

describe('idle timeout', () => {
  it('keeps an active session alive and ends it after 15 minutes without requests', async () => {
    const frank = await createUser(ctx.db);
    const session = await signIn(frank);
    const me = () =>
      ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(session.accessToken) });
    for (let i = 0; i < 4; i++) {
      clock.advance(10 * 60_000); // 40 minutes of activity, one request every 10 minutes
      expect((await me()).statusCode).toBe(200);
    }
    clock.advance(15 * 60_000 + 1);
    expect((await me()).statusCode).toBe(401);
    const refresh = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { [REFRESH_COOKIE]: session.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const stored = await ctx.db.session.findFirst({ where: { userId: frank.id } });
    expect(stored?.revokeReason).toBe('idle_timeout');
  });
});
