// The detectors' event stream: inserts, and aggregates over one subject's recent events.
import type { AlertEvidenceItem, SecurityEventKind, SecurityEventSource } from '@s3am/contracts';
import { Prisma, type Db } from '../../db/prisma.js';

export interface ObservedEvent {
  at: Date;
  source: SecurityEventSource;
  kind: SecurityEventKind;
  ip?: string | null;
  userId?: string | null;
  principal?: string | null;
  userAgent?: string | null;
  route?: string | null;
  status?: number | null;
  bytes?: number | null;
  requestId?: string | null;
  auditSeq?: bigint | null;
  line?: string | null;
}

export interface StoredEvent extends ObservedEvent {
  id: bigint;
}

export async function insertEvents(
  db: Db,
  events: readonly ObservedEvent[],
): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const rows = await db.securityEvent.createManyAndReturn({
    data: events.map((event) => ({
      at: event.at,
      source: event.source,
      kind: event.kind,
      ip: event.ip ?? null,
      userId: event.userId ?? null,
      principal: event.principal ?? null,
      userAgent: event.userAgent?.slice(0, 512) ?? null,
      route: event.route ?? null,
      status: event.status ?? null,
      bytes: event.bytes === null || event.bytes === undefined ? null : BigInt(event.bytes),
      requestId: event.requestId ?? null,
      auditSeq: event.auditSeq ?? null,
      line: event.line?.slice(0, 4000) ?? null,
    })),
    select: { id: true },
  });
  return rows.map((row, index) => ({ ...events[index]!, id: row.id }));
}

export interface WindowQuery {
  kinds: readonly string[];
  subject: { column: 'ip' | 'user_id' | 'principal'; value: string };
  since: Date;
  until: Date;
  minBytes?: number;
  status?: number;
}

export interface WindowAggregate {
  count: number;
  bytes: number;
  distinctIps: number;
  /** The newest event ids in the window (evidence). */
  ids: bigint[];
}

const EVIDENCE_IDS = 20;

export async function aggregateWindow(db: Db, query: WindowQuery): Promise<WindowAggregate> {
  const subject =
    query.subject.column === 'ip'
      ? Prisma.sql`ip = ${query.subject.value}`
      : query.subject.column === 'user_id'
        ? Prisma.sql`user_id = ${query.subject.value}::uuid`
        : Prisma.sql`principal = ${query.subject.value}`;
  const extra = [
    ...(query.minBytes !== undefined ? [Prisma.sql`AND bytes >= ${query.minBytes}`] : []),
    ...(query.status !== undefined ? [Prisma.sql`AND status = ${query.status}`] : []),
  ];
  const rows = await db.$queryRaw<
    { count: number; bytes: bigint | null; ips: number; ids: bigint[] | null }[]
  >`SELECT count(*)::int AS count, sum(bytes)::bigint AS bytes, count(DISTINCT ip)::int AS ips,
           (array_agg(id ORDER BY id DESC))[1:${EVIDENCE_IDS}] AS ids
      FROM security_events
     WHERE kind = ANY(${[...query.kinds]}::text[]) AND ${subject}
       AND at > ${query.since} AND at <= ${query.until}
       ${extra.length > 0 ? Prisma.join(extra, ' ') : Prisma.empty}`;
  const row = rows[0];
  return {
    count: row?.count ?? 0,
    bytes: Number(row?.bytes ?? 0n),
    distinctIps: row?.ips ?? 0,
    ids: row?.ids ?? [],
  };
}

export async function evidenceFor(db: Db, ids: readonly bigint[]): Promise<AlertEvidenceItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.securityEvent.findMany({
    where: { id: { in: [...ids] } },
    orderBy: { id: 'desc' },
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    at: row.at.toISOString(),
    kind: row.kind as SecurityEventKind,
    source: row.source as SecurityEventSource,
    ip: row.ip,
    requestId: row.requestId,
    auditSeq: row.auditSeq?.toString() ?? null,
    line: row.line,
  }));
}

/** Events older than this are of no use to any window (the audit log keeps the record). */
export async function pruneEvents(db: Db, before: Date): Promise<number> {
  const { count } = await db.securityEvent.deleteMany({ where: { at: { lt: before } } });
  return count;
}
