// The file browser: every call is authorized against the caller's grants first, then run with
// the connection's credentials; reads, download links, deletes and new folders are audited.
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  ErrorCode,
  type FileListing,
  type FileLocation,
  type GrantAction,
  type ObjectDetails,
  type DownloadLinkRequest,
  type ObjectRef,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import type { Keyring } from '../../lib/crypto-envelope.js';
import { recordActorEvent } from '../audit/audit.service.js';
import { findConnection } from '../connections/connections.service.js';
import { isS3Error } from '../connections/connection-errors.js';
import { browserFacing, s3ClientFor, type S3Network } from '../connections/s3-client.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import { authorize, effectivePermissions, type Caller } from '../grants/permissions.service.js';
import { storageError } from '../uploads/s3-parts.js';

/** S3 failures become explained 4xx/502 answers with a stable code, never a 500. */
function asApiError(error: unknown): AppError {
  return error instanceof AppError ? error : storageError(error);
}

export interface FilesDeps {
  db: Db;
  keyring: Keyring;
  s3Network: S3Network;
  clock: () => Date;
  downloadTtlSeconds: number;
}

function audit(
  deps: FilesDeps,
  caller: Caller,
  action: string,
  ref: { connectionId: string; bucket: string; key: string },
  details: Record<string, string | number> = {},
) {
  return recordActorEvent(deps.db, caller, {
    at: deps.clock(),
    action,
    targetType: 'object',
    targetId: `${ref.bucket}/${ref.key}`,
    details: { connectionId: ref.connectionId, ...details },
  });
}

/** Where the caller may do `action` (browse by default): granted prefixes, or every configured bucket for admins. */
export async function listLocations(
  deps: FilesDeps,
  caller: Caller,
  action: GrantAction = 'list',
): Promise<FileLocation[]> {
  if (caller.role === 'admin') {
    const connections = await deps.db.s3Connection.findMany({ orderBy: { name: 'asc' } });
    return connections.flatMap((c) =>
      c.buckets.map((bucket) => ({
        connectionId: c.id,
        connectionName: c.name,
        bucket,
        prefix: '',
      })),
    );
  }
  const permissions = await effectivePermissions(deps.db, caller.userId, deps.clock());
  return permissions.entries
    .filter((entry) => entry.actions.includes(action))
    .map(({ connectionId, connectionName, bucket, prefix }) => ({
      connectionId,
      connectionName,
      bucket,
      prefix,
    }));
}

export async function listFiles(
  deps: FilesDeps,
  caller: Caller,
  query: {
    connectionId: string;
    bucket: string;
    prefix: string;
    continuationToken?: string;
    maxKeys: number;
  },
): Promise<FileListing> {
  await authorize(
    deps.db,
    caller,
    {
      connectionId: query.connectionId,
      bucket: query.bucket,
      key:
        query.prefix.endsWith('/') || query.prefix === ''
          ? query.prefix
          : query.prefix.slice(0, query.prefix.lastIndexOf('/') + 1),
      action: 'list',
    },
    deps.clock(),
  );
  const client = s3ClientFor(await findConnection(deps.db, query.connectionId), deps);
  try {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: query.bucket,
        Prefix: query.prefix,
        Delimiter: '/',
        MaxKeys: query.maxKeys,
        ContinuationToken: query.continuationToken,
      }),
    );
    const folderBase = query.prefix.slice(0, query.prefix.lastIndexOf('/') + 1);
    return {
      prefix: query.prefix,
      folders: (page.CommonPrefixes ?? [])
        .map((p) => p.Prefix ?? '')
        .filter(Boolean)
        .map((prefix) => ({ prefix, name: prefix.slice(folderBase.length, -1) })),
      objects: (page.Contents ?? [])
        .filter((o) => o.Key && o.Key !== folderBase)
        .map((o) => ({
          key: o.Key!,
          name: o.Key!.slice(folderBase.length),
          size: o.Size ?? 0,
          lastModified: o.LastModified?.toISOString() ?? null,
          etag: o.ETag ?? null,
          storageClass: o.StorageClass ?? null,
        })),
      nextContinuationToken: page.IsTruncated ? (page.NextContinuationToken ?? null) : null,
    };
  } catch (error) {
    throw asApiError(error);
  }
}

export async function objectDetails(
  deps: FilesDeps,
  caller: Caller,
  ref: ObjectRef,
): Promise<ObjectDetails> {
  await authorize(deps.db, caller, { ...ref, action: 'read' }, deps.clock());
  const client = s3ClientFor(await findConnection(deps.db, ref.connectionId), deps);
  try {
    const head = await client
      .send(new HeadObjectCommand({ Bucket: ref.bucket, Key: ref.key }))
      .catch((error: unknown) => {
        if (isS3Error(error, 'NotFound'))
          throw new AppError(ErrorCode.NOT_FOUND, 'No object with this key.');
        throw error;
      });
    const tagging = await client
      .send(new GetObjectTaggingCommand({ Bucket: ref.bucket, Key: ref.key }))
      .catch(() => ({ TagSet: [] }));
    await audit(deps, caller, 'files.read', ref);
    return {
      key: ref.key,
      size: head.ContentLength ?? 0,
      contentType: head.ContentType ?? null,
      lastModified: head.LastModified?.toISOString() ?? null,
      etag: head.ETag ?? null,
      storageClass: head.StorageClass ?? 'STANDARD',
      metadata: head.Metadata ?? {},
      tags: Object.fromEntries(
        (tagging.TagSet ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']),
      ),
      encryption: {
        algorithm: head.ServerSideEncryption ?? null,
        kmsKeyId: head.SSEKMSKeyId ?? null,
      },
    };
  } catch (error) {
    throw asApiError(error);
  }
}

/**
 * A presigned GET (on the browser-facing endpoint) that downloads under the object's own name.
 * It lives as long as asked, never longer than the admin's maximum (which is also the default).
 */
export async function downloadLink(
  deps: FilesDeps,
  caller: Caller,
  request: DownloadLinkRequest,
): Promise<{ url: string; expiresAt: string }> {
  const { expiresInSeconds, ...ref } = request;
  const ttlSeconds = Math.min(expiresInSeconds ?? deps.downloadTtlSeconds, deps.downloadTtlSeconds);
  await authorize(deps.db, caller, { ...ref, action: 'read' }, deps.clock());
  const connection = await findConnection(deps.db, ref.connectionId);
  const client = s3ClientFor(browserFacing(connection), deps);
  try {
    const disposition = attachmentDisposition(ref.key.slice(ref.key.lastIndexOf('/') + 1));
    const now = deps.clock();
    const url = await getSignedUrl(
      client,
      new GetObjectCommand({
        Bucket: ref.bucket,
        Key: ref.key,
        ResponseContentDisposition: disposition,
      }),
      { expiresIn: ttlSeconds, signingDate: now },
    );
    await audit(deps, caller, 'files.download_link', ref, { ttlSeconds });
    return { url, expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString() };
  } catch (error) {
    throw asApiError(error);
  }
}

export async function deleteObjects(
  deps: FilesDeps,
  caller: Caller,
  input: { connectionId: string; bucket: string; keys: string[] },
) {
  // All or nothing on authorization: one key outside the grants refuses the whole request.
  for (const key of input.keys)
    await authorize(
      deps.db,
      caller,
      { connectionId: input.connectionId, bucket: input.bucket, key, action: 'delete' },
      deps.clock(),
    );
  const client = s3ClientFor(await findConnection(deps.db, input.connectionId), deps);
  try {
    const result = await client.send(
      new DeleteObjectsCommand({
        Bucket: input.bucket,
        Delete: { Objects: input.keys.map((Key) => ({ Key })), Quiet: false },
      }),
    );
    const deleted = (result.Deleted ?? []).map((d) => d.Key ?? '');
    for (const key of deleted)
      await audit(deps, caller, 'files.delete', {
        connectionId: input.connectionId,
        bucket: input.bucket,
        key,
      });
    return {
      deleted,
      errors: (result.Errors ?? []).map((e) => ({
        key: e.Key ?? '',
        message: e.Message ?? e.Code ?? 'failed',
      })),
    };
  } catch (error) {
    throw asApiError(error);
  }
}

const folderExists = (key: string) =>
  new AppError(
    ErrorCode.OBJECT_EXISTS,
    `"${key.slice(0, -1).slice(key.lastIndexOf('/', key.length - 2) + 1)}" already exists here as a folder or object; nothing was changed.`,
  );

/** A folder marker (`name/`, 0 bytes); never written over an object that has that key. */
export async function createFolder(deps: FilesDeps, caller: Caller, ref: ObjectRef): Promise<void> {
  const key = ref.key.endsWith('/') ? ref.key : `${ref.key}/`;
  await authorize(deps.db, caller, { ...ref, key, action: 'write' }, deps.clock());
  const client = s3ClientFor(await findConnection(deps.db, ref.connectionId), deps);
  try {
    const existing = await client
      .send(new HeadObjectCommand({ Bucket: ref.bucket, Key: key }))
      .catch((error: unknown) => {
        if (isS3Error(error, 'NotFound')) return null;
        throw error;
      });
    if (existing) throw folderExists(key);
    // Create-only where S3 supports conditional writes, so a race with an upload cannot lose it.
    await client
      .send(
        new PutObjectCommand({
          Bucket: ref.bucket,
          Key: key,
          Body: new Uint8Array(0),
          ContentLength: 0,
          IfNoneMatch: '*',
        }),
      )
      .catch((error: unknown) => {
        if (isS3Error(error, 'PreconditionFailed')) throw folderExists(key);
        throw error;
      });
    await audit(deps, caller, 'files.create_folder', { ...ref, key });
  } catch (error) {
    throw asApiError(error);
  }
}
