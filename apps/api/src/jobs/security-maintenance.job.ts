// Every minute, once across all instances: retries the security notifications that are due (with
// the outbox's backoff) and prunes detector events older than any rule window can reach.
import type { FastifyBaseLogger } from 'fastify';
import { retryDueDeliveries } from '../modules/security/notifications/notification-outbox.js';
import type { SenderDeps } from '../modules/security/notifications/notification-senders.js';
import { pruneEvents } from '../modules/security/security-events.repo.js';
import { type JobQueue } from './job-queue.js';

export const SECURITY_MAINTENANCE_QUEUE = 'security-maintenance';

/** Longer than the longest window a rule may use (7 days). */
export const SECURITY_EVENT_RETENTION_MS = 8 * 24 * 3_600_000;

export async function runSecurityMaintenance(
  deps: SenderDeps,
): Promise<{ retried: number; pruned: number }> {
  const retried = await retryDueDeliveries(deps);
  const pruned = await pruneEvents(
    deps.db,
    new Date(deps.clock().getTime() - SECURITY_EVENT_RETENTION_MS),
  );
  return { retried, pruned };
}

export async function scheduleSecurityMaintenance(
  queue: JobQueue,
  deps: SenderDeps,
  log: FastifyBaseLogger,
): Promise<void> {
  await queue.boss.createQueue(SECURITY_MAINTENANCE_QUEUE, { policy: 'exclusive' });
  await queue.boss.schedule(SECURITY_MAINTENANCE_QUEUE, '* * * * *');
  await queue.boss.work(SECURITY_MAINTENANCE_QUEUE, async ([job]) => {
    const report = await runSecurityMaintenance(deps);
    if (report.retried > 0 || report.pruned > 0)
      log.info({ security: report, jobId: job?.id }, 'security maintenance finished');
  });
}
