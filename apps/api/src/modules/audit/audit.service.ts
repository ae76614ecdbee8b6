// Appends security-relevant events to the hash-chained audit log, and verifies the chain.
// Never pass secrets, tokens or file contents here.
import type { Db } from '../../db/prisma.js';
import { auditHash, findChainBreak, type ChainBreak } from '../../lib/audit-chain.js';
import { publishAuditEvents } from './audit-feed.js';
import { ADVISORY_LOCKS } from '../../db/advisory-locks.js';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditContext {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

export interface AuditInput extends AuditContext {
  action: string;
  outcome: AuditOutcome;
  actorId?: string | null;
  actorEmail?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, string | number | boolean | null>;
  at?: Date;
}

/** Serializes appends across every API instance, so each event links to the one before it. */
const AUDIT_APPEND_LOCK = ADVISORY_LOCKS.auditAppend;

/** The columns an event is stored (and hashed) with. */
function auditFields(event: AuditInput) {
  return {
    // Millisecond precision: what timestamptz(3) stores is exactly what was hashed.
    at: new Date((event.at ?? new Date()).getTime()),
    actorId: event.actorId ?? null,
    actorEmail: event.actorEmail ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    outcome: event.outcome,
    ip: event.ip ?? null,
    userAgent: event.userAgent?.slice(0, 512) ?? null,
    requestId: event.requestId ?? null,
    details: event.details ?? {},
  };
}

export async function recordAudit(db: Db, event: AuditInput): Promise<void> {
  const fields = auditFields(event);
  const row = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`;
    const last = await tx.auditEvent.findFirst({
      orderBy: { seq: 'desc' },
      select: { hash: true },
    });
    const prevHash = last?.hash ?? null;
    return tx.auditEvent.create({
      data: { ...fields, prevHash, hash: auditHash(prevHash, fields) },
      select: { seq: true },
    });
  });
  publishAuditEvents(db, [{ ...fields, seq: row.seq }]);
}

/**
 * Several events appended in one transaction under one lock, chained in the order given (a batch
 * of small uploads records one event per file without one lock round per file).
 */
export async function recordAuditEvents(db: Db, events: readonly AuditInput[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(auditFields);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`;
    const last = await tx.auditEvent.findFirst({
      orderBy: { seq: 'desc' },
      select: { hash: true },
    });
    let prevHash = last?.hash ?? null;
    const data = rows.map((fields) => {
      const hash = auditHash(prevHash, fields);
      const row = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    // One multi-row INSERT: seq is drawn row by row in this order, as the chain was computed.
    await tx.auditEvent.createMany({ data });
  });
  publishAuditEvents(
    db,
    rows.map((fields) => ({ ...fields, seq: null })),
  );
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken?: ChainBreak;
}

const VERIFY_BATCH = 1000;

/** Walks the whole chain in seq order, in batches, and reports the first broken link. */
export async function verifyAuditChain(db: Db): Promise<ChainVerification> {
  let prevHash: string | null = null;
  let afterSeq = -1n;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gt: afterSeq } },
      orderBy: { seq: 'asc' },
      take: VERIFY_BATCH,
    });
    if (rows.length === 0) return { ok: true, checked };
    const broken = findChainBreak(rows, prevHash);
    if (broken)
      return {
        ok: false,
        checked: checked + rows.findIndex((row) => row.seq === broken.seq),
        firstBroken: broken,
      };
    checked += rows.length;
    const last = rows[rows.length - 1]!;
    prevHash = last.hash;
    afterSeq = last.seq;
  }
}

/** Successful actions by one signed-in person, appended together (see recordAuditEvents). */
export function recordActorEvents(
  db: Db,
  actor: AuditContext & { userId: string; email: string; role?: unknown },
  events: readonly Omit<AuditInput, 'actorId' | 'actorEmail' | 'outcome' | keyof AuditContext>[],
): Promise<void> {
  const { userId, email, role: _role, ...context } = actor;
  return recordAuditEvents(
    db,
    events.map((event) => ({
      ...context,
      ...event,
      outcome: 'success',
      actorId: userId,
      actorEmail: email,
    })),
  );
}

/** A successful action by a signed-in person (the caller shapes the services use). */
export function recordActorEvent(
  db: Db,
  actor: AuditContext & { userId: string; email: string; role?: unknown },
  event: Omit<AuditInput, 'actorId' | 'actorEmail' | 'outcome' | keyof AuditContext>,
): Promise<void> {
  const { userId, email, role: _role, ...context } = actor;
  return recordAudit(db, {
    ...context,
    ...event,
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
  });
}
