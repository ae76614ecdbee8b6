// Brute-force protection through the login route, with an injected clock: progressive lockout per
// (email, client IP) — existing or not, answered identically — and per IP, unlocked when time
// passes. Nobody who knows an email can lock its owner out of another address.
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
function login(email: string, password: string, ip: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
}
/** A fresh client address per call, so per-IP counting does not interfere with per-account tests. */
const freshIp = () => `198.51.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

describe('per account and address', () => {
  it('locks an address after five failures, refuses even the right password there, and unlocks after a minute', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++)
      expect((await login(alice.email, 'wrong-password', ip)).statusCode).toBe(401);
    const locked = await login(alice.email, alice.password, ip);
    expect(locked.statusCode).toBe(429);
    expect(ProblemSchema.parse(locked.json()).code).toBe('LOGIN_THROTTLED');
    expect(locked.headers['retry-after']).toBe('60');

    clock.advance(59_000);
    expect((await login(alice.email, alice.password, ip)).statusCode).toBe(429);
    clock.advance(1_001);
    expect((await login(alice.email, alice.password, ip)).statusCode).toBe(200);
  });

  it('20 failures for an account from address A do not keep its owner out at address B', async () => {
    const owner = await createUser(ctx.db);
    const a = freshIp();
    const seen: number[] = [];
    for (let i = 0; i < 20; i++)
      seen.push((await login(owner.email, 'wrong-password', a)).statusCode);
    expect(seen.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(seen.slice(5).every((status) => status === 429)).toBe(true);
    expect((await login(owner.email, owner.password, freshIp())).statusCode).toBe(200);
    expect((await login(owner.email, owner.password, a)).statusCode).toBe(429);
  });

  it('while an account is guessed from many addresses, each address gets one try, and the owner still signs in', async () => {
    const owner = await createUser(ctx.db);
    const attackers = Array.from({ length: 12 }, freshIp);
    for (const ip of attackers)
      expect((await login(owner.email, 'wrong-password', ip)).statusCode).toBe(401);
    // From the tenth failure on, a failing address is locked after its first try.
    const last = attackers[attackers.length - 1]!;
    expect((await login(owner.email, 'guess-again', last)).statusCode).toBe(429);
    const newcomer = freshIp();
    expect((await login(owner.email, 'wrong-password', newcomer)).statusCode).toBe(401);
    expect((await login(owner.email, 'guess-again', newcomer)).statusCode).toBe(429);
    expect((await login(owner.email, owner.password, freshIp())).statusCode).toBe(200);
  });

  it('doubles the lock for each further failure and resets after a success', async () => {
    const bob = await createUser(ctx.db);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await login(bob.email, 'wrong-password', ip);
    clock.advance(60_001);
    expect((await login(bob.email, 'wrong-password', ip)).statusCode).toBe(401); // 6th: 2 minutes
    expect((await login(bob.email, bob.password, ip)).headers['retry-after']).toBe('120');
    clock.advance(120_001);
    expect((await login(bob.email, bob.password, ip)).statusCode).toBe(200);
    expect((await login(bob.email, 'wrong-password', ip)).statusCode).toBe(401); // counting starts again
    expect((await login(bob.email, bob.password, ip)).statusCode).toBe(200);
  });

  it('answers for an unknown email exactly as for a real one, lock included', async () => {
    const ghost = 'ghost@example.test';
    const answers: { status: number; code: string; retryAfter: unknown }[][] = [[], []];
    const carol = await createUser(ctx.db);
    for (const [index, email] of [ghost, carol.email].entries()) {
      const ip = freshIp();
      for (let i = 0; i < 6; i++) {
        const response = await login(email, 'wrong-password', ip);
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
