// Personal API tokens: created with a name, scopes and expiry, shown once, stored as a hash.
import {
  API_TOKEN_PREFIX,
  ErrorCode,
  type ApiTokenScope,
  type ApiTokenView,
  type Role,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { hashToken, newOpaqueToken } from '../../lib/secret-token.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';

export interface ApiTokensDeps {
  db: Db;
  clock: () => Date;
}

export interface TokenOwner extends AuditContext {
  userId: string;
  email: string;
  role: Role;
}

type ApiTokenRow = Awaited<ReturnType<Db['apiToken']['findFirstOrThrow']>>;

export function toApiTokenView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiTokenScope[],
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const DAY_MS = 24 * 3600 * 1000;

export async function createApiToken(
  deps: ApiTokensDeps,
  owner: TokenOwner,
  input: { name: string; scopes: ApiTokenScope[]; expiresInDays: number | null },
): Promise<{ token: string; apiToken: ApiTokenView }> {
  if (input.scopes.includes('admin') && owner.role !== 'admin') {
    throw new AppError(ErrorCode.FORBIDDEN, 'Only admins can create tokens with the admin scope.');
  }
  const now = deps.clock();
  const token = `${API_TOKEN_PREFIX}${newOpaqueToken()}`;
  const row = await deps.db.apiToken.create({
    data: {
      userId: owner.userId,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      scopes: [...new Set(input.scopes)],
      expiresAt:
        input.expiresInDays === null
          ? null
          : new Date(now.getTime() + input.expiresInDays * DAY_MS),
      createdAt: now,
    },
  });
  const { userId, email, role: _role, ...context } = owner;
  await recordAudit(deps.db, {
    ...context,
    at: now,
    action: 'api_token.create',
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType: 'api_token',
    targetId: row.id,
    details: { name: row.name, scopes: row.scopes.join(' ') },
  });
  return { token, apiToken: toApiTokenView(row) };
}

export async function listApiTokens(deps: ApiTokensDeps, userId: string): Promise<ApiTokenView[]> {
  const rows = await deps.db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map(toApiTokenView);
}

export async function revokeApiToken(
  deps: ApiTokensDeps,
  owner: TokenOwner,
  id: string,
): Promise<void> {
  const now = deps.clock();
  const { count } = await deps.db.apiToken.updateMany({
    where: { id, userId: owner.userId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0)
    throw new AppError(ErrorCode.NOT_FOUND, 'No active token of yours with this id.');
  const { userId, email, role: _role, ...context } = owner;
  await recordAudit(deps.db, {
    ...context,
    at: now,
    action: 'api_token.revoke',
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType: 'api_token',
    targetId: id,
  });
}
