// Login, refresh-token rotation (with replay detection) and logout. No Fastify types here.
import { createHmac } from 'node:crypto';
import { ErrorCode, type CurrentUser, type LoginRequest } from '@s3am/contracts';
import type { Db, User } from '../../db/prisma.js';
import { AppError, isAppError } from '../../lib/app-error.js';
import type { Keyring } from '../../lib/crypto-envelope.js';
import { sessionEnd } from '../../lib/session-rules.js';
import { timingDummyHash, verifyPassword } from '../../lib/password-hash.js';
import { hashToken, newOpaqueToken } from '../../lib/secret-token.js';
import type { AccessClaims } from './principal.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';
import { getSecuritySettings, mustEnrollTotp } from '../settings/settings.service.js';
import { checkSecondFactor } from '../two-factor/two-factor.service.js';
import { assertNotThrottled, recordLoginFailure, recordLoginSuccess } from './login-throttle.js';
import { passwordOriginFields } from './password-origin.js';

export interface AuthDeps {
  db: Db;
  clock: () => Date;
  signAccessToken: (claims: AccessClaims) => string;
  accessTokenTtlSeconds: number;
  sessionMaxAgeSeconds: number;
  idleTimeoutSeconds: number;
  keyring: Keyring;
  /**
   * Whether this account may sign in from this address (its personal IP allow-list). Asked only
   * once the password verified, so a caller elsewhere cannot tell which accounts exist or have one.
   */
  signInAllowedFrom?: (userId: string, ip: string | undefined) => boolean;
}

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: CurrentUser;
}

export async function toCurrentUser(db: Db, user: User): Promise<CurrentUser> {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    ...(await passwordOriginFields(db, user)),
    totpEnabled: user.totpEnabledAt !== null,
    mustEnrollTotp: mustEnrollTotp(user, await getSecuritySettings(db)),
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function login(
  deps: AuthDeps,
  input: LoginRequest,
  context: AuditContext,
): Promise<IssuedTokens> {
  const now = deps.clock();
  const email = normalizeEmail(input.email);
  const failed = (reason: string, userId?: string, outcome: 'failure' | 'denied' = 'failure') =>
    recordAudit(deps.db, {
      ...context,
      at: now,
      action: 'auth.login',
      outcome,
      actorId: userId,
      actorEmail: email,
      details: { reason },
    });

  try {
    await assertNotThrottled(deps.db, email, context.ip, now);
  } catch (error) {
    await failed('throttled', undefined, 'denied');
    throw error;
  }
  const user = await deps.db.user.findUnique({ where: { email } });
  // Verify against a dummy hash for unknown emails so timing does not reveal which emails exist.
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await timingDummyHash()),
    input.password,
  );
  if (!user || !passwordOk || user.disabled) {
    await recordLoginFailure(deps.db, email, context.ip, now);
    await failed(!user ? 'unknown_email' : !passwordOk ? 'wrong_password' : 'disabled', user?.id);
    throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect.');
  }
  // Before the second factor: a "code required" answer would confirm the password to a caller
  // outside the account's networks. The refusal reads exactly like a wrong password, and counts
  // like one (otherwise the throttle would tell the two apart).
  if (deps.signInAllowedFrom && !deps.signInAllowedFrom(user.id, context.ip)) {
    await recordLoginFailure(deps.db, email, context.ip, now);
    await failed('ip_not_allowed', user.id, 'denied');
    throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect.');
  }
  try {
    const factor = await checkSecondFactor(deps, user, input);
    if (factor === 'recovery_code') {
      await recordAudit(deps.db, {
        ...context,
        at: now,
        action: 'two_factor.recovery_code_used',
        outcome: 'success',
        actorId: user.id,
        actorEmail: email,
        targetType: 'user',
        targetId: user.id,
      });
    }
  } catch (error) {
    // A missing code is the normal second step; a wrong one counts like a wrong password.
    if (isAppError(error) && error.code === ErrorCode.INVALID_TOTP) {
      await recordLoginFailure(deps.db, email, context.ip, now);
      await failed('invalid_totp', user.id);
    }
    throw error;
  }
  await recordLoginSuccess(deps.db, email, context.ip);
  const refreshToken = newOpaqueToken();
  const session = await deps.db.session.create({
    data: {
      userId: user.id,
      ip: context.ip ?? null,
      userAgent: context.userAgent?.slice(0, 512) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + deps.sessionMaxAgeSeconds * 1000),
      refreshTokens: { create: { tokenHash: hashToken(refreshToken), createdAt: now } },
    },
  });
  await deps.db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await recordAudit(deps.db, {
    ...context,
    at: now,
    action: 'auth.login',
    outcome: 'success',
    actorId: user.id,
    actorEmail: email,
    targetType: 'session',
    targetId: session.id,
  });
  return issue(deps, user, session.id, session.expiresAt, refreshToken);
}

/** What a client may send as `Idempotency-Key` on a refresh: 128+ bits it made up itself. */
export const REFRESH_RETRY_KEY = /^[A-Za-z0-9_-]{22,128}$/;

/**
 * The successor of `presented` for a client that sent a retry key: HMAC(presented, key), so the
 * same request sent again yields the same successor. Only whoever holds both the token and the
 * key can derive it — and that holder could ask for it anyway.
 */
function successorFor(presented: string, retryKey: string): string {
  return createHmac('sha256', presented)
    .update(`s3am refresh retry v1|${retryKey}`)
    .digest('base64url');
}

/**
 * Exchanges a refresh token for a new pair. Each token works once: a token that comes back after
 * it was used means it was stolen or replayed, so its whole session (token family) is revoked.
 * One exception keeps a person signed in when an answer was lost (the page reloaded mid-refresh,
 * the network dropped): the same request again, with the same `retryKey`, while the successor it
 * produced has never been used, gets that same successor instead of a revocation.
 */
export async function refresh(
  deps: AuthDeps,
  presented: string | undefined,
  context: AuditContext,
  retryKey?: string,
): Promise<IssuedTokens> {
  const invalid = new AppError(
    ErrorCode.INVALID_REFRESH_TOKEN,
    'Your session has ended. Please sign in again.',
  );
  if (!presented) throw invalid;
  const now = deps.clock();
  const token = await deps.db.refreshToken.findUnique({
    where: { tokenHash: hashToken(presented) },
    include: { session: { include: { user: true } } },
  });
  if (!token) throw invalid;
  const { session } = token;
  const actor = {
    at: now,
    actorId: session.userId,
    actorEmail: session.user.email,
    targetType: 'session',
    targetId: session.id,
  };
  const ended = sessionEnd(session, now, deps.idleTimeoutSeconds * 1000);
  const usable = !ended && !session.user.disabled;
  const next = retryKey ? successorFor(presented, retryKey) : newOpaqueToken();

  // Claim and successor in one transaction: of two concurrent uses of one token exactly one
  // wins, and the loser (a retry) finds the successor already there.
  const outcome = await deps.db.$transaction(async (tx) => {
    const claimed = await tx.refreshToken.updateMany({
      where: { id: token.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count === 0) return 'used' as const;
    if (!usable) return 'ended' as const;
    await tx.refreshToken.create({
      data: { sessionId: session.id, tokenHash: hashToken(next), createdAt: now },
    });
    await tx.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
    return 'rotated' as const;
  });

  if (outcome === 'used') {
    if (retryKey && usable) {
      const successor = await deps.db.refreshToken.findUnique({
        where: { tokenHash: hashToken(next) },
      });
      if (successor?.sessionId === session.id && successor.usedAt === null) {
        await deps.db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
        return issue(deps, session.user, session.id, session.expiresAt, next);
      }
    }
    if (!session.revokedAt) {
      await deps.db.session.update({
        where: { id: session.id },
        data: { revokedAt: now, revokeReason: 'refresh_token_reuse' },
      });
    }
    await recordAudit(deps.db, {
      ...context,
      ...actor,
      action: 'auth.refresh_reuse',
      outcome: 'denied',
    });
    throw invalid;
  }
  if (outcome === 'ended') {
    if (ended === 'idle' || ended === 'expired') {
      await deps.db.session.update({
        where: { id: session.id },
        data: { revokedAt: now, revokeReason: ended === 'idle' ? 'idle_timeout' : 'expired' },
      });
    }
    await recordAudit(deps.db, { ...context, ...actor, action: 'auth.refresh', outcome: 'denied' });
    throw invalid;
  }
  return issue(deps, session.user, session.id, session.expiresAt, next);
}

export async function logout(
  deps: AuthDeps,
  presented: string | undefined,
  context: AuditContext,
): Promise<void> {
  if (!presented) return;
  const token = await deps.db.refreshToken.findUnique({
    where: { tokenHash: hashToken(presented) },
    include: { session: { include: { user: true } } },
  });
  if (!token || token.session.revokedAt) return;
  const now = deps.clock();
  await deps.db.session.update({
    where: { id: token.sessionId },
    data: { revokedAt: now, revokeReason: 'logout' },
  });
  await recordAudit(deps.db, {
    ...context,
    at: now,
    action: 'auth.logout',
    outcome: 'success',
    actorId: token.session.userId,
    actorEmail: token.session.user.email,
    targetType: 'session',
    targetId: token.sessionId,
  });
}

async function issue(
  deps: AuthDeps,
  user: User,
  sessionId: string,
  refreshExpiresAt: Date,
  refreshToken: string,
): Promise<IssuedTokens> {
  return {
    accessToken: deps.signAccessToken({ sub: user.id, sid: sessionId, role: user.role }),
    expiresIn: deps.accessTokenTtlSeconds,
    refreshToken,
    refreshExpiresAt,
    user: await toCurrentUser(deps.db, user),
  };
}
