// Failed sign-in bookkeeping in PostgreSQL (shared by every API instance): progressive lockout
// per email — whether or not the account exists — and per client IP.
import { ErrorCode } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import {
  ACCOUNT_LOCKOUT,
  IP_LOCKOUT,
  lockDurationMs,
  nextFailureCount,
  type LockoutPolicy,
} from '../../lib/lockout-policy.js';

const emailKey = (email: string) => `email:${email}`;
const ipKey = (ip: string) => `ip:${ip}`;

function lockedError(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new AppError(
    ErrorCode.LOGIN_THROTTLED,
    `Too many failed sign-in attempts. Try again in ${wait}.`,
    { 'retry-after': String(seconds) },
  );
}

/** Throws LOGIN_THROTTLED (429 + Retry-After) while the email or the IP is locked. */
export async function assertNotThrottled(
  db: Db,
  email: string,
  ip: string | undefined,
  now: Date,
): Promise<void> {
  const keys = [emailKey(email), ...(ip ? [ipKey(ip)] : [])];
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: now } },
  });
  const until = rows.reduce<Date | null>(
    (latest, row) =>
      row.lockedUntil && (!latest || row.lockedUntil > latest) ? row.lockedUntil : latest,
    null,
  );
  if (until) throw lockedError(until, now);
}

async function countFailure(db: Db, key: string, policy: LockoutPolicy, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
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
  });
}

export async function recordLoginFailure(
  db: Db,
  email: string,
  ip: string | undefined,
  now: Date,
): Promise<void> {
  await countFailure(db, emailKey(email), ACCOUNT_LOCKOUT, now);
  if (ip) await countFailure(db, ipKey(ip), IP_LOCKOUT, now);
}

/** A successful sign-in clears the account's count (not the IP's: spraying continues). */
export async function recordLoginSuccess(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: emailKey(email) } });
}
