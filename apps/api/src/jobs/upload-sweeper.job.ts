// Schedules the upload sweeper: abandoned multipart uploads are aborted so their parts stop
// costing storage. What it freed goes to the log and the audit log.
import type { FastifyBaseLogger } from 'fastify';
import { sweepStaleUploads, type SweeperDeps } from '../modules/uploads/upload-sweeper.service.js';
import { everyMinutes, type JobQueue } from './job-queue.js';

const QUEUE = 'upload-sweeper';

export async function scheduleUploadSweeper(
  queue: JobQueue,
  deps: SweeperDeps,
  intervalMinutes: number,
  log: FastifyBaseLogger,
): Promise<void> {
  await queue.boss.createQueue(QUEUE, { policy: 'exclusive' });
  if (intervalMinutes === 0) {
    await queue.boss.unschedule(QUEUE);
    return;
  }
  await queue.boss.schedule(QUEUE, everyMinutes(intervalMinutes));
  await queue.boss.work(QUEUE, async () => {
    const report = await sweepStaleUploads(deps);
    log.info({ sweep: report }, 'upload sweep finished');
  });
}
