// Rate limits an attacker cannot sidestep: counted before authentication, per signed-in caller
// with a higher per-IP ceiling (colleagues behind one NAT do not throttle each other), and a
// refresh budget of its own, apart from the strict sign-in one.
import { createHmac, randomUUID } from 'node:crypto';
import { ProblemSchema, REFRESH_COOKIE, UPLOAD_COOKIE } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  refreshCookieFrom,
  type TestContext,
} from '../../test/test-app.js';

const OFFICE_NAT = '198.51.100.20';

/** An access token signed with a key that is not the server's. */
function forgedJwt(claims: { sub: string; sid: string; role: string }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, iat: now, exp: now + 900 })}`;
  const signature = createHmac('sha256', 'not-the-server-secret')
    .update(unsigned)
    .digest('base64url');
  return `${unsigned}.${signature}`;
}

async function withApp(env: Record<string, string>, run: (ctx: TestContext) => Promise<void>) {
  const ctx = await createTestApp({ env });
  try {
    await run(ctx);
  } finally {
    await ctx.close();
  }
}

function me(ctx: TestContext, headers: Record<string, string>, remoteAddress = OFFICE_NAT) {
  return ctx.app.inject({ method: 'GET', url: '/api/me', headers, remoteAddress });
}

async function statuses(count: number, call: () => Promise<{ statusCode: number }>) {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await call()).statusCode);
  return seen;
}

describe('counted before authentication', () => {
  it('700 calls with a bogus API token get 429 once the 600 allowed are spent', async () => {
    await withApp({ RATE_LIMIT_MAX: '600' }, async (ctx) => {
      const bogus = bearer(`s3am_${randomUUID()}`);
      const seen = await statuses(700, () => me(ctx, bogus));
      expect(seen.slice(0, 600).every((status) => status === 401)).toBe(true);
      expect(seen.slice(600).every((status) => status === 429)).toBe(true);
      const limited = await me(ctx, bogus);
      expect(ProblemSchema.parse(limited.json()).code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  it('counts access tokens that do not verify against the client IP', async () => {
    await withApp({ RATE_LIMIT_MAX: '5' }, async (ctx) => {
      const seen = await statuses(7, () =>
        me(ctx, bearer(forgedJwt({ sub: randomUUID(), sid: randomUUID(), role: 'admin' }))),
      );
      expect(seen).toEqual([401, 401, 401, 401, 401, 429, 429]);
    });
  });

  it("a forged token naming someone cannot spend that person's budget", async () => {
    await withApp({ RATE_LIMIT_MAX: '3' }, async (ctx) => {
      const victim = await createUser(ctx.db);
      const token = await accessTokenFor(ctx, victim);
      const forged = forgedJwt({ sub: victim.id, sid: randomUUID(), role: 'uploader' });
      await statuses(5, () => me(ctx, bearer(forged), '203.0.113.66'));
      expect((await me(ctx, bearer(token))).statusCode).toBe(200);
    });
  });
});

describe('per caller, with a per-IP ceiling', () => {
  it('one user bursting to 429 does not throttle another user on the same IP', async () => {
    await withApp({ RATE_LIMIT_MAX: '5' }, async (ctx) => {
      const alice = bearer(await accessTokenFor(ctx, await createUser(ctx.db)));
      const bob = bearer(await accessTokenFor(ctx, await createUser(ctx.db)));
      expect(await statuses(6, () => me(ctx, alice))).toEqual([200, 200, 200, 200, 200, 429]);
      expect((await me(ctx, bob)).statusCode).toBe(200);
      expect((await me(ctx, alice)).statusCode).toBe(429);
    });
  });

  it("counts Uppy's cookie-authenticated calls per user too", async () => {
    await withApp({ RATE_LIMIT_MAX: '3' }, async (ctx) => {
      const uploadCookieOf = async () => {
        const user = await createUser(ctx.db);
        const login = await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: user.password },
        });
        return login.cookies.find((cookie) => cookie.name === UPLOAD_COOKIE)!.value;
      };
      const [alice, bob] = [await uploadCookieOf(), await uploadCookieOf()];
      const listParts = (cookie: string) =>
        ctx.app.inject({
          method: 'GET',
          url: `/s3/multipart/${randomUUID()}?key=a.bin`,
          cookies: { [UPLOAD_COOKIE]: cookie },
          remoteAddress: OFFICE_NAT,
        });
      expect(await statuses(4, () => listParts(alice))).toEqual([404, 404, 404, 429]);
      expect((await listParts(bob)).statusCode).toBe(404);
    });
  });

  it('an API token has its own budget, apart from its owner and from other tokens', async () => {
    await withApp({ RATE_LIMIT_MAX: '3' }, async (ctx) => {
      const user = await createUser(ctx.db);
      const session = bearer(await accessTokenFor(ctx, user));
      const mint = async () => {
        const response = await ctx.app.inject({
          method: 'POST',
          url: '/api/me/tokens',
          headers: session,
          payload: { name: `t-${randomUUID()}`, scopes: ['read'], expiresInDays: 1 },
        });
        expect(response.statusCode).toBe(201);
        return bearer(response.json<{ token: string }>().token);
      };
      const first = await mint();
      const second = await mint();
      expect(await statuses(4, () => me(ctx, first))).toEqual([200, 200, 200, 429]);
      expect((await me(ctx, second)).statusCode).toBe(200);
    });
  });

  it('stops everything from one IP at the ceiling, whoever is calling', async () => {
    await withApp({ RATE_LIMIT_MAX: '5', RATE_LIMIT_IP_MAX: '8' }, async (ctx) => {
      const alice = bearer(await accessTokenFor(ctx, await createUser(ctx.db)));
      const bob = bearer(await accessTokenFor(ctx, await createUser(ctx.db)));
      expect(await statuses(5, () => me(ctx, alice))).toEqual([200, 200, 200, 200, 200]);
      expect(await statuses(4, () => me(ctx, bob))).toEqual([200, 200, 200, 429]);
      expect((await me(ctx, bob, '192.0.2.44')).statusCode).toBe(200);
    });
  });
});

describe('token refresh', () => {
  it('has its own budget: spent sign-in attempts do not stop refreshes, nor the reverse', async () => {
    await withApp({ AUTH_RATE_LIMIT_MAX: '2', REFRESH_RATE_LIMIT_MAX: '3' }, async (ctx) => {
      const user = await createUser(ctx.db);
      const login = (remoteAddress: string) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: user.password },
          remoteAddress,
        });
      let cookie = '';
      const refresh = async (remoteAddress: string) => {
        const response = await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/refresh',
          cookies: { [REFRESH_COOKIE]: cookie },
          remoteAddress,
        });
        if (response.statusCode === 200) cookie = refreshCookieFrom(response);
        return response;
      };

      const first = await login(OFFICE_NAT);
      cookie = refreshCookieFrom(first);
      expect((await login(OFFICE_NAT)).statusCode).toBe(200);
      expect((await login(OFFICE_NAT)).statusCode).toBe(429);
      expect(await statuses(3, () => refresh(OFFICE_NAT))).toEqual([200, 200, 200]);
      const limited = await refresh(OFFICE_NAT);
      expect(limited.statusCode).toBe(429);
      expect(ProblemSchema.parse(limited.json()).code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

      const home = '192.0.2.80';
      expect(await statuses(4, () => refresh(home))).toEqual([200, 200, 200, 429]);
      expect((await login(home)).statusCode).toBe(200);
    });
  });
});
