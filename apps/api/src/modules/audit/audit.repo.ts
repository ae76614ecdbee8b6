// Audit queries: filters → Prisma where, keyset pages (newest first) and batched export reads.
import type { AuditEventView, AuditQuery } from '@s3am/contracts';
import type { AuditEvent, Db, Prisma } from '../../db/prisma.js';
import { likeLiteral } from '../../lib/like-pattern.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AuditFilters = Omit<AuditQuery, 'before' | 'limit'>;

/**
 * Detail fields the search looks into: the object keys, folders and names events are about
 * (file operations, grants, shares, users). JSON text fields only; case-sensitive like S3 keys.
 */
const SEARCHED_DETAILS = [
  'email',
  'key',
  'from',
  'to',
  'prefix',
  'bucket',
  'grantee',
  'name',
  'uploadId',
  'shareId',
  'jobId',
  'id',
];

export function auditWhere(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (filters.actor) {
    where.push(
      UUID.test(filters.actor)
        ? { actorId: filters.actor }
        : // Part of an email ("alice", "@example.org"); stored emails are lower case.
          { actorEmail: { contains: likeLiteral(filters.actor.trim().toLowerCase()) } },
    );
  }
  if (filters.action) {
    where.push(
      filters.action.endsWith('.')
        ? { action: { startsWith: likeLiteral(filters.action) } }
        : { action: filters.action },
    );
  }
  if (filters.outcome) where.push({ outcome: filters.outcome });
  if (filters.from) where.push({ at: { gte: new Date(filters.from) } });
  if (filters.to) where.push({ at: { lt: new Date(filters.to) } });
  if (filters.q) {
    const text = likeLiteral(filters.q);
    const contains = { contains: text, mode: 'insensitive' as const };
    where.push({
      OR: [
        { action: contains },
        { actorEmail: contains },
        { targetType: contains },
        { targetId: contains },
        { ip: contains },
        { requestId: contains },
        // What an event is about: a user's email (user.create…), an object key, a folder…
        ...SEARCHED_DETAILS.map((field) => ({
          details: { path: [field], string_contains: text },
        })),
      ],
    });
  }
  return { AND: where };
}

export function toAuditView(event: AuditEvent): AuditEventView {
  return {
    seq: event.seq.toString(),
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    outcome: event.outcome,
    ip: event.ip,
    userAgent: event.userAgent,
    requestId: event.requestId,
    details: (event.details ?? {}) as Record<string, unknown>,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

export async function findAuditPage(
  db: Db,
  query: AuditQuery,
): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  const rows = await db.auditEvent.findMany({
    where: {
      AND: [auditWhere(query), ...(query.before ? [{ seq: { lt: BigInt(query.before) } }] : [])],
    },
    orderBy: { seq: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toAuditView),
    nextCursor: rows.length > query.limit && last ? last.seq.toString() : null,
  };
}

const EXPORT_BATCH = 1000;

/** Every matching event, oldest first, read in keyset batches so memory stays flat. */
export async function* streamAuditEvents(
  db: Db,
  filters: AuditFilters,
): AsyncGenerator<AuditEventView> {
  let afterSeq = -1n;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { AND: [auditWhere(filters), { seq: { gt: afterSeq } }] },
      orderBy: { seq: 'asc' },
      take: EXPORT_BATCH,
    });
    for (const row of rows) yield toAuditView(row);
    const last = rows[rows.length - 1];
    if (!last || rows.length < EXPORT_BATCH) return;
    afterSeq = last.seq;
  }
}
