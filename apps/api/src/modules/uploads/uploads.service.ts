// Direct-to-S3 uploads: authorize and record an upload, sign its part URLs in batches, report
// the parts S3 holds (the truth for resuming), verify and complete it, or abort it. The API never
// carries object bytes; an upload id belongs to the person who started it.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  ErrorCode,
  S3_LIMITS,
  type CreateUploadRequest,
  type SignedParts,
  type UploadedParts,
  type UploadList,
  type UploadState,
  type UploadView,
} from '@s3am/contracts';
import type { Db, S3Connection } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import type { Keyring } from '../../lib/crypto-envelope.js';
import { planParts } from '../../lib/part-size.js';
import { uploadRefusal, type UploadLimits } from '../../lib/upload-rules.js';
import { recordActorEvent } from '../audit/audit.service.js';
import { findConnection } from '../connections/connections.service.js';
import { s3ClientFor } from '../connections/s3-client.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import { createPartSigner } from './part-signer.js';
import { resolveKey } from './existing-key.js';
import { assertInProgress, ownedUpload, toUploadView, type Upload } from './upload-records.js';
import { listAllParts, listPartsPage, storageError, type HeldPart } from './s3-parts.js';

export interface UploadsDeps {
  db: Db;
  keyring: Keyring;
  clock: () => Date;
  limits: UploadLimits;
  singlePutMaxBytes: number;
  partUrlTtlSeconds: number;
  staleAfterHours: number;
}

type CreateInput = Required<Omit<CreateUploadRequest, 'metadata' | 'tags' | 'lastModified'>> &
  Pick<CreateUploadRequest, 'metadata' | 'tags' | 'lastModified'>;

const staleMs = (deps: UploadsDeps) => deps.staleAfterHours * 3600 * 1000;
const view = (deps: UploadsDeps, row: Upload): UploadView => toUploadView(row, staleMs(deps));

/** Runs `work` with a client for the connection, turning S3 failures into STORAGE_ERROR. */
async function withS3<T>(
  deps: UploadsDeps,
  connection: S3Connection,
  work: (client: S3Client) => Promise<T>,
): Promise<T> {
  const client = s3ClientFor(connection, deps.keyring);
  try {
    return await work(client);
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  } finally {
    client.destroy();
  }
}

function audit(
  deps: UploadsDeps,
  caller: Caller,
  action: string,
  row: Pick<Upload, 'id' | 'bucket' | 'key' | 'connectionId'>,
  details: Record<string, string | number> = {},
) {
  return recordActorEvent(deps.db, caller, {
    at: deps.clock(),
    action,
    targetType: 'upload',
    targetId: row.id,
    details: { connectionId: row.connectionId, bucket: row.bucket, key: row.key, ...details },
  });
}

export function refuseIfNotAllowed(
  deps: UploadsDeps,
  input: { key: string; size: number; contentType: string },
): void {
  const refusal = uploadRefusal(deps.limits, input);
  if (!refusal) return;
  if (refusal.reason === 'too_large')
    throw new AppError(
      ErrorCode.UPLOAD_TOO_LARGE,
      `The file is larger than the ${refusal.limit.toLocaleString('en')} bytes allowed.`,
    );
  throw new AppError(
    ErrorCode.UPLOAD_TYPE_NOT_ALLOWED,
    refusal.reason === 'extension'
      ? `Only these file types may be uploaded: ${refusal.allowed.join(', ')}.`
      : `Only these content types may be uploaded: ${refusal.allowed.join(', ')}.`,
  );
}

function sseHeaders(connection: S3Connection): Record<string, string> {
  if (connection.sseMode === 'AES256') return { 'x-amz-server-side-encryption': 'AES256' };
  if (connection.sseMode === 'aws:kms')
    return {
      'x-amz-server-side-encryption': 'aws:kms',
      ...(connection.sseKmsKeyId
        ? { 'x-amz-server-side-encryption-aws-kms-key-id': connection.sseKmsKeyId }
        : {}),
    };
  return {};
}

export async function createUpload(
  deps: UploadsDeps,
  caller: Caller,
  input: CreateInput,
  /** The client cuts the parts and the size is learnt at completion (Uppy's Companion protocol). */
  options: { clientPlansParts?: boolean } = {},
): Promise<UploadView> {
  const ref = { connectionId: input.connectionId, bucket: input.bucket };
  await authorize(deps.db, caller, { ...ref, key: input.key, action: 'write' }, deps.clock());
  refuseIfNotAllowed(deps, input);
  const connection = await findConnection(deps.db, input.connectionId);
  const mode =
    input.size <= deps.singlePutMaxBytes && !options.clientPlansParts ? 'single' : 'multipart';
  const plan = options.clientPlansParts
    ? { partSize: 0, partCount: 0 }
    : mode === 'single'
      ? { partSize: input.size, partCount: 1 }
      : planParts(input.size);
  const { key, s3UploadId } = await withS3(deps, connection, async (client) => {
    const key = await resolveKey(client, input.bucket, input.key, input.onExisting);
    if (key !== input.key)
      await authorize(deps.db, caller, { ...ref, key, action: 'write' }, deps.clock());
    if (mode === 'single') return { key, s3UploadId: null };
    const sse = sseHeaders(connection);
    const created = await client.send(
      new CreateMultipartUploadCommand({
        Bucket: input.bucket,
        Key: key,
        ContentType: input.contentType,
        Metadata: input.metadata,
        ...(sse['x-amz-server-side-encryption']
          ? {
              ServerSideEncryption: connection.sseMode as 'AES256' | 'aws:kms',
              SSEKMSKeyId: connection.sseKmsKeyId ?? undefined,
            }
          : {}),
      }),
    );
    return { key, s3UploadId: created.UploadId ?? null };
  });
  const now = deps.clock();
  const row = await deps.db.upload.create({
    data: {
      ownerId: caller.userId,
      connectionId: input.connectionId,
      bucket: input.bucket,
      key,
      s3UploadId,
      mode,
      size: BigInt(input.size),
      contentType: input.contentType,
      lastModified: input.lastModified === undefined ? null : BigInt(input.lastModified),
      partSize: BigInt(plan.partSize),
      partCount: plan.partCount,
      metadata: input.metadata ?? {},
      tags: input.tags ?? {},
      createdAt: now,
      lastActivityAt: now,
    },
  });
  await audit(deps, caller, 'upload.start', row, { size: input.size, mode });
  return view(deps, row);
}

/** The upload, checked for owner, state and a still-valid write grant. */
async function activeUpload(deps: UploadsDeps, caller: Caller, id: string): Promise<Upload> {
  const row = await ownedUpload(deps.db, id, caller.userId);
  assertInProgress(row);
  await authorize(
    deps.db,
    caller,
    { connectionId: row.connectionId, bucket: row.bucket, key: row.key, action: 'write' },
    deps.clock(),
  );
  return row;
}

function touch(deps: UploadsDeps, id: string) {
  return deps.db.upload.update({ where: { id }, data: { lastActivityAt: deps.clock() } });
}

export async function signParts(
  deps: UploadsDeps,
  caller: Caller,
  id: string,
  partNumbers: number[],
): Promise<SignedParts> {
  const row = await activeUpload(deps, caller, id);
  const partLimit = row.partCount > 0 ? row.partCount : S3_LIMITS.maxParts;
  const beyond = partNumbers.find((n) => n > partLimit);
  if (beyond !== undefined)
    throw new AppError(
      ErrorCode.UPLOAD_PARTS_INVALID,
      `Part ${beyond} does not exist: this upload has ${row.partCount} part(s).`,
    );
  const connection = await findConnection(deps.db, row.connectionId);
  const now = deps.clock();
  const headers: Record<string, string> =
    row.mode === 'single'
      ? {
          'content-type': row.contentType,
          ...sseHeaders(connection),
          ...Object.fromEntries(
            Object.entries(row.metadata as Record<string, string>).map(([name, value]) => [
              `x-amz-meta-${name.toLowerCase()}`,
              value,
            ]),
          ),
        }
      : {};
  const urls = await withS3(deps, connection, (client) =>
    createPartSigner(connection, client).presign(
      partNumbers.map((partNumber) => ({
        method: 'PUT',
        bucket: row.bucket,
        key: row.key,
        ...(row.mode === 'single'
          ? {
              headers: Object.fromEntries(
                Object.entries(headers).filter(([h]) => h !== 'content-type'),
              ),
            }
          : { query: { partNumber: String(partNumber), uploadId: row.s3UploadId ?? '' } }),
      })),
      deps.partUrlTtlSeconds,
      now,
    ),
  );
  await touch(deps, id);
  return {
    urls: partNumbers.map((partNumber, index) => ({ partNumber, url: urls[index]! })),
    headers,
    expiresAt: new Date(now.getTime() + deps.partUrlTtlSeconds * 1000).toISOString(),
  };
}

export async function listUploadedParts(
  deps: UploadsDeps,
  caller: Caller,
  id: string,
  marker: number | undefined,
): Promise<UploadedParts> {
  const row = await activeUpload(deps, caller, id);
  // A single PUT has no parts until it is complete: the file is sent again whole.
  if (row.mode === 'single' || !row.s3UploadId) return { parts: [], nextMarker: null };
  const connection = await findConnection(deps.db, row.connectionId);
  const page = await withS3(deps, connection, (client) =>
    listPartsPage(client, row, marker).catch((error: unknown) => failIfGone(deps, row, error)),
  );
  await touch(deps, id);
  return page;
}

/** S3 no longer knows the upload (aborted elsewhere, lifecycle rule): record that and say so. */
async function failIfGone(deps: UploadsDeps, row: Upload, error: unknown): Promise<never> {
  if ((error as { name?: string }).name === 'NoSuchUpload') {
    await deps.db.upload.update({
      where: { id: row.id },
      data: { state: 'failed', error: 'The storage service no longer holds this upload.' },
    });
    throw new AppError(
      ErrorCode.UPLOAD_NOT_IN_PROGRESS,
      'The storage service no longer holds this upload (it was aborted or expired); start again.',
    );
  }
  throw error;
}

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
  const partSize = Number(row.partSize);
  for (const part of sent) {
    const stored = byNumber.get(part.partNumber);
    if (!stored) fail(`Part ${part.partNumber} was never uploaded.`);
    const normalize = (etag: string) => etag.replace(/"/g, '');
    if (normalize(stored!.etag) !== normalize(part.etag))
      fail(`Part ${part.partNumber}'s ETag does not match what the storage holds.`);
    if (clientPlanned) continue;
    const expected = Math.min(partSize, size - (part.partNumber - 1) * partSize);
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

export async function completeUpload(
  deps: UploadsDeps,
  caller: Caller,
  id: string,
  parts: { partNumber: number; etag: string }[],
): Promise<UploadView> {
  const row = await activeUpload(deps, caller, id);
  const connection = await findConnection(deps.db, row.connectionId);
  const stored = await withS3(deps, connection, async (client) => {
    if (row.mode === 'multipart') {
      const held = await listAllParts(client, row).catch((e: unknown) => failIfGone(deps, row, e));
      verifyParts(row, parts, held, deps.limits.maxSize);
      await client.send(
        new CompleteMultipartUploadCommand({
          Bucket: row.bucket,
          Key: row.key,
          UploadId: row.s3UploadId ?? '',
          MultipartUpload: {
            Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
          },
        }),
      );
    }
    const head = await client
      .send(new HeadObjectCommand({ Bucket: row.bucket, Key: row.key }))
      .catch((error: unknown) => {
        if ((error as { name?: string }).name === 'NotFound')
          throw new AppError(ErrorCode.UPLOAD_PARTS_INVALID, 'The file never reached the storage.');
        throw error;
      });
    if (row.partCount > 0 && head.ContentLength !== Number(row.size))
      throw new AppError(
        ErrorCode.UPLOAD_PARTS_INVALID,
        `The stored object has ${head.ContentLength} bytes; ${row.size} were expected.`,
      );
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
  await audit(deps, caller, 'upload.complete', done, {
    size: Number(done.size),
    parts: done.partCount,
    durationMs: now.getTime() - done.createdAt.getTime(),
  });
  return view(deps, done);
}

export async function abortUpload(deps: UploadsDeps, caller: Caller, id: string): Promise<void> {
  const row = await ownedUpload(deps.db, id, caller.userId);
  if (row.state === 'aborted' || row.state === 'failed') return;
  assertInProgress(row);
  if (row.mode === 'multipart' && row.s3UploadId) {
    const connection = await findConnection(deps.db, row.connectionId);
    await withS3(deps, connection, async (client) => {
      await client
        .send(
          new AbortMultipartUploadCommand({
            Bucket: row.bucket,
            Key: row.key,
            UploadId: row.s3UploadId ?? '',
          }),
        )
        .catch((error: unknown) => {
          // Already gone is what we wanted.
          if ((error as { name?: string }).name !== 'NoSuchUpload') throw error;
        });
    });
  }
  await deps.db.upload.update({ where: { id }, data: { state: 'aborted' } });
  await audit(deps, caller, 'upload.abort', row, { size: Number(row.size) });
}

export async function getUpload(
  deps: UploadsDeps,
  caller: Caller,
  id: string,
): Promise<UploadView> {
  return view(deps, await ownedUpload(deps.db, id, caller.userId));
}

/** The caller's uploads, newest first, in keyset pages. */
export async function listUploads(
  deps: UploadsDeps,
  caller: Caller,
  query: { state?: UploadState; cursor?: string; limit: number },
): Promise<UploadList> {
  const rows = await deps.db.upload.findMany({
    where: { ownerId: caller.userId, ...(query.state ? { state: query.state } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => view(deps, row)),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
