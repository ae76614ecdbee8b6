// Uppy's Companion S3 protocol mapped onto the uploads service: the server picks the key (granted
// prefix + a safe file name, renamed when taken) and every call is authorized like our own routes.
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { bucketNameProblem, ErrorCode, type UploadView } from '@s3am/contracts';
import type { S3Connection } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { isWellFormed, normalizePrefix, truncateName } from '../../lib/key-rules.js';
import { recordActorEvent } from '../audit/audit.service.js';
import { findConnection } from '../connections/connections.service.js';
import { browserFacing, s3ClientFor } from '../connections/s3-client.js';
import { authorize, effectivePermissions, type Caller } from '../grants/permissions.service.js';
import { resolveKey } from './existing-key.js';
import {
  createUpload,
  listUploadedParts,
  refuseIfNotAllowed,
  type UploadsDeps,
} from './uploads.service.js';
import { storageError } from './s3-parts.js';

export interface UppyDestination {
  connectionId: string;
  bucket: string;
  prefix: string;
}

/** Longest file name kept (bytes, as most file systems allow); longer ones are cut. */
const MAX_NAME_BYTES = 255;

/**
 * A file name that stays one key segment: no slashes, no control characters, at most 255 UTF-8
 * bytes cut on code points. A name that is not valid Unicode (a lone surrogate, e.g. from a cut
 * inside an emoji) cannot become an S3 key and is refused.
 */
export function safeFileName(name: string): string {
  if (!isWellFormed(name))
    throw new AppError(
      ErrorCode.INVALID_KEY,
      'The file name is not valid Unicode (it contains an unpaired surrogate).',
    );
  let cleaned = '';
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    cleaned += code < 0x20 || code === 0x7f || char === '/' || char === '\\' ? '_' : char;
  }
  cleaned = cleaned.trim().replace(/^\.+$/, '_');
  return truncateName(cleaned, MAX_NAME_BYTES) || 'file';
}

/** Uppy metadata may name the destination; otherwise the caller's first writable location. */
export async function destinationFor(
  deps: UploadsDeps,
  caller: Caller,
  metadata: Record<string, unknown>,
): Promise<UppyDestination> {
  const text = (name: string) => (typeof metadata[name] === 'string' ? metadata[name] : undefined);
  const connectionId = text('connectionId');
  const bucket = text('bucket');
  if (connectionId && bucket) {
    const problem = bucketNameProblem(bucket);
    if (problem)
      throw new AppError(
        ErrorCode.VALIDATION,
        `metadata.bucket: Not a valid S3 bucket name: ${problem}.`,
      );
    return { connectionId, bucket, prefix: normalizePrefix(text('prefix') ?? '') };
  }
  if (caller.role === 'admin') {
    const connection = await deps.db.s3Connection.findFirst({
      where: { buckets: { isEmpty: false } },
      orderBy: { name: 'asc' },
    });
    if (connection)
      return { connectionId: connection.id, bucket: connection.buckets[0]!, prefix: '' };
  } else {
    const writable = (
      await effectivePermissions(deps.db, caller.userId, deps.clock())
    ).entries.find((entry) => entry.actions.includes('write'));
    if (writable) return writable;
  }
  throw new AppError(ErrorCode.GRANT_DENIED, 'You have no location to upload to.');
}

export function createUppyMultipart(
  deps: UploadsDeps,
  caller: Caller,
  destination: UppyDestination,
  file: { filename: string; type?: string | undefined },
): Promise<UploadView> {
  return createUpload(
    deps,
    caller,
    {
      connectionId: destination.connectionId,
      bucket: destination.bucket,
      key: destination.prefix + safeFileName(file.filename),
      size: 0,
      contentType: file.type || 'application/octet-stream',
      onExisting: 'rename',
    },
    { clientPlansParts: true },
  );
}

/** Every part S3 holds, in Companion's shape. */
export async function allUploadedParts(deps: UploadsDeps, caller: Caller, id: string) {
  const parts: { PartNumber: number; ETag: string; Size: number }[] = [];
  let marker: number | undefined;
  do {
    const page = await listUploadedParts(deps, caller, id, marker);
    parts.push(
      ...page.parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag, Size: p.size })),
    );
    marker = page.nextMarker ?? undefined;
  } while (marker !== undefined);
  return parts;
}

/** Where a browser finds the object (Companion returns it as `location`). */
export function objectLocation(connection: S3Connection, bucket: string, key: string): string {
  const { endpoint } = browserFacing(connection);
  const path = key.split('/').map(encodeURIComponent).join('/');
  if (endpoint) return `${endpoint.replace(/\/+$/, '')}/${bucket}/${path}`;
  return `https://${bucket}.s3.${connection.region}.amazonaws.com/${path}`;
}

/** A presigned POST policy for one small file: exact key, its type, and the size limit. */
export async function presignedPost(
  deps: UploadsDeps,
  caller: Caller,
  destination: UppyDestination,
  file: { filename: string; type?: string | undefined },
): Promise<{ method: 'POST'; url: string; fields: Record<string, string> }> {
  const requested = destination.prefix + safeFileName(file.filename);
  const ref = { connectionId: destination.connectionId, bucket: destination.bucket };
  await authorize(deps.db, caller, { ...ref, key: requested, action: 'write' }, deps.clock());
  const connection = await findConnection(deps.db, ref.connectionId);
  const contentType = file.type || 'application/octet-stream';
  refuseIfNotAllowed(deps, { key: requested, size: 0, contentType });
  const lookup = s3ClientFor(connection, deps);
  const signer = s3ClientFor(browserFacing(connection), deps);
  try {
    const key = await resolveKey(lookup, destination.bucket, requested, 'rename');
    if (key !== requested)
      await authorize(deps.db, caller, { ...ref, key, action: 'write' }, deps.clock());
    const post = await createPresignedPost(signer, {
      Bucket: destination.bucket,
      Key: key,
      Conditions: [['content-length-range', 0, deps.limits.maxSize]],
      Fields: { 'Content-Type': contentType },
      Expires: deps.singlePutUrlTtlSeconds,
    });
    await recordActorEvent(deps.db, caller, {
      at: deps.clock(),
      action: 'upload.presigned_post',
      targetType: 'object',
      targetId: `${destination.bucket}/${key}`,
      details: { connectionId: destination.connectionId },
    });
    return { method: 'POST', url: post.url, fields: post.fields };
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  }
}
