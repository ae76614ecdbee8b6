// Hands a (listed) migration job to S3 Batch Operations: writes the manifest of the objects still
// to copy into the destination bucket with the destination credentials, and returns the CreateJob
// request for the admin to run (the job's own listing, e.g. a dry run, supplies the objects).
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ErrorCode, MigrationOptions, type BatchOperationsPlan } from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import { recordActorEvent } from '../audit/audit.service.js';
import { s3ClientFor } from '../connections/s3-client.js';
import { batchManifestCsv, createJobRequest } from './batch-operations.js';
import type { MigrationActor, MigrationsDeps } from './migrations.service.js';

export async function planBatchOperations(
  deps: MigrationsDeps,
  actor: MigrationActor,
  id: string,
  input: { roleArn: string; accountId: string },
): Promise<BatchOperationsPlan> {
  const job = await deps.db.migrationJob.findUnique({ where: { id } });
  if (!job) throw new AppError(ErrorCode.MIGRATION_NOT_FOUND, 'No migration job with this id.');
  if (!job.listingDone)
    throw new AppError(
      ErrorCode.MIGRATION_STATE,
      'The source is not listed yet: run a dry run first.',
    );
  const items = await deps.db.migrationItem.findMany({
    where: { jobId: id, state: { in: ['pending', 'failed'] } },
    orderBy: { id: 'asc' },
    select: { key: true },
  });
  const connection = await deps.db.s3Connection.findUnique({ where: { id: job.destConnectionId } });
  if (!connection)
    throw new AppError(ErrorCode.CONNECTION_NOT_FOUND, 'The destination connection was deleted.');
  const base = `s3am-batch-operations/${job.id}`;
  const manifestKey = `${base}/manifest.csv`;
  const written = await s3ClientFor(connection, deps).send(
    new PutObjectCommand({
      Bucket: job.destBucket,
      Key: manifestKey,
      Body: batchManifestCsv(
        job.sourceBucket,
        items.map((item) => item.key),
      ),
      ContentType: 'text/csv',
    }),
  );
  const manifest = {
    bucket: job.destBucket,
    key: manifestKey,
    etag: (written.ETag ?? '').replace(/"/g, ''),
  };
  await recordActorEvent(deps.db, actor, {
    action: 'migration.batch_operations',
    targetType: 'migration',
    targetId: id,
    details: { objects: items.length, manifest: `s3://${manifest.bucket}/${manifest.key}` },
  });
  return {
    objects: items.length,
    manifest,
    reportPrefix: `${base}/report`,
    createJobRequest: createJobRequest({
      jobId: job.id,
      accountId: input.accountId,
      roleArn: input.roleArn,
      manifest,
      destination: { bucket: job.destBucket, prefix: job.destPrefix },
      reportPrefix: `${base}/report`,
      options: MigrationOptions.parse(job.options),
    }),
  };
}
