// Live migration state for every viewer on every API instance: the engine and the service NOTIFY
// on one Postgres channel; each instance LISTENs once, and for each watched job sends its viewers
// the current state (coalesced: at most one event per job per 250 ms) plus the log lines they
// have not seen. The SSE id is the last log seq, so a reconnect (Last-Event-ID) resumes the log.
import type { FastifyBaseLogger } from 'fastify';
import type { MigrationStreamEvent } from '@s3am/contracts';
import { listenTo } from '../../db/pg-listener.js';
import type { Db } from '../../db/prisma.js';
import { MIGRATION_CHANNEL, logLines, migrationViews } from './migrations.repo.js';

export const COALESCE_MS = 250;

export interface MigrationViewer {
  /** Last log seq this viewer has (null: none yet). */
  lastSeq: bigint | null;
  send(id: string, event: MigrationStreamEvent): void;
}

export interface MigrationEventHub {
  watch(jobId: string, viewer: MigrationViewer): Promise<() => void>;
  close(): Promise<void>;
}

async function eventFor(db: Db, jobId: string, afterSeq: bigint | null, now: Date) {
  const job = await db.migrationJob.findUnique({ where: { id: jobId } });
  if (!job) return null;
  const [migration] = await migrationViews(db, [job], now);
  const log = await logLines(db, jobId, afterSeq);
  const remaining = migration!.counts.pending.bytes;
  const speed = job.state === 'running' ? job.speedBytesPerSecond : 0;
  return {
    migration: migration!,
    speedBytesPerSecond: speed,
    etaSeconds: speed > 0 && remaining > 0 ? Math.round(remaining / speed) : null,
    log,
  } satisfies MigrationStreamEvent;
}

export function createMigrationEventHub(deps: {
  db: Db;
  databaseUrl?: string;
  log: FastifyBaseLogger;
  clock: () => Date;
}): MigrationEventHub {
  const viewers = new Map<string, Set<MigrationViewer>>();
  const due = new Map<string, NodeJS.Timeout>();
  const lastSent = new Map<string, number>();
  // Without LISTEN (no database URL, or while reconnecting) viewers get a poll every second.
  const poll = setInterval(() => {
    if (!listener.listening()) for (const jobId of viewers.keys()) schedule(jobId);
  }, 1000);

  const deliver = async (jobId: string) => {
    lastSent.set(jobId, Date.now());
    for (const viewer of viewers.get(jobId) ?? []) {
      try {
        const event = await eventFor(deps.db, jobId, viewer.lastSeq, deps.clock());
        if (!event) continue;
        const last = event.log.at(-1);
        if (last) viewer.lastSeq = BigInt(last.seq);
        viewer.send(String(viewer.lastSeq ?? 0n), event);
      } catch (error) {
        deps.log.warn({ err: error, migrationId: jobId }, 'migration event not delivered');
      }
    }
  };

  /** At most one delivery per job per COALESCE_MS; changes in between fold into the next one. */
  const schedule = (jobId: string) => {
    if (!viewers.has(jobId) || due.has(jobId)) return;
    const wait = Math.max(0, (lastSent.get(jobId) ?? 0) + COALESCE_MS - Date.now());
    due.set(
      jobId,
      setTimeout(() => {
        due.delete(jobId);
        void deliver(jobId);
      }, wait),
    );
  };

  const listener = listenTo({
    databaseUrl: deps.databaseUrl,
    channel: MIGRATION_CHANNEL,
    log: deps.log,
    onNotification: (jobId) => schedule(jobId),
    // Anything notified while the connection was away is caught up by one delivery per job.
    onConnected: () => viewers.forEach((_, jobId) => schedule(jobId)),
  });

  return {
    async watch(jobId, viewer) {
      // No wait for LISTEN: until it is up, the poll (and then onConnected) covers any change.
      const set = viewers.get(jobId) ?? new Set();
      viewers.set(jobId, set);
      set.add(viewer);
      // The current state first, at once: a late viewer never waits for the next change.
      const event = await eventFor(deps.db, jobId, viewer.lastSeq, deps.clock());
      if (event) {
        const last = event.log.at(-1);
        if (last) viewer.lastSeq = BigInt(last.seq);
        viewer.send(String(viewer.lastSeq ?? 0n), event);
      }
      return () => {
        set.delete(viewer);
        if (set.size === 0) viewers.delete(jobId);
      };
    },
    async close() {
      clearInterval(poll);
      for (const timer of due.values()) clearTimeout(timer);
      due.clear();
      viewers.clear();
      await listener.close();
    },
  };
}
