// Failed sign-in bookkeeping in PostgreSQL (shared by every API instance): progressive lockout per
// (email, client IP) — whether or not the account exists — and per client IP. Failures for an
// email from all addresses are counted too, but only to shorten the free tries of each address
// while the account is under attack: they never lock the owner out of an address with no failures.
// Wrong current passwords on the password change count the same way.
import { ErrorCode } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import {
  ACCOUNT_LOCKOUT,
  ACCOUNT_LOCKOUT_UNDER_ATTACK,
  ACCOUNT_UNDER_ATTACK,
  IP_LOCKOUT,
  isUnderAttack,
  lockDurationMs,
  nextFailureCount,
  type LockoutPolicy,
} from '../../lib/lockout-policy.js';

/** Fastify always knows the peer address; this only keeps the keys well-formed if it did not. */
const addressOf = (ip: string | undefined) => ip ?? 'unknown';
const accountKey = (email: string) => `account:${email}`;
const accountIpKey = (email: string, ip: string | undefined) =>
  `account-ip:${email}|${addressOf(ip)}`;
const ipKey = (ip: string | undefined) => `ip:${addressOf(ip)}`;

function lockedError(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError(
    ErrorCode.LOGIN_THROTTLED,
    `Too many failed sign-in attempts. Try again in ${wait}.`,
    { 'retry-after': String(seconds) },
  );
}

/** Throws LOGIN_THROTTLED (429 + Retry-After) while this address is locked for the email or at all. */
export async function assertNotThrottled(
  db: Db,
  email: string,
  ip: string | undefined,
  now: Date,
): Promise<void> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: [accountIpKey(email, ip), ipKey(ip)] }, lockedUntil: { gt: now } },
  });
  const until = rows.reduce<Date | null>(
    (latest, row) =>
      row.lockedUntil && (!latest || row.lockedUntil > latest) ? row.lockedUntil : latest,
    null,
  );
  if (until) throw lockedError(until, now);
}

/** Counts one failure for `key` and returns the new count. */
async function countFailure(
  db: Db,
  key: string,
  policy: LockoutPolicy,
  now: Date,
): Promise<number> {
  return db.$transaction(async (tx) => {
    // Row lock: concurrent failures for the same key are counted one after the other.
    const rows = await tx.$queryRaw<{ failures: number; last_failure_at: Date | null }[]>`
      INSERT INTO login_throttles (key) VALUES (${key}) ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
      RETURNING failures, last_failure_at`;
    const previous = rows[0] ?? { failures: 0, last_failure_at: null };
    const failures = nextFailureCount(
      policy,
      { failures: previous.failures, lastFailureAt: previous.last_failure_at },
      now,
    );
    const lockMs = lockDurationMs(policy, failures);
    await tx.loginThrottle.update({
      where: { key },
      data: {
        failures,
        lastFailureAt: now,
        lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : null,
      },
    });
    return failures;
  });
}

export async function recordLoginFailure(
  db: Db,
  email: string,
  ip: string | undefined,
  now: Date,
): Promise<void> {
  const accountWide = await countFailure(db, accountKey(email), ACCOUNT_UNDER_ATTACK, now);
  const policy = isUnderAttack(accountWide) ? ACCOUNT_LOCKOUT_UNDER_ATTACK : ACCOUNT_LOCKOUT;
  await countFailure(db, accountIpKey(email, ip), policy, now);
  await countFailure(db, ipKey(ip), IP_LOCKOUT, now);
}

/**
 * A successful sign-in clears this address's count for the account; not the account-wide count
 * (an attack on the account goes on) nor the IP's (password spraying goes on).
 */
export async function recordLoginSuccess(
  db: Db,
  email: string,
  ip: string | undefined,
): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: accountIpKey(email, ip) } });
}
