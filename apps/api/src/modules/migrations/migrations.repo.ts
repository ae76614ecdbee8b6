// Reads of migration jobs: the live view (counts aggregated from the item rows, so they are exact
// whoever wrote them), item pages, log lines, and the change notification viewers listen for.
import {
  MigrationOptions,
  type MigrationCounts,
  type MigrationItemState,
  type MigrationItemView,
  type MigrationLogLine,
  type MigrationView,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import type { MigrationJob } from '../../generated/prisma/client.js';
import { hintsForReason } from './migration-failures.js';

/** Postgres channel every process NOTIFYs when a job changed; payload: the job id. */
export const MIGRATION_CHANNEL = 'migration_events';

export async function notifyMigrationChanged(db: Db, jobId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${MIGRATION_CHANNEL}, ${jobId})`;
}

/** Postgres channel NOTIFYed when a job needs a runner (created, resumed, retried). */
export const MIGRATION_WAITING_CHANNEL = 'migration_waiting';

/** Wakes the dispatchers of every process that runs jobs, so the job starts now. */
export async function notifyMigrationWaiting(db: Db, jobId: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${MIGRATION_WAITING_CHANNEL}, ${jobId})`;
}

const EMPTY = () => ({ objects: 0, bytes: 0 });

export async function countsOf(db: Db, jobId: string): Promise<MigrationCounts> {
  const rows = await db.$queryRaw<{ state: MigrationItemState; n: bigint; bytes: bigint | null }[]>`
    SELECT state, count(*) AS n, sum(size) AS bytes FROM migration_items
    WHERE job_id = ${jobId}::uuid GROUP BY state`;
  const counts: MigrationCounts = {
    discovered: EMPTY(),
    copied: EMPTY(),
    skipped: EMPTY(),
    failed: EMPTY(),
    pending: EMPTY(),
    inFlight: 0,
  };
  for (const row of rows) {
    const objects = Number(row.n);
    const bytes = Number(row.bytes ?? 0n);
    counts.discovered.objects += objects;
    counts.discovered.bytes += bytes;
    if (row.state === 'copying') {
      counts.inFlight = objects;
      counts.pending.objects += objects;
      counts.pending.bytes += bytes;
    } else
      counts[row.state] = {
        objects: objects + counts[row.state].objects,
        bytes: bytes + counts[row.state].bytes,
      };
  }
  return counts;
}

async function connectionNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.s3Connection.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function durationOf(job: Pick<MigrationJob, 'startedAt' | 'finishedAt'>, now: Date) {
  if (!job.startedAt) return null;
  return (job.finishedAt ?? now).getTime() - job.startedAt.getTime();
}

export function toMigrationView(
  job: MigrationJob,
  counts: MigrationCounts,
  names: Map<string, string>,
  now: Date,
): MigrationView {
  const durationMs = durationOf(job, now);
  const name = (id: string) => names.get(id) ?? '(deleted connection)';
  const options = MigrationOptions.parse(job.options);
  return {
    id: job.id,
    state: job.state,
    source: {
      connectionId: job.sourceConnectionId,
      connectionName: name(job.sourceConnectionId),
      bucket: job.sourceBucket,
      prefix: job.sourcePrefix,
    },
    destination: {
      connectionId: job.destConnectionId,
      connectionName: name(job.destConnectionId),
      bucket: job.destBucket,
      prefix: job.destPrefix,
    },
    options,
    listingDone: job.listingDone,
    // Rows marked `copying` include the batch a runner claimed ahead of its lanes and outcomes it
    // has not flushed yet; objects actually being copied are at most one per lane.
    counts: { ...counts, inFlight: Math.min(counts.inFlight, options.concurrency) },
    startedBy: { id: job.createdById, email: job.createdByEmail },
    rerunOf: job.rerunOfId,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    durationMs,
    averageBytesPerSecond:
      durationMs && durationMs > 0 ? (counts.copied.bytes * 1000) / durationMs : null,
    throttledUntil:
      job.throttledUntil && job.throttledUntil > now ? job.throttledUntil.toISOString() : null,
    error: job.error,
  };
}

export async function migrationViews(db: Db, jobs: MigrationJob[], now: Date) {
  const names = await connectionNames(
    db,
    jobs.flatMap((job) => [job.sourceConnectionId, job.destConnectionId]),
  );
  return Promise.all(
    jobs.map(async (job) => toMigrationView(job, await countsOf(db, job.id), names, now)),
  );
}

export function toItemView(row: {
  key: string;
  size: bigint;
  state: MigrationItemState;
  reason: string | null;
  attempts: number;
  updatedAt: Date;
}): MigrationItemView {
  return {
    key: row.key,
    size: Number(row.size),
    state: row.state,
    reason: row.reason,
    hints: hintsForReason(row.reason),
    attempts: row.attempts,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Lines after `afterSeq` (or the last `limit` when none): the log is windowed, never sent whole. */
export async function logLines(
  db: Db,
  jobId: string,
  afterSeq: bigint | null,
  limit = 100,
): Promise<MigrationLogLine[]> {
  const rows =
    afterSeq === null
      ? (
          await db.migrationLog.findMany({
            where: { jobId },
            orderBy: { seq: 'desc' },
            take: limit,
          })
        ).reverse()
      : await db.migrationLog.findMany({
          where: { jobId, seq: { gt: afterSeq } },
          orderBy: { seq: 'asc' },
          take: limit,
        });
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: row.at.toISOString(),
    level: row.level as MigrationLogLine['level'],
    message: row.message,
  }));
}

export async function appendLog(
  db: Db,
  jobId: string,
  level: MigrationLogLine['level'],
  message: string,
): Promise<void> {
  await db.migrationLog.create({ data: { jobId, level, message: message.slice(0, 2000) } });
}
