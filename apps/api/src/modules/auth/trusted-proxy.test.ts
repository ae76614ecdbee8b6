// TRUST_PROXY names the proxies (a hop count or their addresses): the client is the right-most
// address they did not add, so a forged left-most X-Forwarded-For evades neither the sign-in
// limit nor an IP lock, and the audit log records the real address.
import { randomUUID } from 'node:crypto';
import { ProblemSchema } from '@s3am/contracts';
import { ConfigError, loadConfig } from '../../config/env.js';
import { createTestApp, createUser, type TestContext } from '../../../test/test-app.js';

const NGINX = '10.0.0.2';
const CLIENT = '203.0.113.50';
let forged = 0;
/** What nginx forwards when the client sent its own X-Forwarded-For: it appends the peer. */
const throughNginx = (client = CLIENT) => ({
  'x-forwarded-for': `192.0.2.${++forged % 250}, ${client}`,
});

async function withApp(env: Record<string, string>, run: (ctx: TestContext) => Promise<void>) {
  const ctx = await createTestApp({ env });
  try {
    await run(ctx);
  } finally {
    await ctx.close();
  }
}

function login(
  ctx: TestContext,
  payload: { email: string; password: string },
  headers: Record<string, string>,
  remoteAddress = NGINX,
) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload,
    headers,
    remoteAddress,
  });
}

async function loggedIps(ctx: TestContext, email: string): Promise<(string | null)[]> {
  const events = await ctx.db.auditEvent.findMany({
    where: { action: 'auth.login', actorEmail: email },
    orderBy: { seq: 'asc' },
  });
  return events.map((event) => event.ip);
}

describe('TRUST_PROXY=1 (one reverse proxy)', () => {
  it('a rotating left-most X-Forwarded-For does not evade the sign-in limit', async () => {
    await withApp({ TRUST_PROXY: '1', AUTH_RATE_LIMIT_MAX: '5' }, async (ctx) => {
      const email = `nobody-${randomUUID()}@example.test`;
      const seen: number[] = [];
      for (let i = 0; i < 8; i++)
        seen.push((await login(ctx, { email, password: 'wrong' }, throughNginx())).statusCode);
      expect(seen).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      // Another client behind the same proxy is not affected.
      const other = { email: `other-${randomUUID()}@example.test`, password: 'wrong' };
      expect((await login(ctx, other, throughNginx('198.51.100.77'))).statusCode).toBe(401);
    });
  });

  it('records the real client address (right-most untrusted) in the audit log', async () => {
    await withApp({ TRUST_PROXY: '1' }, async (ctx) => {
      const email = `nobody-${randomUUID()}@example.test`;
      await login(ctx, { email, password: 'wrong' }, throughNginx());
      await login(ctx, { email, password: 'wrong' }, throughNginx());
      expect(await loggedIps(ctx, email)).toEqual([CLIENT, CLIENT]);
    });
  });

  it('a locked client address stays locked whatever X-Forwarded-For it writes', async () => {
    await withApp({ TRUST_PROXY: '1' }, async (ctx) => {
      for (let i = 0; i < 30; i++)
        await login(ctx, { email: `spray-${i}@example.test`, password: 'wrong' }, throughNginx());
      const owner = await createUser(ctx.db);
      const locked = await login(ctx, owner, throughNginx());
      expect(locked.statusCode).toBe(429);
      expect(ProblemSchema.parse(locked.json()).code).toBe('LOGIN_THROTTLED');
      expect((await login(ctx, owner, throughNginx('198.51.100.78'))).statusCode).toBe(200);
    });
  });
});

describe('TRUST_PROXY with proxy addresses', () => {
  it('takes the first address from the right that is not a listed proxy', async () => {
    await withApp({ TRUST_PROXY: '10.0.0.0/8' }, async (ctx) => {
      const email = `nobody-${randomUUID()}@example.test`;
      await login(
        ctx,
        { email, password: 'wrong' },
        { 'x-forwarded-for': '192.0.2.1, 198.51.100.9, 10.0.0.3' },
      );
      // A client that reaches the API directly cannot name another address.
      await login(ctx, { email, password: 'wrong' }, { 'x-forwarded-for': '192.0.2.1' }, CLIENT);
      expect(await loggedIps(ctx, email)).toEqual(['198.51.100.9', CLIENT]);
    });
  });
});

describe('TRUST_PROXY off (the default)', () => {
  it('ignores X-Forwarded-For entirely', async () => {
    await withApp({}, async (ctx) => {
      const email = `nobody-${randomUUID()}@example.test`;
      await login(ctx, { email, password: 'wrong' }, throughNginx(), CLIENT);
      expect(await loggedIps(ctx, email)).toEqual([CLIENT]);
    });
  });

  it('refuses TRUST_PROXY=true at start-up, saying what to set instead', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: .*number of proxies in front of the API/,
    );
  });
});
