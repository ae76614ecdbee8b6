// Progressive lockout arithmetic for failed sign-ins (pure, so it is unit-tested with any clock).
export interface LockoutPolicy {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  /** First lock; each further failure doubles it, up to `maxLockMs`. */
  baseLockMs: number;
  maxLockMs: number;
  /** A key with no failure for this long starts counting from zero again. */
  resetAfterMs: number;
}

/**
 * Per account (email, existing or not) and client IP: 5 free tries, then 1, 2, 4 … 60 minutes.
 * Only that address is locked out of that account: anyone who knows an email could otherwise
 * lock its owner out everywhere.
 */
export const ACCOUNT_LOCKOUT: LockoutPolicy = {
  freeFailures: 5,
  baseLockMs: 60_000,
  maxLockMs: 3_600_000,
  resetAfterMs: 24 * 3_600_000,
};

/**
 * Per account and client IP while the account is under attack (see ACCOUNT_UNDER_ATTACK): one
 * free try per address, so guessing from many addresses slows down. An address that has not
 * failed for the account is never locked, so the owner can still sign in from it.
 */
export const ACCOUNT_LOCKOUT_UNDER_ATTACK: LockoutPolicy = {
  ...ACCOUNT_LOCKOUT,
  freeFailures: 1,
};

/** Failures for one account from all addresses that put it "under attack"; never locks by itself. */
export const ACCOUNT_UNDER_ATTACK: LockoutPolicy = {
  freeFailures: 10,
  baseLockMs: 0,
  maxLockMs: 0,
  resetAfterMs: 3_600_000,
};

export function isUnderAttack(accountWideFailures: number): boolean {
  return accountWideFailures >= ACCOUNT_UNDER_ATTACK.freeFailures;
}

/** Per client IP, across accounts (password spraying): 30 failures in 15 minutes lock it for 15 minutes. */
export const IP_LOCKOUT: LockoutPolicy = {
  freeFailures: 30,
  baseLockMs: 900_000,
  maxLockMs: 900_000,
  resetAfterMs: 900_000,
};

/** How long to lock after the `failures`-th consecutive failure (0 = not locked). */
export function lockDurationMs(policy: LockoutPolicy, failures: number): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** doublings);
}

/** The failure count after one more failure at `now`, given the previous state. */
export function nextFailureCount(
  policy: LockoutPolicy,
  previous: { failures: number; lastFailureAt: Date | null },
  now: Date,
): number {
  const stale =
    !previous.lastFailureAt ||
    now.getTime() - previous.lastFailureAt.getTime() > policy.resetAfterMs;
  return stale ? 1 : previous.failures + 1;
}
