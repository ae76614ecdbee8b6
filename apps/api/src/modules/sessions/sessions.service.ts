// A user's own sessions: list the active ones, end one, or end all ("log out everywhere").
import { ErrorCode, type SessionView } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { sessionEnd } from '../../lib/session-rules.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';

export interface SessionsDeps {
  db: Db;
  clock: () => Date;
  idleTimeoutSeconds: number;
}

export interface SessionOwner extends AuditContext {
  userId: string;
  email: string;
  sessionId: string;
}

export async function listMySessions(
  deps: SessionsDeps,
  owner: SessionOwner,
): Promise<SessionView[]> {
  const now = deps.clock();
  const sessions = await deps.db.session.findMany({
    where: { userId: owner.userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: 'desc' },
  });
  return sessions
    .filter((session) => !sessionEnd(session, now, deps.idleTimeoutSeconds * 1000))
    .map((session) => ({
      id: session.id,
      userAgent: session.userAgent,
      ip: session.ip,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      current: session.id === owner.sessionId,
    }));
}

export async function revokeMySession(
  deps: SessionsDeps,
  owner: SessionOwner,
  sessionId: string,
): Promise<void> {
  const now = deps.clock();
  // Scoped by owner: another user's session id answers exactly like an unknown one.
  const { count } = await deps.db.session.updateMany({
    where: { id: sessionId, userId: owner.userId, revokedAt: null },
    data: { revokedAt: now, revokeReason: 'revoked_by_user' },
  });
  if (count === 0)
    throw new AppError(ErrorCode.NOT_FOUND, 'No active session of yours with this id.');
  const { userId, email, sessionId: _current, ...context } = owner;
  await recordAudit(deps.db, {
    ...context,
    at: now,
    action: 'session.revoke',
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType: 'session',
    targetId: sessionId,
  });
}

export async function revokeAllMySessions(
  deps: SessionsDeps,
  owner: SessionOwner,
): Promise<number> {
  const now = deps.clock();
  const { count } = await deps.db.session.updateMany({
    where: { userId: owner.userId, revokedAt: null },
    data: { revokedAt: now, revokeReason: 'logout_everywhere' },
  });
  const { userId, email, sessionId: _current, ...context } = owner;
  await recordAudit(deps.db, {
    ...context,
    at: now,
    action: 'auth.logout_everywhere',
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType: 'user',
    targetId: userId,
    details: { sessions: count },
  });
  return count;
}
