// Direct-to-S3 uploads: authorize and record an upload, sign its part URLs in batches, report
// the parts S3 holds (the truth for resuming), abort it, list them. Completion lives in
// upload-completion.service.ts. The API never carries object bytes; an upload id belongs to the
// person who started it.
import { CreateMultipartUploadCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  ErrorCode,
  MAX_UPLOADS_PER_BATCH,
  S3_LIMITS,
  type CreateUploadRequest,
  type SignedParts,
  type UploadedParts,
  type UploadLimits,
  type UploadList,
  type UploadState,
  type UploadView,
} from '@s3am/contracts';
import type { S3Connection } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { uploadKeyProblem } from '../../lib/key-rules.js';
import { multipartPlan } from '../../lib/part-size.js';
import { uploadRefusal } from '../../lib/upload-rules.js';
import { findConnection } from '../connections/connections.service.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import { quotaGuard } from '../quotas/quota-guard.js';
import { createPartSigner } from './part-signer.js';
import { resolveKey } from './existing-key.js';
import {
  activeUploadAt,
  audit,
  failIfGone,
  touch,
  view,
  withS3,
  type UploadsDeps,
} from './upload-access.js';
import { ownedUpload, assertInProgress, type Upload } from './upload-records.js';
import { currentEtag, existingObject, type ExistingObject } from './existing-object.js';
import { abortMultipartUpload, listPartsPage } from './s3-parts.js';

export type { UploadsDeps } from './upload-access.js';

export type CreateInput = Required<
  Omit<CreateUploadRequest, 'metadata' | 'tags' | 'lastModified' | 'partSize'>
> &
  Pick<CreateUploadRequest, 'metadata' | 'tags' | 'lastModified' | 'partSize'>;

export function refuseIfNotAllowed(
  deps: UploadsDeps,
  input: { key: string; size: number; contentType: string },
): void {
  // S3 would store it, and every listing would then show a folder and hide the bytes.
  if (uploadKeyProblem(input.key, input.size))
    throw new AppError(
      ErrorCode.INVALID_KEY,
      'A key ending in "/" names a folder and cannot hold content; add a file name.',
    );
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

/**
 * The headers a single PUT is signed with. `if-none-match: *` makes the URL create-only, so
 * replaying it after completion cannot replace the object; an overwrite is bound to the ETag of
 * the object it replaces (`if-match`), so it replaces that object once.
 */
export async function singlePutHeaders(
  client: S3Client,
  connection: S3Connection,
  row: Upload,
): Promise<Record<string, string>> {
  const replaced =
    row.onExisting === 'overwrite' ? await currentEtag(client, row.bucket, row.key) : null;
  return {
    'content-type': row.contentType,
    'content-length': String(row.size),
    ...(replaced ? { 'if-match': replaced } : { 'if-none-match': '*' }),
    ...sseHeaders(connection),
    ...Object.fromEntries(
      Object.entries(row.metadata as Record<string, string>).map(([name, value]) => [
        `x-amz-meta-${name.toLowerCase()}`,
        value,
      ]),
    ),
  };
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
  // Counted against the upload's owner (a guest's upload against the request's owner).
  await (await quotaGuard(deps, caller.userId, 'create')).admit(input);
  const connection = await findConnection(deps.db, input.connectionId);
  const mode =
    input.size <= deps.singlePutMaxBytes && !options.clientPlansParts ? 'single' : 'multipart';
  const plan = options.clientPlansParts
    ? { partSize: 0, partCount: 0 }
    : mode === 'single'
      ? { partSize: input.size, partCount: 1 }
      : multipartPlan(input.size, input.partSize);
  const { key, s3UploadId, replaces } = await withS3(deps, connection, async (client) => {
    const key = await resolveKey(client, input.bucket, input.key, input.onExisting);
    if (key !== input.key)
      await authorize(deps.db, caller, { ...ref, key, action: 'write' }, deps.clock());
    const replaces =
      input.onExisting === 'overwrite' ? await existingObject(client, input.bucket, key) : null;
    // Replacing an object destroys it unless the bucket keeps the old version.
    if (replaces && !replaces.versioned)
      await authorize(deps.db, caller, { ...ref, key, action: 'delete' }, deps.clock());
    if (mode === 'single') return { key, s3UploadId: null, replaces };
    const created = await client.send(
      new CreateMultipartUploadCommand({
        Bucket: input.bucket,
        Key: key,
        ContentType: input.contentType,
        Metadata: input.metadata,
        ...(connection.sseMode !== 'none'
          ? {
              ServerSideEncryption: connection.sseMode as 'AES256' | 'aws:kms',
              SSEKMSKeyId: connection.sseKmsKeyId ?? undefined,
            }
          : {}),
      }),
    );
    return { key, s3UploadId: created.UploadId ?? null, replaces };
  });
  const row = await deps.db.upload.create({
    data: uploadRowData(caller, input, { key, s3UploadId, mode, plan, now: deps.clock() }),
  });
  await audit(deps, caller, 'upload.start', row, startDetails(input.size, mode, replaces));
  return view(deps, row);
}

/** The row a new upload is recorded with (one create, or many in a batch). */
export function uploadRowData(
  caller: Caller,
  input: CreateInput,
  decided: {
    key: string;
    s3UploadId: string | null;
    mode: 'single' | 'multipart';
    plan: { partSize: number; partCount: number };
    now: Date;
  },
) {
  const { key, s3UploadId, mode, plan, now } = decided;
  return {
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
    onExisting: input.onExisting === 'overwrite' ? 'overwrite' : 'reject',
    createdAt: now,
    lastActivityAt: now,
  };
}

/** What the audit says about a started upload, including what it will replace. */
export function startDetails(
  size: number,
  mode: 'single' | 'multipart',
  replaces: ExistingObject | null,
): Record<string, string | number> {
  return {
    size,
    mode,
    ...(replaces
      ? {
          replaces: replaces.versioned ? 'object (old version kept)' : 'object',
          replacedEtag: replaces.etag,
          ...(replaces.keptVersionId ? { replacedVersionId: replaces.keptVersionId } : {}),
        }
      : {}),
  };
}

/** Signed headers as the client gets them: browsers set content-length from the body themselves. */
export function clientHeaders(signed: Record<string, string> | undefined): Record<string, string> {
  const { 'content-length': _length, ...headers } = signed ?? {};
  return headers;
}

export async function signParts(
  deps: UploadsDeps,
  caller: Caller,
  id: string,
  partNumbers: number[],
): Promise<SignedParts> {
  const { row, connection } = await activeUploadAt(deps, caller, id);
  const partLimit = row.partCount > 0 ? row.partCount : S3_LIMITS.maxParts;
  const beyond = partNumbers.find((n) => n > partLimit);
  if (beyond !== undefined)
    throw new AppError(
      ErrorCode.UPLOAD_PARTS_INVALID,
      `Part ${beyond} does not exist: this upload has ${row.partCount} part(s).`,
    );
  const now = deps.clock();
  const ttl = row.mode === 'single' ? deps.singlePutUrlTtlSeconds : deps.partUrlTtlSeconds;
  // The activity stamp and the signing do not depend on each other: one round trip less.
  const [urls] = await Promise.all([
    withS3(deps, connection, async (client) => {
      // A single PUT signs everything the API decided: size, type, SSE, metadata and what it may
      // replace, so S3 itself refuses anything else. Part PUTs are checked at completion.
      const signedHeaders =
        row.mode === 'single' ? await singlePutHeaders(client, connection, row) : undefined;
      const signed = await createPartSigner(connection, client).presign(
        partNumbers.map((partNumber) => ({
          method: 'PUT',
          bucket: row.bucket,
          key: row.key,
          ...(signedHeaders
            ? { headers: signedHeaders }
            : { query: { partNumber: String(partNumber), uploadId: row.s3UploadId ?? '' } }),
        })),
        ttl,
        now,
      );
      return { signed, signedHeaders };
    }),
    touch(deps, row),
  ]);
  return {
    urls: partNumbers.map((partNumber, index) => ({ partNumber, url: urls.signed[index]! })),
    headers: clientHeaders(urls.signedHeaders),
    expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(),
  };
}

export async function listUploadedParts(
  deps: UploadsDeps,
  caller: Caller,
  id: string,
  marker: number | undefined,
): Promise<UploadedParts> {
  const { row, connection } = await activeUploadAt(deps, caller, id);
  // A single PUT has no parts until it is complete: the file is sent again whole.
  if (row.mode === 'single' || !row.s3UploadId) return { parts: [], nextMarker: null };
  const page = await withS3(deps, connection, (client) =>
    listPartsPage(client, row, marker).catch((error: unknown) => failIfGone(deps, row, error)),
  );
  await touch(deps, row);
  return page;
}

export async function abortUpload(deps: UploadsDeps, caller: Caller, id: string): Promise<void> {
  const row = await ownedUpload(deps.db, id, caller.userId);
  if (row.state === 'aborted' || row.state === 'failed') return;
  assertInProgress(row);
  if (row.mode === 'multipart' && row.s3UploadId) {
    const connection = await findConnection(deps.db, row.connectionId);
    await withS3(deps, connection, (client) => abortMultipartUpload(client, row));
  }
  await deps.db.upload.update({ where: { id }, data: { state: 'aborted' } });
  await audit(deps, caller, 'upload.abort', row, { size: Number(row.size) });
}

/** What may be uploaded, for people to see before they pick a file. */
export function uploadLimits(deps: UploadsDeps): UploadLimits {
  return {
    maxSize: deps.limits.maxSize,
    allowedExtensions: [...deps.limits.allowedExtensions],
    allowedContentTypes: [...deps.limits.allowedContentTypes],
    singlePutMaxBytes: deps.singlePutMaxBytes,
    maxUploadsPerBatch: MAX_UPLOADS_PER_BATCH,
  };
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
