// Grants and groups (admins): create, list, change, remove; every change audited.
import { ErrorCode, type GrantUpdate, type GrantView, type GroupView } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { keyProblems, normalizePrefix } from '../../lib/key-rules.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';

export interface GrantsActor extends AuditContext {
  userId: string;
  email: string;
}

type ParsedGrant = {
  userId: string | null;
  groupId: string | null;
  connectionId: string;
  bucket: string;
  prefix: string;
  actions: string[];
  expiresAt: string | null;
};

const include = {
  user: { select: { email: true } },
  group: { select: { name: true } },
  connection: { select: { name: true } },
} as const;
type GrantRow = Awaited<ReturnType<Db['grant']['findFirstOrThrow']>> & {
  user: { email: string } | null;
  group: { name: string } | null;
  connection: { name: string };
};

function toGrantView(row: GrantRow): GrantView {
  return {
    id: row.id,
    userId: row.userId,
    userEmail: row.user?.email ?? null,
    groupId: row.groupId,
    groupName: row.group?.name ?? null,
    connectionId: row.connectionId,
    connectionName: row.connection.name,
    bucket: row.bucket,
    prefix: row.prefix,
    actions: row.actions as GrantView['actions'],
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function audit(
  db: Db,
  actor: GrantsActor,
  action: string,
  targetType: string,
  targetId: string,
  details: Record<string, string | null>,
) {
  const { userId, email, ...context } = actor;
  return recordAudit(db, {
    ...context,
    action,
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType,
    targetId,
    details,
  });
}

export async function listGrants(
  db: Db,
  filter: { userId?: string; groupId?: string; connectionId?: string },
): Promise<GrantView[]> {
  const rows = await db.grant.findMany({
    where: filter,
    include,
    orderBy: [{ createdAt: 'desc' }],
  });
  return rows.map(toGrantView);
}

export async function createGrant(
  db: Db,
  actor: GrantsActor,
  input: ParsedGrant,
): Promise<GrantView> {
  const prefix = normalizePrefix(input.prefix);
  if (prefix !== '' && keyProblems(prefix).length > 0)
    throw new AppError(
      ErrorCode.INVALID_KEY,
      `The prefix is not acceptable (${keyProblems(prefix).join(', ')}).`,
    );
  if (!(await db.s3Connection.findUnique({ where: { id: input.connectionId } })))
    throw new AppError(ErrorCode.CONNECTION_NOT_FOUND, 'No connection with this id.');
  if (input.userId && !(await db.user.findUnique({ where: { id: input.userId } })))
    throw new AppError(ErrorCode.USER_NOT_FOUND, 'No user with this id.');
  if (input.groupId && !(await db.group.findUnique({ where: { id: input.groupId } })))
    throw new AppError(ErrorCode.NOT_FOUND, 'No group with this id.');
  const row = await db.grant.create({
    data: {
      userId: input.userId,
      groupId: input.groupId,
      connectionId: input.connectionId,
      bucket: input.bucket,
      prefix,
      actions: [...new Set(input.actions)],
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    },
    include,
  });
  await audit(db, actor, 'grant.create', 'grant', row.id, {
    grantee: row.user?.email ?? `group:${row.group?.name ?? ''}`,
    bucket: row.bucket,
    prefix: row.prefix,
    actions: row.actions.join(' '),
  });
  return toGrantView(row);
}

/** Changes a grant's actions and/or expiry; audited with what it was and what it is now. */
export async function updateGrant(
  db: Db,
  actor: GrantsActor,
  id: string,
  change: GrantUpdate,
): Promise<GrantView> {
  const before = await db.grant.findUnique({ where: { id } });
  if (!before) throw new AppError(ErrorCode.NOT_FOUND, 'No grant with this id.');
  const row = await db.grant.update({
    where: { id },
    data: {
      ...(change.actions ? { actions: [...new Set(change.actions)] } : {}),
      ...(change.expiresAt !== undefined
        ? { expiresAt: change.expiresAt ? new Date(change.expiresAt) : null }
        : {}),
    },
    include,
  });
  await audit(db, actor, 'grant.update', 'grant', id, {
    grantee: row.user?.email ?? `group:${row.group?.name ?? ''}`,
    bucket: row.bucket,
    prefix: row.prefix,
    actionsBefore: before.actions.join(' '),
    actions: row.actions.join(' '),
    expiresAtBefore: before.expiresAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  });
  return toGrantView(row);
}

export async function deleteGrant(db: Db, actor: GrantsActor, id: string): Promise<void> {
  const row = await db.grant.findUnique({ where: { id }, include });
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'No grant with this id.');
  await db.grant.delete({ where: { id } });
  await audit(db, actor, 'grant.delete', 'grant', id, {
    grantee: row.user?.email ?? `group:${row.group?.name ?? ''}`,
    bucket: row.bucket,
    prefix: row.prefix,
  });
}

const groupInclude = {
  members: { include: { user: { select: { id: true, email: true } } } },
} as const;

function toGroupView(row: {
  id: string;
  name: string;
  members: { user: { id: string; email: string } }[];
}): GroupView {
  return {
    id: row.id,
    name: row.name,
    members: row.members
      .map((member) => member.user)
      .sort((a, b) => a.email.localeCompare(b.email)),
  };
}

export async function listGroups(db: Db): Promise<GroupView[]> {
  return (await db.group.findMany({ include: groupInclude, orderBy: { name: 'asc' } })).map(
    toGroupView,
  );
}

export async function saveGroup(
  db: Db,
  actor: GrantsActor,
  id: string | null,
  input: { name: string; memberIds: string[] },
): Promise<GroupView> {
  const memberIds = [...new Set(input.memberIds)];
  const row = await db.$transaction(async (tx) => {
    const group = id
      ? await tx.group.update({ where: { id }, data: { name: input.name } })
      : await tx.group.create({ data: { name: input.name } });
    await tx.groupMember.deleteMany({ where: { groupId: group.id } });
    await tx.groupMember.createMany({
      data: memberIds.map((userId) => ({ groupId: group.id, userId })),
    });
    return tx.group.findUniqueOrThrow({ where: { id: group.id }, include: groupInclude });
  });
  await audit(db, actor, id ? 'group.update' : 'group.create', 'group', row.id, {
    name: row.name,
    members: String(memberIds.length),
  });
  return toGroupView(row);
}

export async function deleteGroup(db: Db, actor: GrantsActor, id: string): Promise<void> {
  const row = await db.group.delete({ where: { id } });
  await audit(db, actor, 'group.delete', 'group', id, { name: row.name });
}
