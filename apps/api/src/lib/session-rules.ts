// When a session has ended: revoked, past its absolute lifetime, or idle too long.
export interface SessionTimes {
  revokedAt: Date | null;
  expiresAt: Date;
  lastSeenAt: Date;
}

export type SessionEnd = 'revoked' | 'expired' | 'idle';

export function sessionEnd(
  session: SessionTimes,
  now: Date,
  idleTimeoutMs: number,
): SessionEnd | undefined {
  if (session.revokedAt) return 'revoked';
  if (session.expiresAt <= now) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() > idleTimeoutMs) return 'idle';
  return undefined;
}

/** Activity is written at most this often per session, to keep requests from all writing. */
export const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

export function shouldTouchLastSeen(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_WRITE_INTERVAL_MS;
}
