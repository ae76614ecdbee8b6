// The end of a runner's pass: a finished job is marked completed (or failed) with an audit event
// carrying its counts; a paused one gives its lease back; a cancelled one drops what is in flight.
import type { MigrationJob } from '../../generated/prisma/client.js';
import { recordAudit } from '../audit/audit.service.js';
import { releaseInFlight } from './migration-items.repo.js';
import { appendLog, countsOf, notifyMigrationChanged } from './migrations.repo.js';
import { RUNNER_ID, type EngineDeps, type RunControl } from './migration-engine.js';

function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export async function finishMigration(
  deps: EngineDeps,
  job: MigrationJob,
  outcome: RunControl['state'] | 'failed',
  error: string | null,
): Promise<void> {
  const { db } = deps;
  const mine = { id: job.id, runnerId: RUNNER_ID };
  if (outcome === 'lost') return;
  if (outcome === 'released') {
    await releaseInFlight(db, job.id);
    await db.migrationJob.updateMany({ where: mine, data: { runnerId: null, heartbeatAt: null } });
    await appendLog(db, job.id, 'info', 'This worker stopped; another one takes the job over.');
    return;
  }
  if (outcome === 'paused' || outcome === 'cancelled') {
    if (outcome === 'cancelled') await releaseInFlight(db, job.id);
    await db.migrationJob.updateMany({
      where: mine,
      data: { runnerId: null, heartbeatAt: null, speedBytesPerSecond: 0, updatedAt: new Date() },
    });
    await appendLog(
      db,
      job.id,
      'info',
      outcome === 'paused'
        ? 'Paused: objects in flight finished.'
        : 'Cancelled: copies in flight were stopped and their multipart uploads aborted.',
    );
    await notifyMigrationChanged(db, job.id);
    return;
  }
  const counts = await countsOf(db, job.id);
  const failed = outcome === 'failed' || error !== null;
  const finishedAt = new Date();
  const { count } = await db.migrationJob.updateMany({
    where: { ...mine, state: 'running' },
    data: {
      state: failed ? 'failed' : 'completed',
      error,
      finishedAt,
      runnerId: null,
      heartbeatAt: null,
      speedBytesPerSecond: 0,
      updatedAt: finishedAt,
    },
  });
  if (count === 0) return;
  const summary = job.dryRun
    ? `Dry run finished: would copy ${counts.pending.objects} object(s) (${formatBytes(counts.pending.bytes)}), ${counts.skipped.objects} already at the destination.`
    : `Finished: ${counts.copied.objects} copied (${formatBytes(counts.copied.bytes)}), ${counts.skipped.objects} skipped, ${counts.failed.objects} failed.`;
  await appendLog(db, job.id, failed ? 'error' : 'info', failed ? `Failed: ${error}` : summary);
  await recordAudit(db, {
    action: 'migration.finish',
    outcome: failed ? 'failure' : 'success',
    actorId: job.createdById,
    actorEmail: job.createdByEmail,
    targetType: 'migration',
    targetId: job.id,
    details: {
      dryRun: job.dryRun,
      copiedObjects: counts.copied.objects,
      copiedBytes: counts.copied.bytes,
      skippedObjects: counts.skipped.objects,
      failedObjects: counts.failed.objects,
      plannedObjects: job.dryRun ? counts.pending.objects : 0,
      ...(error ? { error: error.slice(0, 300) } : {}),
    },
  });
  await notifyMigrationChanged(db, job.id);
}
