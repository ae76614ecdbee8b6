// Completing an upload: the named parts are checked against the record and what S3 holds before
// S3 assembles them, the stored object is checked again, tags applied, and the event audited.
import {
  CompleteMultipartUploadCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { ErrorCode, type UploadView } from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import { partRange } from '../../lib/part-size.js';
import { isS3Error } from '../connections/connection-errors.js';
import type { Caller } from '../grants/permissions.service.js';
import { quotaGuard, type QuotaGuard } from '../quotas/quota-guard.js';
import {
  activeUploadAt,
  audit,
  failIfGone,
  view,
  withS3,
  type UploadsDeps,
} from './upload-access.js';
import type { Upload } from './upload-records.js';
import { listAllParts, type HeldPart } from './s3-parts.js';

/**
 * Checks the parts against the record and what S3 holds, before asking S3 to assemble them.
 * Uploads whose client planned the parts (partCount 0) are checked against the size limit instead.
 */
function verifyParts(
  row: Upload,
  sent: { partNumber: number; etag: string }[],
  held: HeldPart[],
  maxSize: number,
) {
  const fail = (detail: string) => {
    throw new AppError(ErrorCode.UPLOAD_PARTS_INVALID, detail);
  };
  const clientPlanned = row.partCount === 0;
  if (!clientPlanned && sent.length !== row.partCount)
    fail(`This upload has ${row.partCount} part(s); ${sent.length} were named.`);
  sent.forEach((part, index) => {
    if (part.partNumber !== index + 1) fail('Name every part once, in ascending order from 1.');
  });
  const byNumber = new Map(held.map((part) => [part.partNumber, part]));
  const size = Number(row.size);
  const plan = { partSize: Number(row.partSize), partCount: row.partCount };
  for (const part of sent) {
    const stored = byNumber.get(part.partNumber);
    if (!stored) fail(`Part ${part.partNumber} was never uploaded.`);
    const normalize = (etag: string) => etag.replace(/"/g, '');
    if (normalize(stored!.etag) !== normalize(part.etag))
      fail(`Part ${part.partNumber}'s ETag does not match what the storage holds.`);
    if (clientPlanned) continue;
    const [start, end] = partRange(plan, size, part.partNumber);
    const expected = end - start;
    if (stored!.size !== expected)
      fail(`Part ${part.partNumber} holds ${stored!.size} bytes; ${expected} were expected.`);
  }
  const total = sent.reduce((sum, part) => sum + (byNumber.get(part.partNumber)?.size ?? 0), 0);
  if (clientPlanned && total > maxSize)
    throw new AppError(
      ErrorCode.UPLOAD_TOO_LARGE,
      `The file is larger than the ${maxSize.toLocaleString('en')} bytes allowed.`,
    );
}

/** Why the stored object is not the one this upload was allowed to write, if it is not. */
function storedMismatch(
  row: Upload,
  head: { ContentLength?: number | undefined; ContentType?: string | undefined },
): string | null {
  if (row.partCount > 0 && head.ContentLength !== Number(row.size))
    return `The stored object has ${head.ContentLength} bytes; ${row.size} were expected.`;
  // Multipart objects take their type from the create call (ours); a single PUT sends its own.
  if (row.mode === 'single' && head.ContentType !== row.contentType)
    return `The stored object's type is ${head.ContentType ?? 'missing'}; ${row.contentType} was expected.`;
  return null;
}

/** Marks the upload failed, audits why, and answers with the reason. */
async function rejectUpload(
  deps: UploadsDeps,
  caller: Caller,
  row: Upload,
  reason: string,
  code: ErrorCode = ErrorCode.UPLOAD_PARTS_INVALID,
): Promise<never> {
  await deps.db.upload.update({
    where: { id: row.id },
    data: { state: 'failed', error: reason, lastActivityAt: deps.clock() },
  });
  await audit(deps, caller, 'upload.rejected', row, { reason, removed: 'yes' });
  throw new AppError(code, `${reason} The object was removed.`);
}

export async function completeUpload(
  deps: UploadsDeps,
  caller: Caller,
  id: string,
  parts: { partNumber: number; etag: string }[],
  /** A batch passes its own, so its files count each other. */
  quotaOf?: QuotaGuard,
): Promise<UploadView> {
  const { row, connection } = await activeUploadAt(deps, caller, id);
  const quota = quotaOf ?? (await quotaGuard(deps, row.ownerId, 'complete'));
  const stored = await withS3(deps, connection, async (client) => {
    if (row.mode === 'multipart') {
      const held = await listAllParts(client, row).catch((e: unknown) => failIfGone(deps, row, e));
      verifyParts(row, parts, held, deps.limits.maxSize);
      // Refused before S3 assembles anything: the parts stay, to complete once there is room.
      const sizes = new Map(held.map((part) => [part.partNumber, part.size]));
      await quota.admit({
        ...row,
        size: parts.reduce((sum, part) => sum + (sizes.get(part.partNumber) ?? 0), 0),
      });
      await client
        .send(
          new CompleteMultipartUploadCommand({
            Bucket: row.bucket,
            Key: row.key,
            UploadId: row.s3UploadId ?? '',
            MultipartUpload: {
              Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
            },
            // Only an upload allowed to overwrite may replace what appeared at the key meanwhile.
            ...(row.onExisting === 'overwrite' ? {} : { IfNoneMatch: '*' }),
          }),
        )
        .catch((error: unknown) => {
          if (isS3Error(error, 'PreconditionFailed'))
            throw new AppError(
              ErrorCode.OBJECT_EXISTS,
              'Another file was stored at this name while uploading; upload again to rename or overwrite.',
            );
          throw error;
        });
    }
    const head = await client
      .send(new HeadObjectCommand({ Bucket: row.bucket, Key: row.key }))
      .catch((error: unknown) => {
        if (isS3Error(error, 'NotFound'))
          throw new AppError(ErrorCode.UPLOAD_PARTS_INVALID, 'The file never reached the storage.');
        throw error;
      });
    const mismatch = storedMismatch(row, head);
    if (mismatch) {
      // What was written is not what the API allowed: it must not stay behind.
      await client.send(new DeleteObjectCommand({ Bucket: row.bucket, Key: row.key }));
      await rejectUpload(deps, caller, row, mismatch);
    }
    const overQuota =
      row.mode === 'single' ? await quota.refusal({ ...row, size: head.ContentLength ?? 0 }) : null;
    if (overQuota) {
      // A single PUT is stored before it is completed: over the quota, it must not stay.
      await client.send(new DeleteObjectCommand({ Bucket: row.bucket, Key: row.key }));
      await rejectUpload(deps, caller, row, overQuota, ErrorCode.QUOTA_EXCEEDED);
    }
    const tags = Object.entries(row.tags as Record<string, string>);
    if (tags.length > 0)
      await client.send(
        new PutObjectTaggingCommand({
          Bucket: row.bucket,
          Key: row.key,
          Tagging: { TagSet: tags.map(([Key, Value]) => ({ Key, Value })) },
        }),
      );
    return { etag: head.ETag ?? null, size: head.ContentLength ?? 0 };
  });
  const now = deps.clock();
  const done = await deps.db.upload.update({
    where: { id },
    data: {
      state: 'completed',
      etag: stored.etag,
      completedAt: now,
      lastActivityAt: now,
      error: null,
      // Client-planned uploads (partSize stays 0) learn their size and part count here.
      ...(row.partCount === 0 ? { size: BigInt(stored.size), partCount: parts.length } : {}),
    },
  });
  await quota.record([{ ...done, size: Number(done.size) }]);
  await audit(deps, caller, 'upload.complete', done, {
    size: Number(done.size),
    parts: done.partCount,
    durationMs: now.getTime() - done.createdAt.getTime(),
  });
  return view(deps, done);
}
