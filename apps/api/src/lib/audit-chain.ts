// The audit log's hash chain: each event's SHA-256 covers its own fields and the previous
// event's hash, so editing, deleting or reordering any row breaks every later link.
import { createHash } from 'node:crypto';

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every level, so equal data always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Hashes exactly the chained fields (a DB row carries more, such as seq and hash itself). */
export function auditHash(prevHash: string | null, event: ChainedFields): string {
  const payload = canonicalJson({
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
    details: event.details,
    prevHash,
  });
  return createHash('sha256').update(payload).digest('hex');
}

export interface ChainRow extends ChainedFields {
  seq: bigint;
  prevHash: string | null;
  hash: string;
}

export type ChainBreak = { seq: bigint; reason: 'hash_mismatch' | 'prev_hash_mismatch' };

/** Checks rows given in seq order; `prevHash` is the hash of the row before the first one. */
export function findChainBreak(
  rows: readonly ChainRow[],
  prevHash: string | null,
): ChainBreak | undefined {
  let expectedPrev = prevHash;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev) return { seq: row.seq, reason: 'prev_hash_mismatch' };
    if (auditHash(row.prevHash, row) !== row.hash) return { seq: row.seq, reason: 'hash_mismatch' };
    expectedPrev = row.hash;
  }
  return undefined;
}
