// Who is calling: resolved from a session's access JWT or from a personal API token, re-reading
// the database each time so revocation and disabling take effect on the very next request.
import { API_TOKEN_PREFIX, ErrorCode, type ApiTokenScope, type Role } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { hashToken } from '../../lib/secret-token.js';
import { sessionEnd, shouldTouchLastSeen } from '../../lib/session-rules.js';
import { cachedSecuritySettings, mustEnrollTotp } from '../settings/settings.service.js';

export interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
}

export interface Principal {
  userId: string;
  email: string;
  role: Role;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  /** An admin on an instance that requires 2FA for admins, without 2FA yet. */
  mustEnrollTotp: boolean;
  via: 'session' | 'api_token';
  sessionId: string | null;
  tokenId: string | null;
  /** What an API token may do; null for interactive sessions (bounded by the role only). */
  scopes: ApiTokenScope[] | null;
}

const ended = () =>
  new AppError(ErrorCode.UNAUTHENTICATED, 'Your session has ended. Please sign in again.');

export function isApiToken(bearer: string): boolean {
  return bearer.startsWith(API_TOKEN_PREFIX);
}

/** The user fields every principal needs; re-read on each request. */
const PRINCIPAL_USER = {
  select: {
    id: true,
    email: true,
    role: true,
    disabled: true,
    mustChangePassword: true,
    totpEnabledAt: true,
  },
} as const;

type PrincipalUser = {
  id: string;
  email: string;
  role: Role;
  mustChangePassword: boolean;
  totpEnabledAt: Date | null;
};

async function principalOf(
  db: Db,
  user: PrincipalUser,
  via: Pick<Principal, 'via' | 'sessionId' | 'tokenId' | 'scopes'>,
): Promise<Principal> {
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    ...(await totpState(db, user)),
    ...via,
  };
}

export async function principalFromSession(
  db: Db,
  claims: AccessClaims,
  now: Date,
  idleTimeoutMs: number,
): Promise<Principal> {
  const session = await db.session.findUnique({
    where: { id: claims.sid },
    include: { user: PRINCIPAL_USER },
  });
  if (
    !session ||
    session.userId !== claims.sub ||
    session.user.disabled ||
    sessionEnd(session, now, idleTimeoutMs)
  )
    throw ended();
  // Requests are what "activity" means for the idle timeout.
  if (shouldTouchLastSeen(session.lastSeenAt, now)) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return principalOf(db, session.user, {
    via: 'session',
    sessionId: session.id,
    tokenId: null,
    scopes: null,
  });
}

export async function principalFromApiToken(db: Db, token: string, now: Date): Promise<Principal> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: PRINCIPAL_USER },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.user.disabled) {
    throw new AppError(ErrorCode.UNAUTHENTICATED, 'This API token is invalid, expired or revoked.');
  }
  if (!row.lastUsedAt || shouldTouchLastSeen(row.lastUsedAt, now)) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return principalOf(db, row.user, {
    via: 'api_token',
    sessionId: null,
    tokenId: row.id,
    scopes: row.scopes as ApiTokenScope[],
  });
}

/**
 * Settings are read only for accounts without 2FA (the one case where they change the answer),
 * from a cache of a few seconds: this runs on every request, part signing included.
 */
async function totpState(db: Db, user: { role: Role; totpEnabledAt: Date | null }) {
  const mustEnroll =
    user.totpEnabledAt === null && mustEnrollTotp(user, await cachedSecuritySettings(db));
  return { totpEnabled: user.totpEnabledAt !== null, mustEnrollTotp: mustEnroll };
}

/** The scope a token needs for a request: explicit on the route, else read for GET/HEAD, write otherwise. */
export function requiredScope(
  method: string,
  routeScope: ApiTokenScope | undefined,
): ApiTokenScope {
  return routeScope ?? (method === 'GET' || method === 'HEAD' ? 'read' : 'write');
}
