// In-process feed of appended audit events, so the security monitor sees them as they happen.
// Keyed by database client: each app (and test app) hears only its own appends; every instance
// writes to the same table, and detectors aggregate there, so nothing depends on one process.
import type { Db } from '../../db/prisma.js';

export interface FedAuditEvent {
  /** Null for events appended in a batch (their seq is not read back). */
  seq: bigint | null;
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
  details: Record<string, string | number | boolean | null>;
}

type Listener = (events: readonly FedAuditEvent[]) => void;

const listeners = new WeakMap<Db, Set<Listener>>();

export function subscribeAuditFeed(db: Db, listener: Listener): () => void {
  const set = listeners.get(db) ?? new Set<Listener>();
  listeners.set(db, set);
  set.add(listener);
  return () => set.delete(listener);
}

/** Called after the append committed. Listeners must not throw (they run detached work). */
export function publishAuditEvents(db: Db, events: readonly FedAuditEvent[]): void {
  const set = listeners.get(db);
  if (!set || events.length === 0) return;
  for (const listener of set) listener(events);
}
