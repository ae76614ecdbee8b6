// Schedules the quota usage measurement: ListObjectsV2 sums under every prefix a quota counts,
// replacing what completed uploads added incrementally since the last pass (deletions and files
// written by other tools show up here).
import type { FastifyBaseLogger } from 'fastify';
import { measureUsage, type MeasureDeps } from '../modules/quotas/quota-usage.service.js';
import { everyMinutes, type JobQueue } from './job-queue.js';

export const QUOTA_USAGE_QUEUE = 'quota-usage';

/** Once per occurrence across instances; `exclusive` keeps a slow pass from being joined by another. */
export async function scheduleQuotaUsage(
  queue: JobQueue,
  deps: MeasureDeps,
  intervalMinutes: number,
  log: FastifyBaseLogger,
): Promise<void> {
  await queue.boss.createQueue(QUOTA_USAGE_QUEUE, { policy: 'exclusive' });
  if (intervalMinutes === 0) await queue.boss.unschedule(QUOTA_USAGE_QUEUE);
  else await queue.boss.schedule(QUOTA_USAGE_QUEUE, everyMinutes(intervalMinutes));
  // Workers run even without a schedule: an operator may send a pass by hand.
  await queue.boss.work(QUOTA_USAGE_QUEUE, async ([job]) => {
    const report = await measureUsage({
      ...deps,
      onBucketError: (where, error) =>
        log.warn({ ...where, err: error }, 'quota usage: bucket not measured (last values kept)'),
    });
    log.info({ quotaUsage: report, jobId: job?.id }, 'quota usage measured');
  });
}
