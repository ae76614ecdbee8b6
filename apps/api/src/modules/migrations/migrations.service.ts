// Migration jobs for admins: define (validated: reachable, permitted, not overlapping), list, read,
// and steer (pause, resume, cancel, retry failed items, re-run as an incremental sync). The engine
// in jobs/ picks running jobs up; every change is audited and announced to live viewers.
import { AbortMultipartUploadCommand } from '@aws-sdk/client-s3';
import {
  CreateMigrationRequest,
  ErrorCode,
  MigrationOptions,
  type MigrationItemPage,
  type MigrationItemState,
  type MigrationPolicies,
  type MigrationValidation,
  type MigrationView,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import type { MigrationJob } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/app-error.js';
import { recordActorEvent, type AuditContext } from '../audit/audit.service.js';
import { s3ClientFor, type S3ClientDeps } from '../connections/s3-client.js';
import { assertNoOverlap, checkLocations, explainChecks } from './migration-checks.js';
import { steerLocalRun } from './migration-engine.js';
import { failedBackToPending, itemsInFlight, releaseInFlight } from './migration-items.repo.js';
import { normalizeMigrationPrefix, type Location } from './migration-locations.js';
import { migrationPolicies } from './migration-policies.js';
import {
  appendLog,
  migrationViews,
  notifyMigrationChanged,
  notifyMigrationWaiting,
  toItemView,
} from './migrations.repo.js';

export interface MigrationsDeps extends S3ClientDeps {
  db: Db;
  clock: () => Date;
  /** A runner silent this long has died (the engine's lease). */
  leaseSeconds: number;
}

export interface MigrationActor extends AuditContext {
  userId: string;
  email: string;
}

type Definition = ReturnType<typeof CreateMigrationRequest.parse>;

async function resolveDefinition(deps: MigrationsDeps, body: Definition) {
  const source: Location = { ...body.source, prefix: normalizeMigrationPrefix(body.source.prefix) };
  const destination: Location = {
    ...body.destination,
    prefix: normalizeMigrationPrefix(body.destination.prefix),
  };
  const [sourceConnection, destConnection] = await Promise.all(
    [source.connectionId, destination.connectionId].map((id) =>
      deps.db.s3Connection.findUnique({ where: { id } }),
    ),
  );
  if (!sourceConnection || !destConnection)
    throw new AppError(
      ErrorCode.CONNECTION_NOT_FOUND,
      `No connection with id ${sourceConnection ? destination.connectionId : source.connectionId}.`,
    );
  const connections = { source: sourceConnection, destination: destConnection };
  assertNoOverlap(source, destination, connections);
  return { source, destination, connections };
}

export async function validateMigration(
  deps: MigrationsDeps,
  body: Definition,
): Promise<MigrationValidation> {
  const { source, destination, connections } = await resolveDefinition(deps, body);
  return checkLocations(deps, [
    { side: 'source', connection: connections.source, location: source },
    { side: 'destination', connection: connections.destination, location: destination },
  ]);
}

export async function policiesFor(
  deps: MigrationsDeps,
  body: Definition,
): Promise<MigrationPolicies> {
  const { source, destination, connections } = await resolveDefinition(deps, body);
  return migrationPolicies(source, destination, connections, body.options);
}

async function viewOf(deps: MigrationsDeps, job: MigrationJob): Promise<MigrationView> {
  const [view] = await migrationViews(deps.db, [job], deps.clock());
  return view!;
}

async function findJob(db: Db, id: string): Promise<MigrationJob> {
  const job = await db.migrationJob.findUnique({ where: { id } });
  if (!job) throw new AppError(ErrorCode.MIGRATION_NOT_FOUND, 'No migration job with this id.');
  return job;
}

function auditDetails(
  job: Pick<MigrationJob, 'sourceBucket' | 'sourcePrefix' | 'destBucket' | 'destPrefix' | 'dryRun'>,
) {
  return {
    source: `s3://${job.sourceBucket}/${job.sourcePrefix}`,
    destination: `s3://${job.destBucket}/${job.destPrefix}`,
    dryRun: job.dryRun,
  };
}

export async function createMigration(
  deps: MigrationsDeps,
  actor: MigrationActor,
  body: Definition,
  rerunOf: string | null = null,
): Promise<MigrationView> {
  const { source, destination, connections } = await resolveDefinition(deps, body);
  const validation = await checkLocations(deps, [
    { side: 'source', connection: connections.source, location: source },
    { side: 'destination', connection: connections.destination, location: destination },
  ]);
  if (!validation.ok)
    throw new AppError(ErrorCode.MIGRATION_LOCATION_UNAVAILABLE, explainChecks(validation));
  const job = await deps.db.migrationJob.create({
    data: {
      state: 'running',
      sourceConnectionId: source.connectionId,
      sourceBucket: source.bucket,
      sourcePrefix: source.prefix,
      destConnectionId: destination.connectionId,
      destBucket: destination.bucket,
      destPrefix: destination.prefix,
      options: body.options,
      dryRun: body.options.dryRun,
      createdById: actor.userId,
      createdByEmail: actor.email,
      rerunOfId: rerunOf,
    },
  });
  await appendLog(
    deps.db,
    job.id,
    'info',
    `${rerunOf ? 'Re-run (incremental sync)' : body.options.dryRun ? 'Dry run' : 'Job'} created by ${actor.email}; waiting for a worker.`,
  );
  await recordActorEvent(deps.db, actor, {
    action: 'migration.create',
    targetType: 'migration',
    targetId: job.id,
    details: { ...auditDetails(job), ...(rerunOf ? { rerunOf } : {}) },
  });
  await recordActorEvent(deps.db, actor, {
    action: 'migration.start',
    targetType: 'migration',
    targetId: job.id,
    details: auditDetails(job),
  });
  await notifyMigrationWaiting(deps.db, job.id);
  return viewOf(deps, job);
}

export async function listMigrations(deps: MigrationsDeps): Promise<MigrationView[]> {
  const jobs = await deps.db.migrationJob.findMany({ orderBy: { createdAt: 'desc' }, take: 100 });
  return migrationViews(deps.db, jobs, deps.clock());
}

export async function getMigration(deps: MigrationsDeps, id: string): Promise<MigrationView> {
  return viewOf(deps, await findJob(deps.db, id));
}

/** Moves the job from one of `from` to `to` (or 409 saying why not), audited and announced. */
async function transition(
  deps: MigrationsDeps,
  actor: MigrationActor,
  id: string,
  from: MigrationJob['state'][],
  to: MigrationJob['state'],
  action: string,
  extra: Partial<Pick<MigrationJob, 'finishedAt' | 'error' | 'runnerId' | 'heartbeatAt'>> = {},
): Promise<MigrationJob> {
  const job = await findJob(deps.db, id);
  const { count } = await deps.db.migrationJob.updateMany({
    where: { id, state: { in: from } },
    data: { state: to, updatedAt: deps.clock(), ...extra },
  });
  if (count === 0)
    throw new AppError(
      ErrorCode.MIGRATION_STATE,
      `The job is ${job.state}; this needs it to be ${from.join(' or ')}.`,
    );
  await recordActorEvent(deps.db, actor, {
    action,
    targetType: 'migration',
    targetId: id,
    details: auditDetails(job),
  });
  return findJob(deps.db, id);
}

export async function pauseMigration(deps: MigrationsDeps, actor: MigrationActor, id: string) {
  const job = await transition(deps, actor, id, ['running'], 'paused', 'migration.pause');
  steerLocalRun(id, 'paused');
  await appendLog(deps.db, id, 'info', `Pause requested by ${actor.email}.`);
  await notifyMigrationChanged(deps.db, id);
  return viewOf(deps, job);
}

export async function resumeMigration(deps: MigrationsDeps, actor: MigrationActor, id: string) {
  // A runner still finishing its pause keeps its lease and picks the job straight up again.
  const job = await transition(deps, actor, id, ['paused'], 'running', 'migration.resume');
  await appendLog(deps.db, id, 'info', `Resumed by ${actor.email}.`);
  await notifyMigrationChanged(deps.db, id);
  await notifyMigrationWaiting(deps.db, id);
  return viewOf(deps, job);
}

export async function cancelMigration(deps: MigrationsDeps, actor: MigrationActor, id: string) {
  const job = await transition(
    deps,
    actor,
    id,
    ['queued', 'running', 'paused'],
    'cancelled',
    'migration.cancel',
    { finishedAt: deps.clock() },
  );
  steerLocalRun(id, 'cancelled');
  await appendLog(deps.db, id, 'info', `Cancel requested by ${actor.email}.`);
  const alive =
    job.runnerId &&
    job.heartbeatAt &&
    deps.clock().getTime() - job.heartbeatAt.getTime() < deps.leaseSeconds * 1000;
  // No live runner will see the cancel: abort what a dead one left open ourselves.
  if (!alive) await abortLeftovers(deps, job);
  await notifyMigrationChanged(deps.db, id);
  return viewOf(deps, job);
}

async function abortLeftovers(deps: MigrationsDeps, job: MigrationJob): Promise<void> {
  const open = (await itemsInFlight(deps.db, job.id)).filter((item) => item.uploadId);
  if (open.length > 0) {
    const connection = await deps.db.s3Connection.findUnique({
      where: { id: job.destConnectionId },
    });
    if (connection) {
      const client = s3ClientFor(connection, deps);
      for (const item of open)
        await client
          .send(
            new AbortMultipartUploadCommand({
              Bucket: job.destBucket,
              Key: job.destPrefix + item.key.slice(job.sourcePrefix.length),
              UploadId: item.uploadId!,
            }),
          )
          .catch(() => undefined);
    }
  }
  await releaseInFlight(deps.db, job.id);
}

export async function retryFailed(deps: MigrationsDeps, actor: MigrationActor, id: string) {
  const job = await findJob(deps.db, id);
  if (!['completed', 'failed', 'cancelled', 'paused'].includes(job.state))
    throw new AppError(
      ErrorCode.MIGRATION_STATE,
      `The job is ${job.state}; retry once it has stopped.`,
    );
  const count = await failedBackToPending(deps.db, id);
  const updated = await transition(deps, actor, id, [job.state], 'running', 'migration.retry', {
    finishedAt: null,
    error: null,
  });
  await appendLog(deps.db, id, 'info', `${actor.email} retries ${count} failed object(s).`);
  await notifyMigrationChanged(deps.db, id);
  await notifyMigrationWaiting(deps.db, id);
  return viewOf(deps, updated);
}

/** A new job with the same definition: only objects new or changed since are copied. */
export async function rerunMigration(deps: MigrationsDeps, actor: MigrationActor, id: string) {
  const job = await findJob(deps.db, id);
  if (['running', 'queued'].includes(job.state))
    throw new AppError(
      ErrorCode.MIGRATION_STATE,
      'The job is still running; re-run it once it has stopped.',
    );
  const options = MigrationOptions.parse(job.options);
  return createMigration(
    deps,
    actor,
    CreateMigrationRequest.parse({
      source: {
        connectionId: job.sourceConnectionId,
        bucket: job.sourceBucket,
        prefix: job.sourcePrefix,
      },
      destination: {
        connectionId: job.destConnectionId,
        bucket: job.destBucket,
        prefix: job.destPrefix,
      },
      options: {
        ...options,
        skipIdentical: true,
        overwrite: options.overwrite === 'always' ? 'if_different' : options.overwrite,
      },
    }),
    id,
  );
}

export async function migrationItems(
  deps: MigrationsDeps,
  id: string,
  query: { state?: MigrationItemState; cursor?: string; limit: number },
): Promise<MigrationItemPage> {
  await findJob(deps.db, id);
  const after = query.cursor && /^\d{1,19}$/.test(query.cursor) ? BigInt(query.cursor) : null;
  const rows = await deps.db.migrationItem.findMany({
    where: {
      jobId: id,
      ...(query.state ? { state: query.state } : {}),
      ...(after !== null ? { id: { gt: after } } : {}),
    },
    orderBy: { id: 'asc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toItemView),
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}
