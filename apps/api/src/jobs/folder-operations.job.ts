// Folder moves, copies and deletes on the job queue: each job runs one slice of an operation
// (about 20 s of work) and queues the next, so no job runs for hours, progress is saved all along,
// and an operation whose worker died is picked up again (pg-boss retries the expired job, and a
// periodic pass re-queues operations left queued or running without a job).
import type { FastifyBaseLogger } from 'fastify';
import type { PgBoss } from 'pg-boss';
import {
  runFolderOperationSlice,
  type RunnerDeps,
} from '../modules/files/folder-operation.runner.js';
import type { JobQueue } from './job-queue.js';

export const FOLDER_OPERATIONS_QUEUE = 'folder-operations';
const RECOVERY_QUEUE = 'folder-operations-recovery';
const SLICE_MILLISECONDS = 20_000;
/** An operation untouched this long while queued or running has lost its job. */
const STALE_AFTER_MS = 10 * 60_000;

/** Both the API (which sends) and workers (which run) declare the queue the same way. */
export async function ensureFolderOperationsQueue(boss: PgBoss): Promise<void> {
  // stately + one singleton key per operation: at most one slice running and one waiting.
  // `notify`: someone is waiting for the folder, so a worker starts it at once, not at its next
  // poll; updateQueue brings a queue created before that option up to date.
  const options = {
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
    notify: true,
  };
  await boss.createQueue(FOLDER_OPERATIONS_QUEUE, { policy: 'stately', ...options });
  await boss.updateQueue(FOLDER_OPERATIONS_QUEUE, options);
}

export async function sendFolderOperation(boss: PgBoss, operationId: string): Promise<void> {
  await boss.send(FOLDER_OPERATIONS_QUEUE, { operationId }, { singletonKey: operationId });
}

/** Queues again the operations that have no job (lost, or never sent): the slice is idempotent. */
export async function requeueStaleFolderOperations(
  boss: PgBoss,
  deps: Pick<RunnerDeps, 'db' | 'clock'>,
): Promise<number> {
  const stale = await deps.db.fileOperation.findMany({
    where: {
      status: { in: ['queued', 'running'] },
      updatedAt: { lt: new Date(deps.clock().getTime() - STALE_AFTER_MS) },
    },
    select: { id: true },
    take: 1000,
  });
  for (const { id } of stale) await sendFolderOperation(boss, id);
  return stale.length;
}

export async function scheduleFolderOperations(
  queue: JobQueue,
  deps: RunnerDeps,
  log: FastifyBaseLogger,
): Promise<void> {
  const { boss } = queue;
  await ensureFolderOperationsQueue(boss);
  // NOTIFY only wakes the worker for a new job; it still polls as often as it did without NOTIFY,
  // because after a job it waits for the next poll, and that is how a backlog drains.
  const polling = { pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 };
  await boss.work<{ operationId: string }>(FOLDER_OPERATIONS_QUEUE, polling, async ([job]) => {
    if (!job) return;
    const { operationId } = job.data;
    const state = await runFolderOperationSlice(deps, operationId, {
      maxMilliseconds: SLICE_MILLISECONDS,
    });
    if (state === 'more') await sendFolderOperation(boss, operationId);
    else log.info({ operationId, jobId: job.id }, 'folder operation finished');
  });
  await boss.createQueue(RECOVERY_QUEUE, { policy: 'exclusive' });
  await boss.schedule(RECOVERY_QUEUE, '*/5 * * * *');
  await boss.work(RECOVERY_QUEUE, async () => {
    const requeued = await requeueStaleFolderOperations(boss, deps);
    if (requeued > 0) log.warn({ requeued }, 'folder operations re-queued after losing their job');
  });
}
