// Migration jobs on pg-boss. Every process that runs the queue also runs a dispatcher: it files a
// pg-boss job for each running migration nobody holds (just started, resumed, or left by a worker
// that died — its lease ran out), and pg-boss hands that job to one process. The dispatcher runs
// when the API NOTIFYs that a job waits (so it starts at once) and once a second (dead runners'
// jobs; a notification lost while the LISTEN connection was down). The query is one indexed UPDATE.
import type { PgBoss } from 'pg-boss';
import type { JobQueue } from './job-queue.js';
import { activeRuns, RUNNER_ID, type EngineDeps } from '../modules/migrations/migration-engine.js';
import { runMigration } from '../modules/migrations/migration-runner.js';
import { MIGRATION_WAITING_CHANNEL } from '../modules/migrations/migrations.repo.js';
import { listenTo } from '../db/pg-listener.js';
import { coalesced } from '../lib/coalesced.js';

export const MIGRATION_QUEUE = 'migration-run';

/** Marks up to `limit` unheld running jobs as dispatched by this process and returns their ids. */
async function takeUnheldJobs(deps: EngineDeps, limit = 20): Promise<string[]> {
  // Never a job this process runs itself: its heartbeat may only be late (a busy event loop or
  // database), and a second runner with the same runner id would not see the first one and copy
  // what it has in flight a second time.
  const runningHere = [...activeRuns].map((control) => control.jobId);
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    UPDATE migration_jobs SET runner_id = ${`dispatched:${RUNNER_ID}`}, heartbeat_at = now()
    WHERE id IN (
      SELECT id FROM migration_jobs WHERE state = 'running'
        AND NOT (id = ANY(${runningHere}::uuid[]))
        AND (heartbeat_at IS NULL OR heartbeat_at < now() - make_interval(secs => ${deps.settings.leaseSeconds}))
      ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return rows.map((row) => row.id);
}

export async function ensureMigrationQueue(boss: PgBoss): Promise<void> {
  // Retries are ours (leases), not pg-boss's. pg-boss caps expiry at 24 h; a runner keeps its job
  // past that through its own lease (the dispatcher never files a second job while it beats).
  // `notify`: a filed job wakes a waiting process at once (a job starts in milliseconds, not at
  // the next poll). updateQueue brings a queue created before that option up to date.
  const options = { retryLimit: 0, expireInSeconds: 24 * 3600, notify: true };
  await boss.createQueue(MIGRATION_QUEUE, options);
  await boss.updateQueue(MIGRATION_QUEUE, options);
}

export async function startMigrationJobs(
  queue: JobQueue,
  deps: EngineDeps,
  options: { databaseUrl?: string; dispatchEveryMs?: number; runnersPerProcess?: number } = {},
): Promise<{ stop(): Promise<void> }> {
  const { boss } = queue;
  await ensureMigrationQueue(boss);
  await boss.work<{ migrationId: string }>(
    MIGRATION_QUEUE,
    {
      localConcurrency: options.runnersPerProcess ?? 4,
      // NOTIFY wakes the worker for a new job; it still polls as often as without NOTIFY,
      // because after a job it waits for the next poll, and that is how a backlog drains.
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: 0.5,
    },
    async ([job]) => {
      if (job) await runMigration(deps, job.data.migrationId);
    },
  );
  let stopped = false;
  // One pass at a time; a wake-up during a pass asks for one more pass after it.
  const dispatch = coalesced(async () => {
    if (stopped) return;
    try {
      for (const migrationId of await takeUnheldJobs(deps))
        await boss.send(MIGRATION_QUEUE, { migrationId });
    } catch (error) {
      deps.log.warn({ err: error }, 'migration dispatch failed');
    }
  });
  const waiting = listenTo({
    databaseUrl: options.databaseUrl,
    channel: MIGRATION_WAITING_CHANNEL,
    log: deps.log,
    onNotification: () => void dispatch(),
    onConnected: () => void dispatch(),
  });
  await waiting.ready;
  await dispatch();
  const timer = setInterval(() => void dispatch(), options.dispatchEveryMs ?? 1000);
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await waiting.close();
      // Hand running jobs to the next process now instead of after the lease runs out.
      for (const control of activeRuns) {
        control.state = 'released';
        control.abort.abort();
      }
    },
  };
}
