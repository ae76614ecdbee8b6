// Grant evaluation: a user's effective permissions (direct and through groups, unexpired,
// capped by role) and the check every file operation passes through.
import {
  ErrorCode,
  type EffectivePermission,
  type EffectivePermissions,
  type GrantAction,
  type Role,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { keyProblems, prefixCovers } from '../../lib/key-rules.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';

/** What each role may ever do, whatever the grants say. */
const ROLE_CAP: Record<Role, readonly GrantAction[]> = {
  admin: ['list', 'read', 'write', 'delete'],
  uploader: ['list', 'read', 'write', 'delete'],
  viewer: ['list', 'read'],
};

export function capByRole(role: Role, actions: readonly string[]): GrantAction[] {
  return ROLE_CAP[role].filter((action) => actions.includes(action));
}

export async function effectivePermissions(
  db: Db,
  userId: string,
  now: Date,
): Promise<EffectivePermissions> {
  // Independent reads, asked together: this runs on every authorized call.
  const [user, grants] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } }),
    db.grant.findMany({
      where: {
        OR: [{ userId }, { group: { members: { some: { userId } } } }],
        AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
      },
      include: { connection: { select: { name: true } }, group: { select: { name: true } } },
      orderBy: [{ connectionId: 'asc' }, { bucket: 'asc' }, { prefix: 'asc' }],
    }),
  ]);
  if (!user) throw new AppError(ErrorCode.USER_NOT_FOUND, 'No user with this id.');
  // One entry per (connection, bucket, prefix): the union of actions and where they come from.
  const merged = new Map<string, EffectivePermission>();
  for (const grant of grants) {
    const key = `${grant.connectionId}\u0000${grant.bucket}\u0000${grant.prefix}`;
    const entry = merged.get(key) ?? {
      connectionId: grant.connectionId,
      connectionName: grant.connection.name,
      bucket: grant.bucket,
      prefix: grant.prefix,
      actions: [],
      via: [],
    };
    entry.actions = capByRole(user.role, [...entry.actions, ...grant.actions]);
    const via = grant.group ? `group:${grant.group.name}` : 'direct';
    if (!entry.via.includes(via)) entry.via.push(via);
    merged.set(key, entry);
  }
  return {
    userId: user.id,
    role: user.role,
    allAccess: user.role === 'admin',
    entries: [...merged.values()].filter((entry) => entry.actions.length > 0),
  };
}

export interface ObjectRequest {
  connectionId: string;
  bucket: string;
  /** An object key, or a prefix ('' or ending in '/') for list. */
  key: string;
  action: GrantAction;
}

export interface Caller extends AuditContext {
  userId: string;
  email: string;
  role: Role;
}

/** Throws INVALID_KEY or GRANT_DENIED (audited) unless the caller may do `action` on `key`. */
export async function authorize(
  db: Db,
  caller: Caller,
  request: ObjectRequest,
  now = new Date(),
): Promise<void> {
  const isPrefix = request.action === 'list' && (request.key === '' || request.key.endsWith('/'));
  if (!(isPrefix && request.key === '')) {
    const problems = keyProblems(request.key);
    if (problems.length > 0)
      throw new AppError(
        ErrorCode.INVALID_KEY,
        `The key is not acceptable (${problems.join(', ').replaceAll('_', ' ')}).`,
      );
  }
  if (caller.role === 'admin') return;
  const permissions = await effectivePermissions(db, caller.userId, now);
  const allowed = permissions.entries.some(
    (entry) =>
      entry.connectionId === request.connectionId &&
      entry.bucket === request.bucket &&
      entry.actions.includes(request.action) &&
      prefixCovers(entry.prefix, request.key),
  );
  if (allowed) return;
  const { userId, email, role: _role, ...context } = caller;
  await recordAudit(db, {
    ...context,
    at: now,
    action: `files.${request.action}`,
    outcome: 'denied',
    actorId: userId,
    actorEmail: email,
    targetType: 'object',
    targetId: `${request.bucket}/${request.key}`,
    details: { connectionId: request.connectionId },
  });
  throw new AppError(
    ErrorCode.GRANT_DENIED,
    `You have no "${request.action}" grant for ${request.bucket}/${request.key}.`,
  );
}
