// Schedules the upload sweeper: abandoned multipart uploads are aborted so their parts stop
// costing storage. What it freed goes to the log and the audit log.
import type { FastifyBaseLogger } from 'fastify';
import { sweepStaleUploads, type SweeperDeps } from '../modules/uploads/upload-sweeper.service.js';
import { everyMinutes, type JobQueue } from './job-queue.js';

export const UPLOAD_SWEEPER_QUEUE = 'upload-sweeper';

/**
 * Every process that runs the queue calls this; the sweep still runs once per occurrence: the
 * schedule is one row (upserted), pg-boss files each occurrence once across instances (one cron
 * pass at a time, a singleton key per minute slot), and the `exclusive` policy keeps at most one
 * sweep queued or running, so a slow sweep is never joined by a second one.
 */
export async function scheduleUploadSweeper(
  queue: JobQueue,
  deps: SweeperDeps,
  intervalMinutes: number,
  log: FastifyBaseLogger,
): Promise<void> {
  await queue.boss.createQueue(UPLOAD_SWEEPER_QUEUE, { policy: 'exclusive' });
  if (intervalMinutes === 0) {
    await queue.boss.unschedule(UPLOAD_SWEEPER_QUEUE);
    return;
  }
  await queue.boss.schedule(UPLOAD_SWEEPER_QUEUE, everyMinutes(intervalMinutes));
  await queue.boss.work(UPLOAD_SWEEPER_QUEUE, async ([job]) => {
    const report = await sweepStaleUploads(deps);
    log.info({ sweep: report, jobId: job?.id }, 'upload sweep finished');
  });
}
