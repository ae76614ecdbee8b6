// A refresh whose answer was lost (the page reloaded mid-request, the network dropped) can be sent
// again with the same Idempotency-Key and gets the same new cookie; replays stay what they were:
// without the key, with another key, or after the successor was used, the session is revoked.
import { randomBytes } from 'node:crypto';
import { ProblemSchema, REFRESH_COOKIE, TokenResponse } from '@s3am/contracts';
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
let user: UserFixture;

beforeAll(async () => {
  ctx = await createTestApp();
  user = await createUser(ctx.db);
});
afterAll(() => ctx.close());

const newKey = () => randomBytes(16).toString('base64url');

async function signIn(): Promise<{ cookie: string; sessionId: string }> {
  const response = await signInAs(ctx, user);
  expect(response.statusCode).toBe(200);
  const cookie = refreshCookieFrom(response);
  const session = await ctx.db.session.findFirstOrThrow({
    where: { userId: user.id },
    orderBy: { createdAt: 'desc' },
  });
  return { cookie, sessionId: session.id };
}

function refresh(cookie: string, key?: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    cookies: { [REFRESH_COOKIE]: cookie },
    headers: key ? { 'idempotency-key': key } : {},
  });
}

async function revokedBecause(sessionId: string): Promise<string | null> {
  return (await ctx.db.session.findUniqueOrThrow({ where: { id: sessionId } })).revokeReason;
}

it('the same request again after a lost answer gets the same new cookie, and the session lives on', async () => {
  const { cookie: first, sessionId } = await signIn();
  const key = newKey();
  const lost = await refresh(first, key);
  expect(lost.statusCode).toBe(200);
  const second = refreshCookieFrom(lost);

  // A burst of reloads: each page sends the old cookie again with the pending key.
  for (let i = 0; i < 5; i++) {
    const again = await refresh(first, key);
    expect(again.statusCode).toBe(200);
    expect(refreshCookieFrom(again)).toBe(second);
    const { accessToken } = TokenResponse.parse(again.json());
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: bearer(accessToken),
    });
    expect(me.statusCode).toBe(200);
  }
  const next = await refresh(second, newKey());
  expect(next.statusCode).toBe(200);
  expect(await revokedBecause(sessionId)).toBeNull();
});

it('once the successor was used, the old cookie is a replay even with its key', async () => {
  const { cookie: first, sessionId } = await signIn();
  const key = newKey();
  const second = refreshCookieFrom(await refresh(first, key));
  const third = refreshCookieFrom(await refresh(second, newKey()));

  const replay = await refresh(first, key);
  expect(replay.statusCode).toBe(401);
  expect(ProblemSchema.parse(replay.json()).code).toBe('INVALID_REFRESH_TOKEN');
  expect(await revokedBecause(sessionId)).toBe('refresh_token_reuse');
  expect((await refresh(third)).statusCode).toBe(401);
});

it.each([
  ['no key', undefined],
  ['another key', newKey()],
])('a used cookie sent again with %s revokes the session', async (_label, otherKey) => {
  const { cookie: first, sessionId } = await signIn();
  const second = refreshCookieFrom(await refresh(first, newKey()));
  expect((await refresh(first, otherKey)).statusCode).toBe(401);
  expect(await revokedBecause(sessionId)).toBe('refresh_token_reuse');
  expect((await refresh(second)).statusCode).toBe(401);
});

it('a retry after the session ended (signed out) is refused', async () => {
  const { cookie: first } = await signIn();
  const key = newKey();
  const second = refreshCookieFrom(await refresh(first, key));
  const logout = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    cookies: { [REFRESH_COOKIE]: second },
  });
  expect(logout.statusCode).toBe(204);
  expect((await refresh(first, key)).statusCode).toBe(401);
});

it('refuses a malformed Idempotency-Key with 400 VALIDATION', async () => {
  const { cookie } = await signIn();
  const response = await refresh(cookie, 'short');
  expect(response.statusCode).toBe(400);
  expect(ProblemSchema.parse(response.json()).code).toBe('VALIDATION');
});
