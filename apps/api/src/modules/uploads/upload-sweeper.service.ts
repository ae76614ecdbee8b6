// Frees storage held by abandoned multipart uploads: our unfinished uploads idle past the limit,
// and orphans (multipart uploads S3 holds in the connection's buckets that no live upload of
// ours owns, e.g. left by a crashed tool). Reports what it aborted and the bytes it freed.
import { ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SweepReport } from '@s3am/contracts';
import type { Db, S3Connection } from '../../db/prisma.js';
import { recordAudit } from '../audit/audit.service.js';
import { classifyS3Error, isS3Error } from '../connections/connection-errors.js';
import { s3ClientFor, type S3ClientDeps } from '../connections/s3-client.js';
import { abortMultipartUpload, listAllParts, type MultipartRef } from './s3-parts.js';

export interface SweeperDeps extends S3ClientDeps {
  db: Db;
  clock: () => Date;
  staleAfterHours: number;
}

/** Aborts one multipart upload; returns the bytes its parts held (0 when it was already gone). */
async function abortAndMeasure(client: S3Client, upload: MultipartRef): Promise<number> {
  const parts = await listAllParts(client, upload).catch((error: unknown) => {
    if (isS3Error(error, 'NoSuchUpload')) return null;
    throw error;
  });
  if (parts === null) return 0;
  await abortMultipartUpload(client, upload);
  return parts.reduce((sum, part) => sum + part.size, 0);
}

async function bucketsOf(db: Db, connection: S3Connection): Promise<string[]> {
  const granted = await db.grant.findMany({
    where: { connectionId: connection.id },
    select: { bucket: true },
    distinct: ['bucket'],
  });
  return [...new Set([...connection.buckets, ...granted.map((g) => g.bucket)])];
}

async function* multipartUploadsIn(client: S3Client, bucket: string) {
  let keyMarker: string | undefined;
  let uploadIdMarker: string | undefined;
  do {
    const page = await client.send(
      new ListMultipartUploadsCommand({
        Bucket: bucket,
        KeyMarker: keyMarker,
        UploadIdMarker: uploadIdMarker,
      }),
    );
    yield* page.Uploads ?? [];
    const more = page.IsTruncated === true;
    keyMarker = more ? page.NextKeyMarker : undefined;
    uploadIdMarker = more ? page.NextUploadIdMarker : undefined;
  } while (keyMarker);
}

/** One sweep. `connectionIds` limits it to some connections (all by default). */
export async function sweepStaleUploads(
  deps: SweeperDeps,
  options: { connectionIds?: string[] } = {},
): Promise<SweepReport> {
  const now = deps.clock();
  const cutoff = new Date(now.getTime() - deps.staleAfterHours * 3600 * 1000);
  const report: SweepReport = { abortedTracked: 0, abortedOrphans: 0, freedBytes: 0, errors: [] };
  const connections = await deps.db.s3Connection.findMany({
    where: options.connectionIds ? { id: { in: options.connectionIds } } : {},
  });
  for (const connection of connections) {
    let client: S3Client;
    try {
      client = s3ClientFor(connection, deps);
    } catch {
      // One broken connection (e.g. a secret sealed under a retired master key) must not stop the sweep.
      report.errors.push(
        `${connection.name}: its credentials cannot be opened with the current master keys`,
      );
      continue;
    }
    const fail = (what: string, error: unknown) =>
      report.errors.push(`${connection.name}: ${what}: ${classifyS3Error(error).message}`);
    const stale = await deps.db.upload.findMany({
      where: {
        connectionId: connection.id,
        state: 'in_progress',
        lastActivityAt: { lt: cutoff },
      },
    });
    for (const upload of stale) {
      try {
        if (upload.s3UploadId) report.freedBytes += await abortAndMeasure(client, upload);
        await deps.db.upload.update({
          where: { id: upload.id },
          data: {
            state: 'aborted',
            error: `Idle for more than ${deps.staleAfterHours} hours: aborted to free storage.`,
          },
        });
        report.abortedTracked += 1;
      } catch (error) {
        fail(`${upload.bucket}/${upload.key}`, error);
      }
    }
    // Live uploads of ours are never orphans, however old S3 says they are.
    const live = new Set(
      (
        await deps.db.upload.findMany({
          where: { connectionId: connection.id, state: 'in_progress' },
          select: { s3UploadId: true },
        })
      ).map((u) => u.s3UploadId),
    );
    for (const bucket of await bucketsOf(deps.db, connection)) {
      try {
        for await (const upload of multipartUploadsIn(client, bucket)) {
          if (!upload.UploadId || !upload.Key || live.has(upload.UploadId)) continue;
          if (!upload.Initiated || upload.Initiated >= cutoff) continue;
          report.freedBytes += await abortAndMeasure(client, {
            bucket,
            key: upload.Key,
            s3UploadId: upload.UploadId,
          });
          report.abortedOrphans += 1;
        }
      } catch (error) {
        fail(bucket, error);
      }
    }
  }
  if (report.abortedTracked + report.abortedOrphans > 0 || report.errors.length > 0)
    await recordAudit(deps.db, {
      at: now,
      action: 'upload.sweep',
      outcome: report.errors.length > 0 ? 'failure' : 'success',
      targetType: 'system',
      details: {
        abortedTracked: report.abortedTracked,
        abortedOrphans: report.abortedOrphans,
        freedBytes: report.freedBytes,
        errors: report.errors.length,
      },
    });
  return report;
}
