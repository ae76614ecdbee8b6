// Runs one migration job in this process: takes the job's lease (one runner at a time across all
// processes; a runner that stops heart-beating loses it), hands back what a dead runner left in
// flight, lists the source ahead of the copies, copies with bounded concurrency, records every
// outcome, and finishes the job. Pause, cancel and lost leases are seen within a second.
import { setTimeout as sleep } from 'node:timers/promises';
import { AbortMultipartUploadCommand } from '@aws-sdk/client-s3';
import { MigrationOptions } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { s3ClientFor } from '../connections/s3-client.js';
import { activeRuns, RUNNER_ID, type EngineDeps, type RunControl } from './migration-engine.js';
import { describeCopyFailure, type CopyFailure } from './migration-failures.js';
import { listNextPage, type ListingContext } from './migration-listing.js';
import { destinationKey } from './migration-locations.js';
import { BandwidthCap, JobThrottle, SpeedMeter, backoffMs } from './migration-pacing.js';
import { releaseInFlight, itemsInFlight } from './migration-items.repo.js';
import { appendLog, notifyMigrationChanged } from './migrations.repo.js';
import { CopyPool } from './migration-copy-pool.js';
import { startHeartbeat } from './migration-heartbeat.js';
import { finishMigration } from './migration-finish.js';
import type { CopySettings } from './migration-copy.js';
import { chooseCopyMode } from './migration-copy-mode.js';

async function claimLease(db: Db, jobId: string, leaseSeconds: number) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE migration_jobs SET runner_id = ${RUNNER_ID}, heartbeat_at = now(), updated_at = now(),
      started_at = COALESCE(started_at, now())
    WHERE id = ${jobId}::uuid AND state = 'running'
      AND (runner_id IS NULL OR runner_id LIKE 'dispatched:%'
           OR heartbeat_at < now() - make_interval(secs => ${leaseSeconds}))
    RETURNING id`;
  return rows.length === 1 ? db.migrationJob.findUnique({ where: { id: jobId } }) : null;
}

/** Aborts the multipart uploads a dead runner left and returns its items to pending. */
async function recoverInFlight(deps: EngineDeps, jobId: string, settings: CopySettings) {
  const left = await itemsInFlight(deps.db, jobId);
  if (left.length === 0) return;
  for (const item of left.filter((row) => row.uploadId)) {
    await settings.destination.client
      .send(
        new AbortMultipartUploadCommand({
          Bucket: settings.destination.bucket,
          Key: item.key,
          UploadId: item.uploadId!,
        }),
      )
      .catch(() => undefined);
  }
  await releaseInFlight(deps.db, jobId);
  await appendLog(
    deps.db,
    jobId,
    'warn',
    `Resumed after a worker stopped: ${left.length} object(s) in flight are checked at the destination before any rewrite.`,
  );
}

/** The job's pg-boss handler body: runs the job if no other process does. */
export async function runMigration(deps: EngineDeps, jobId: string): Promise<void> {
  // One runner per job per process: they would share the runner id, so the lease can't tell them
  // apart (and the second would hand the first one's objects in flight back to pending).
  if ([...activeRuns].some((run) => run.jobId === jobId && run.state === 'running')) return;
  const job = await claimLease(deps.db, jobId, deps.settings.leaseSeconds);
  if (!job) return;
  const { db } = deps;
  const [sourceConnection, destConnection] = await Promise.all([
    db.s3Connection.findUnique({ where: { id: job.sourceConnectionId } }),
    db.s3Connection.findUnique({ where: { id: job.destConnectionId } }),
  ]);
  if (!sourceConnection || !destConnection) {
    await finishMigration(deps, job, 'failed', 'A connection of this job was deleted.');
    return;
  }
  const options = MigrationOptions.parse(job.options);
  const sourceClient = s3ClientFor(sourceConnection, deps);
  const destClient = s3ClientFor(destConnection, deps);
  const { mode, fallbackToStream } = chooseCopyMode(sourceConnection, destConnection, job.copyMode);
  const control: RunControl = { jobId, state: 'running', abort: new AbortController() };
  activeRuns.add(control);
  const throttle = new JobThrottle();
  const speed = new SpeedMeter();
  const stopHeartbeat = startHeartbeat(deps, jobId, control, () => ({
    throttledUntil: throttle.until,
    speed: speed.bytesPerSecond(),
  }));
  const pool = new CopyPool({
    deps,
    jobId,
    mode,
    fallbackToStream,
    options,
    control,
    throttle,
    speed,
    copy: {
      source: { client: sourceClient, bucket: job.sourceBucket },
      destination: { client: destClient, bucket: job.destBucket },
      options,
      multipartThreshold: deps.settings.multipartThreshold,
      partSize: deps.settings.partSize,
      partConcurrency: 4,
      bandwidth: new BandwidthCap(
        options.bandwidthMiBps ? options.bandwidthMiBps * 1024 * 1024 : null,
      ),
      onUploadId: async () => undefined,
    },
    destinationKeyOf: (key) =>
      destinationKey(
        key,
        {
          connectionId: job.sourceConnectionId,
          bucket: job.sourceBucket,
          prefix: job.sourcePrefix,
        },
        { connectionId: job.destConnectionId, bucket: job.destBucket, prefix: job.destPrefix },
      ),
  });
  try {
    if (job.heartbeatAt && !job.startedAt) await appendLog(db, jobId, 'info', 'Started.');
    await recoverInFlight(deps, jobId, pool.settingsFor(null));
    await db.migrationJob.update({ where: { id: jobId }, data: { copyMode: mode } });
    await notifyMigrationChanged(db, jobId);
    const listing = job.listingDone
      ? Promise.resolve()
      : listAll(
          deps,
          {
            db,
            jobId,
            source: {
              connectionId: job.sourceConnectionId,
              bucket: job.sourceBucket,
              prefix: job.sourcePrefix,
              client: sourceClient,
            },
            destination: {
              connectionId: job.destConnectionId,
              bucket: job.destBucket,
              prefix: job.destPrefix,
              client: destClient,
            },
            options,
          },
          job.listingAfter,
          control,
          pool,
        );
    const copying = options.dryRun ? Promise.resolve() : pool.run();
    const listingResult = await listing.then(
      () => null,
      (error: unknown) => describeCopyFailure(error, 'ListObjectsV2 at the source'),
    );
    pool.listingFinished();
    if (listingResult) control.abort.abort();
    await copying;
    await stopHeartbeat();
    await finishMigration(deps, job, control.state, listingResult?.reason ?? null);
  } catch (error) {
    await stopHeartbeat();
    deps.log.error({ err: error, migrationId: jobId }, 'migration runner failed');
    // Release the lease: another pass (here or in another process) picks the job up again.
    await db.migrationJob.updateMany({
      where: { id: jobId, runnerId: RUNNER_ID },
      data: { runnerId: null, heartbeatAt: null },
    });
  } finally {
    activeRuns.delete(control);
  }
}

/** Lists page after page (each a checkpoint), retrying transient failures with backoff. */
async function listAll(
  deps: EngineDeps,
  context: ListingContext,
  startAfter: string | null,
  control: RunControl,
  pool: CopyPool,
): Promise<void> {
  let after = startAfter;
  let failures = 0;
  let listed = 0;
  while (control.state === 'running') {
    await pool.waitForRoom(control.abort.signal);
    let page;
    try {
      page = await listNextPage(context, after, control.abort.signal);
      failures = 0;
    } catch (error) {
      const failure: CopyFailure = describeCopyFailure(error, 'ListObjectsV2');
      failures += 1;
      if (
        failure.kind === 'permanent' ||
        failures >= deps.settings.maxAttempts ||
        control.state !== 'running'
      )
        throw error;
      await sleep(backoffMs(failures, 500), undefined, { signal: control.abort.signal }).catch(
        () => undefined,
      );
      continue;
    }
    listed += page.listed;
    after = page.lastKey;
    pool.listed(page.pending);
    await notifyMigrationChanged(deps.db, context.jobId);
    if (page.done) {
      await appendLog(
        deps.db,
        context.jobId,
        'info',
        `Listing finished: ${listed} object(s) found in this pass.`,
      );
      return;
    }
  }
}
