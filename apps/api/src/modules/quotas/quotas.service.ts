// Quotas: what applies to me (shown before I upload), admins setting a user's or a group's limits,
// and the usage report per user and group.
import {
  ErrorCode,
  type MyQuota,
  type MyQuotaQuery,
  type QuotaInput,
  type QuotaView,
  type UsageReport,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { normalizePrefix } from '../../lib/key-rules.js';
import { recordActorEvent } from '../audit/audit.service.js';
import type { Caller } from '../grants/permissions.service.js';
import {
  allGrantedPrefixes,
  quotaScopesFor,
  scopeCovers,
  usageTable,
  type Location,
  type QuotaScope,
  type Usage,
} from './quota-scope.js';

export interface QuotasDeps {
  db: Db;
  clock: () => Date;
}

function quotaView(scope: Omit<QuotaScope, 'prefixes' | 'name'>, usage: Usage): QuotaView {
  return {
    subject: scope.subject,
    subjectId: scope.subjectId,
    maxBytes: scope.maxBytes,
    maxObjects: scope.maxObjects,
    usedBytes: usage.bytes,
    usedObjects: usage.objects,
    measuredAt: usage.measuredAt?.toISOString() ?? null,
  };
}

/** Whether the scope counts anything at the place asked about (every scope when none is named). */
function countsAt(scope: QuotaScope, query: MyQuotaQuery): boolean {
  if (!query.connectionId || !query.bucket) return true;
  const key = query.key ?? '';
  const place = { connectionId: query.connectionId, bucket: query.bucket };
  // A folder counts when a quota prefix holds it or lies inside it (its files may land there).
  return (
    scopeCovers(scope, { ...place, key }) ||
    (key === '' || key.endsWith('/')
      ? scope.prefixes.some(
          (l) =>
            l.connectionId === place.connectionId &&
            l.bucket === place.bucket &&
            l.prefix.startsWith(normalizePrefix(key)),
        )
      : false)
  );
}

const room = (max: number | null, used: number) => (max === null ? null : Math.max(0, max - used));
const tightest = (values: (number | null)[]) =>
  values.reduce<number | null>(
    (min, v) => (v === null ? min : min === null ? v : Math.min(min, v)),
    null,
  );

export async function myQuota(
  deps: QuotasDeps,
  caller: Caller,
  query: MyQuotaQuery,
): Promise<MyQuota> {
  const scopes = (await quotaScopesFor(deps.db, caller.userId, deps.clock())).filter((scope) =>
    countsAt(scope, query),
  );
  const usage = await usageTable(
    deps.db,
    scopes.flatMap((scope) => scope.prefixes),
  );
  const quotas = scopes.map((scope) => ({
    ...quotaView(scope, usage(scope.prefixes)),
    name: scope.name,
  }));
  return {
    quotas,
    remainingBytes: tightest(quotas.map((q) => room(q.maxBytes, q.usedBytes))),
    remainingObjects: tightest(quotas.map((q) => room(q.maxObjects, q.usedObjects))),
  };
}

const toLimit = (value: number | null) => (value === null ? null : BigInt(value));

export async function setQuota(
  deps: QuotasDeps,
  actor: Caller,
  subject: 'user' | 'group',
  subjectId: string,
  input: QuotaInput,
): Promise<QuotaView> {
  const exists =
    subject === 'user'
      ? await deps.db.user.findUnique({ where: { id: subjectId }, select: { email: true } })
      : await deps.db.group.findUnique({ where: { id: subjectId }, select: { name: true } });
  if (!exists)
    throw subject === 'user'
      ? new AppError(ErrorCode.USER_NOT_FOUND, 'No user with this id.')
      : new AppError(ErrorCode.NOT_FOUND, 'No group with this id.');
  const where = subject === 'user' ? { userId: subjectId } : { groupId: subjectId };
  const limits = { maxBytes: toLimit(input.maxBytes), maxObjects: toLimit(input.maxObjects) };
  // No limit on either measure is no quota at all.
  if (input.maxBytes === null && input.maxObjects === null)
    await deps.db.quota.deleteMany({ where });
  else
    await deps.db.quota.upsert({
      where: subject === 'user' ? { userId: subjectId } : { groupId: subjectId },
      create: { ...where, ...limits },
      update: limits,
    });
  await recordActorEvent(deps.db, actor, {
    at: deps.clock(),
    action: input.maxBytes === null && input.maxObjects === null ? 'quota.remove' : 'quota.set',
    targetType: subject,
    targetId: subjectId,
    details: {
      subject: 'email' in exists ? exists.email : `group:${exists.name}`,
      maxBytes: input.maxBytes ?? 'none',
      maxObjects: input.maxObjects ?? 'none',
    },
  });
  const granted = await allGrantedPrefixes(deps.db, deps.clock());
  const prefixes = subject === 'user' ? granted.ofUser(subjectId) : granted.ofGroup(subjectId);
  const usage = (await usageTable(deps.db, prefixes))(prefixes);
  return quotaView({ subject, subjectId, ...input }, usage);
}

/** Every user's and group's usage under their granted prefixes, with their limits. */
export async function usageReport(deps: QuotasDeps): Promise<UsageReport> {
  const [users, groups, quotas, granted] = await Promise.all([
    deps.db.user.findMany({ select: { id: true, email: true }, orderBy: { email: 'asc' } }),
    deps.db.group.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    deps.db.quota.findMany(),
    allGrantedPrefixes(deps.db, deps.clock()),
  ]);
  const prefixesOf = new Map<string, Location[]>([
    ...users.map((u) => [u.id, granted.ofUser(u.id)] as const),
    ...groups.map((g) => [g.id, granted.ofGroup(g.id)] as const),
  ]);
  const usage = await usageTable(deps.db, [...prefixesOf.values()].flat());
  const limitsOf = (id: string) => {
    const quota = quotas.find((q) => q.userId === id || q.groupId === id);
    return {
      maxBytes: quota?.maxBytes == null ? null : Number(quota.maxBytes),
      maxObjects: quota?.maxObjects == null ? null : Number(quota.maxObjects),
    };
  };
  const row = (id: string) => {
    const used = usage(prefixesOf.get(id) ?? []);
    return {
      usedBytes: used.bytes,
      usedObjects: used.objects,
      measuredAt: used.measuredAt?.toISOString() ?? null,
      ...limitsOf(id),
    };
  };
  return {
    users: users.map((u) => ({ userId: u.id, email: u.email, ...row(u.id) })),
    groups: groups.map((g) => ({ groupId: g.id, name: g.name, ...row(g.id) })),
  };
}
