// User administration: create, list, change role, disable/enable, reset password, delete, and
// the signed-in user's own password change. The last active admin can never be removed.
import {
  ErrorCode,
  type CreateUserRequest,
  type ListUsersQuery,
  type UserList,
  type UserView,
} from '@s3am/contracts';
import type { Db, Prisma, User } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { likeLiteral } from '../../lib/like-pattern.js';
import { generatePassword, hashPassword, verifyPassword } from '../../lib/password-hash.js';
import { passwordProblems } from '../../lib/password-policy.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';
import { normalizeEmail } from '../auth/auth.service.js';
import {
  assertNotThrottled,
  recordLoginFailure,
  recordLoginSuccess,
} from '../auth/login-throttle.js';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.js';

export interface Actor extends AuditContext {
  userId: string;
  email: string;
}

export interface UsersDeps {
  db: Db;
  clock: () => Date;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    totpEnabled: user.totpEnabledAt !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

export function assertPasswordAllowed(password: string, email: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length > 0) throw new AppError(ErrorCode.PASSWORD_POLICY, problems.join(' '));
}

function audit(
  deps: UsersDeps,
  actor: Actor,
  action: string,
  target: User | { id: string },
  details?: Record<string, string | number | boolean>,
) {
  const { userId, email, ...context } = actor;
  return recordAudit(deps.db, {
    ...context,
    at: deps.clock(),
    action,
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType: 'user',
    targetId: target.id,
    ...(details ? { details } : {}),
  });
}

async function findUser(db: Db, id: string): Promise<User> {
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw new AppError(ErrorCode.USER_NOT_FOUND, 'No user with this id.');
  return user;
}

export async function listUsers(deps: UsersDeps, query: ListUsersQuery): Promise<UserList> {
  const where: Prisma.UserWhereInput = {
    ...(query.q ? { email: { contains: likeLiteral(query.q), mode: 'insensitive' } } : {}),
    ...(query.role ? { role: query.role } : {}),
    ...(query.disabled ? { disabled: query.disabled === 'true' } : {}),
  };
  const [items, total] = await Promise.all([
    deps.db.user.findMany({
      where,
      orderBy: [
        query.sort === 'lastLoginAt'
          ? { lastLoginAt: { sort: query.order, nulls: 'last' } }
          : { [query.sort]: query.order },
        { id: 'asc' },
      ],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    deps.db.user.count({ where }),
  ]);
  return { items: items.map(toUserView), total, page: query.page, pageSize: query.pageSize };
}

export async function getUser(deps: UsersDeps, id: string): Promise<UserView> {
  return toUserView(await findUser(deps.db, id));
}

export async function createUser(
  deps: UsersDeps,
  actor: Actor,
  input: CreateUserRequest,
): Promise<{ user: UserView; oneTimePassword?: string }> {
  const email = normalizeEmail(input.email);
  if (input.password !== undefined) assertPasswordAllowed(input.password, email);
  if (await deps.db.user.findUnique({ where: { email } }))
    throw new AppError(ErrorCode.EMAIL_TAKEN, 'A user with this email already exists.');
  const oneTimePassword = input.password === undefined ? generatePassword() : undefined;
  const user = await deps.db.user.create({
    data: {
      email,
      role: input.role,
      passwordHash: await hashPassword(input.password ?? oneTimePassword ?? ''),
      // Whoever sets a password for someone else knows it: the owner must replace it.
      mustChangePassword: true,
    },
  });
  await audit(deps, actor, 'user.create', user, {
    email: user.email,
    role: user.role,
    generatedPassword: oneTimePassword !== undefined,
  });
  return { user: toUserView(user), ...(oneTimePassword ? { oneTimePassword } : {}) };
}

/** Serializes admin-count checks, so two concurrent demotions cannot remove the last two admins. */
const ADMIN_GUARD_LOCK = ADVISORY_LOCKS.adminGuard;

/**
 * Runs `apply` in a transaction that first checks that demoting, disabling or deleting `target`
 * leaves at least one enabled admin.
 */
async function withLastAdminGuard<T>(
  db: Db,
  target: User,
  apply: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_GUARD_LOCK})`;
    const current = await tx.user.findUnique({ where: { id: target.id } });
    if (current?.role === 'admin' && !current.disabled) {
      const others = await tx.user.count({
        where: { role: 'admin', disabled: false, id: { not: target.id } },
      });
      if (others === 0)
        throw new AppError(
          ErrorCode.LAST_ADMIN,
          'This is the last active admin; make someone else an admin first.',
        );
    }
    return apply(tx);
  });
}

/** Ends every session and API token of a user at once (disable, password reset, delete). */
async function revokeAllCredentials(
  db: Db,
  userId: string,
  now: Date,
  reason: string,
): Promise<void> {
  await db.$transaction([
    db.session.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: now, revokeReason: reason },
    }),
    db.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
  ]);
}

export async function updateUser(
  deps: UsersDeps,
  actor: Actor,
  id: string,
  change: { role?: UserView['role']; disabled?: boolean },
): Promise<UserView> {
  const target = await findUser(deps.db, id);
  const demoting = change.role !== undefined && change.role !== 'admin';
  const updated =
    demoting || change.disabled === true
      ? await withLastAdminGuard(deps.db, target, (tx) =>
          tx.user.update({ where: { id }, data: change }),
        )
      : await deps.db.user.update({ where: { id }, data: change });
  if (change.role !== undefined && change.role !== target.role) {
    await audit(deps, actor, 'user.role_change', updated, { from: target.role, to: updated.role });
  }
  if (change.disabled !== undefined && change.disabled !== target.disabled) {
    if (change.disabled) await revokeAllCredentials(deps.db, id, deps.clock(), 'user_disabled');
    await audit(deps, actor, change.disabled ? 'user.disable' : 'user.enable', updated);
  }
  return toUserView(updated);
}

export async function resetPassword(
  deps: UsersDeps,
  actor: Actor,
  id: string,
  password: string | undefined,
): Promise<{ user: UserView; oneTimePassword?: string }> {
  const target = await findUser(deps.db, id);
  if (password !== undefined) assertPasswordAllowed(password, target.email);
  const oneTimePassword = password === undefined ? generatePassword() : undefined;
  const now = deps.clock();
  const updated = await deps.db.user.update({
    where: { id },
    data: {
      passwordHash: await hashPassword(password ?? oneTimePassword ?? ''),
      mustChangePassword: true,
      passwordChangedAt: now,
    },
  });
  await revokeAllCredentials(deps.db, id, now, 'password_reset');
  await audit(deps, actor, 'user.password_reset', updated, {
    generatedPassword: oneTimePassword !== undefined,
  });
  return { user: toUserView(updated), ...(oneTimePassword ? { oneTimePassword } : {}) };
}

export async function deleteUser(deps: UsersDeps, actor: Actor, id: string): Promise<void> {
  const target = await findUser(deps.db, id);
  await withLastAdminGuard(deps.db, target, (tx) => tx.user.delete({ where: { id } }));
  // The audit log keeps the id and email; sessions and tokens go with the row.
  await audit(deps, actor, 'user.delete', target, { email: target.email, role: target.role });
}

/** The signed-in user replaces their password; the current one must be given again. */
export async function changeOwnPassword(
  deps: UsersDeps,
  actor: Actor & { sessionId: string },
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await findUser(deps.db, actor.userId);
  const { userId, email, sessionId: _sessionId, ...context } = actor;
  const refused = (outcome: 'failure' | 'denied', reason: string) =>
    recordAudit(deps.db, {
      ...context,
      at: deps.clock(),
      action: 'user.password_change',
      outcome,
      actorId: userId,
      actorEmail: email,
      targetType: 'user',
      targetId: userId,
      details: { reason },
    });
  // A stolen session must not become a password-guessing oracle: the current password is
  // throttled and locked out exactly like sign-in (same counters, per account and address).
  try {
    await assertNotThrottled(deps.db, user.email, context.ip, deps.clock());
  } catch (error) {
    await refused('denied', 'throttled');
    throw error;
  }
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordLoginFailure(deps.db, user.email, context.ip, deps.clock());
    await refused('failure', 'wrong_current_password');
    throw new AppError(ErrorCode.INVALID_CREDENTIALS, 'The current password is incorrect.');
  }
  await recordLoginSuccess(deps.db, user.email, context.ip);
  assertPasswordAllowed(newPassword, user.email);
  if (await verifyPassword(user.passwordHash, newPassword)) {
    throw new AppError(
      ErrorCode.PASSWORD_POLICY,
      'Choose a password different from the current one.',
    );
  }
  const now = deps.clock();
  await deps.db.user.update({
    where: { id: userId },
    data: {
      passwordHash: await hashPassword(newPassword),
      mustChangePassword: false,
      passwordChangedAt: now,
    },
  });
  // Other sessions and API tokens may belong to whoever knew the old password: end them all,
  // keep only this session (as an admin's reset or disabling does, this one aside).
  const [, tokens] = await deps.db.$transaction([
    deps.db.session.updateMany({
      where: { userId, revokedAt: null, id: { not: actor.sessionId } },
      data: { revokedAt: now, revokeReason: 'password_changed' },
    }),
    deps.db.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
  ]);
  await audit(
    deps,
    actor,
    'user.password_change',
    { id: userId },
    { apiTokensRevoked: tokens.count },
  );
}
