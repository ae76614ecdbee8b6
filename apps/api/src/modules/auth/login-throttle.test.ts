// Brute-force protection through the login route, with an injected clock: progressive lockout
// per email (existing or not, answered identically) and per IP, unlocked when time passes.
import { ProblemSchema } from '@s3am/contracts';
import {
  createTestApp,
  createUser,
  type TestContext,
  type UserFixture,
  manualClock,
} from '../../../test/test-app.js';

let ctx: TestContext;
const clock = manualClock('2026-11-23T10:00:00Z');
let alice: UserFixture;

beforeAll(async () => {
  ctx = await createTestApp({ clock: clock.now });
  alice = await createUser(ctx.db);
});
afterAll(() => ctx.close());

let ipCounter = 0;
function login(email: string, password: string, ip = '203.0.113.7') {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
}
/** A fresh client address per call, so per-IP counting does not interfere with per-account tests. */
const freshIp = () => `198.51.100.${++ipCounter % 250}`;

describe('per-account lockout', () => {
  it('locks after five failures, refuses even the right password, and unlocks after a minute', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(alice.email, 'wrong-password', freshIp())).statusCode).toBe(401);
    const locked = await login(alice.email, alice.password, freshIp());
    expect(locked.statusCode).toBe(429);
    expect(ProblemSchema.parse(locked.json()).code).toBe('LOGIN_THROTTLED');
    expect(locked.headers['retry-after']).toBe('60');

    clock.advance(59_000);
    expect((await login(alice.email, alice.password, freshIp())).statusCode).toBe(429);
    clock.advance(1_001);
    expect((await login(alice.email, alice.password, freshIp())).statusCode).toBe(200);
  });

  it('doubles the lock for each further failure and resets after a success', async () => {
    const bob = await createUser(ctx.db);
    for (let i = 0; i < 5; i++) await login(bob.email, 'wrong-password', freshIp());
    clock.advance(60_001);
    expect((await login(bob.email, 'wrong-password', freshIp())).statusCode).toBe(401); // 6th: 2 minutes
    expect((await login(bob.email, bob.password, freshIp())).headers['retry-after']).toBe('120');
    clock.advance(120_001);
    expect((await login(bob.email, bob.password, freshIp())).statusCode).toBe(200);
    expect((await login(bob.email, 'wrong-password', freshIp())).statusCode).toBe(401); // counting starts again
    expect((await login(bob.email, bob.password, freshIp())).statusCode).toBe(200);
  });

  it('answers for an unknown email exactly as for a real one, lock included', async () => {
    const ghost = 'ghost@example.test';
    const answers: { status: number; code: string; retryAfter: unknown }[][] = [[], []];
    const carol = await createUser(ctx.db);
    for (const [index, email] of [ghost, carol.email].entries()) {
      for (let i = 0; i < 6; i++) {
        const response = await login(email, 'wrong-password', freshIp());
        answers[index]!.push({
          status: response.statusCode,
          code: ProblemSchema.parse(response.json()).code,
          retryAfter: response.headers['retry-after'],
        });
      }
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('audits throttled attempts as denied', async () => {
    const event = await ctx.db.auditEvent.findFirst({
      where: { action: 'auth.login', outcome: 'denied', actorEmail: alice.email },
    });
    expect(event?.details).toEqual({ reason: 'throttled' });
  });
});

describe('per-IP throttling', () => {
  it('locks a client address that fails 30 times across accounts, for 15 minutes', async () => {
    const ip = '192.0.2.99';
    for (let i = 0; i < 30; i++)
      expect((await login(`spray-${i}@example.test`, 'wrong-password', ip)).statusCode).toBe(401);
    const dave = await createUser(ctx.db);
    expect((await login(dave.email, dave.password, ip)).statusCode).toBe(429);
    expect((await login(dave.email, dave.password, freshIp())).statusCode).toBe(200);
    clock.advance(15 * 60_000 + 1);
    expect((await login(dave.email, dave.password, ip)).statusCode).toBe(200);
  });
});
