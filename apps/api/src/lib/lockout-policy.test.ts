// Lockout timing: free attempts, doubling locks with a cap, and reset after a quiet period.
import {
  ACCOUNT_LOCKOUT,
  ACCOUNT_LOCKOUT_UNDER_ATTACK,
  ACCOUNT_UNDER_ATTACK,
  IP_LOCKOUT,
  isUnderAttack,
  lockDurationMs,
  nextFailureCount,
} from './lockout-policy.js';

const MIN = 60_000;

describe('lockDurationMs', () => {
  it('does not lock during the free attempts', () => {
    expect([1, 2, 3, 4].map((n) => lockDurationMs(ACCOUNT_LOCKOUT, n))).toEqual([0, 0, 0, 0]);
  });

  it('locks 1, 2, 4, 8 … minutes from the fifth failure, capped at an hour', () => {
    expect(
      [5, 6, 7, 8, 9, 10, 11, 12, 50].map((n) => lockDurationMs(ACCOUNT_LOCKOUT, n) / MIN),
    ).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('locks an IP for 15 minutes from its 30th failure', () => {
    expect(lockDurationMs(IP_LOCKOUT, 29)).toBe(0);
    expect(lockDurationMs(IP_LOCKOUT, 30)).toBe(15 * MIN);
    expect(lockDurationMs(IP_LOCKOUT, 31)).toBe(15 * MIN);
  });
});

describe('nextFailureCount', () => {
  const t0 = new Date('2026-11-23T10:00:00Z');
  it('counts consecutive failures', () => {
    expect(nextFailureCount(ACCOUNT_LOCKOUT, { failures: 0, lastFailureAt: null }, t0)).toBe(1);
    expect(
      nextFailureCount(
        ACCOUNT_LOCKOUT,
        { failures: 4, lastFailureAt: t0 },
        new Date(t0.getTime() + MIN),
      ),
    ).toBe(5);
  });

  it('starts again after the quiet period', () => {
    expect(
      nextFailureCount(
        ACCOUNT_LOCKOUT,
        { failures: 9, lastFailureAt: t0 },
        new Date(t0.getTime() + 24 * 60 * MIN + 1),
      ),
    ).toBe(1);
    expect(
      nextFailureCount(
        IP_LOCKOUT,
        { failures: 29, lastFailureAt: t0 },
        new Date(t0.getTime() + 16 * MIN),
      ),
    ).toBe(1);
  });
});

describe('accounts under attack', () => {
  it('never lock the account as a whole', () => {
    expect(lockDurationMs(ACCOUNT_UNDER_ATTACK, 1000)).toBe(0);
  });

  it('start at 10 failures across addresses, then lock an address from its first failure', () => {
    expect(isUnderAttack(9)).toBe(false);
    expect(isUnderAttack(10)).toBe(true);
    expect(lockDurationMs(ACCOUNT_LOCKOUT_UNDER_ATTACK, 1)).toBe(MIN);
    expect(lockDurationMs(ACCOUNT_LOCKOUT_UNDER_ATTACK, 3)).toBe(4 * MIN);
  });
});
