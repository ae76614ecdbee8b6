// Share links, public side (`/s/:token`): every call finds the link by its token's hash and checks
// it again (revoked, expired, address ranges, password, the owner's read grant), then answers
// with the file or folder listing, or with short-lived presigned GETs on the browser-facing
// endpoint (the bytes never pass through the API). Every access is audited with IP and UA.
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  ErrorCode,
  type OpenShareRequest,
  type SharedContents,
  type ShareDownload,
  type ShareDownloadRequest,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { attachmentDisposition } from '../../lib/content-disposition.js';
import type { Keyring } from '../../lib/crypto-envelope.js';
import { keyProblems } from '../../lib/key-rules.js';
import { hashToken } from '../../lib/secret-token.js';
import type { AuditContext } from '../audit/audit.service.js';
import { isS3Error } from '../connections/connection-errors.js';
import { findConnection } from '../connections/connections.service.js';
import { browserFacing, s3ClientFor, type S3Network } from '../connections/s3-client.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import { storageError } from '../uploads/s3-parts.js';
import {
  addressAllowed,
  auditLinkAccess,
  checkLink,
  ownerCaller,
  unavailable,
} from './link-access.js';

export interface PublicSharesDeps {
  db: Db;
  keyring: Keyring;
  s3Network: S3Network;
  clock: () => Date;
  /** Lifetime of a presigned GET handed out through a link (minutes, not hours). */
  downloadTtlSeconds: number;
}

type ShareRow = NonNullable<Awaited<ReturnType<Db['share']['findUnique']>>>;
interface Access {
  token: string;
  password: string | undefined;
  context: AuditContext & { ip: string };
}

/** Most entries a folder page lists at once. */
const LISTING_LIMIT = 1000;

/** The link behind a token, checked; the owner it acts for. */
async function openLink(deps: PublicSharesDeps, access: Access) {
  const now = deps.clock();
  const row = await deps.db.share.findUnique({ where: { tokenHash: hashToken(access.token) } });
  if (!row) throw new AppError(ErrorCode.LINK_NOT_FOUND, 'There is no link at this address.');
  if (!addressAllowed(row.allowedCidrs, access.context.ip)) {
    await auditLinkAccess(deps.db, {
      kind: 'share',
      linkId: row.id,
      action: 'access',
      outcome: 'denied',
      context: access.context,
      at: now,
      details: { reason: 'address not allowed' },
    });
    throw new AppError(
      ErrorCode.LINK_ADDRESS_REFUSED,
      'This link cannot be used from your network.',
    );
  }
  await checkLink(deps.db, 'share', row, { ...access, now });
  if (row.maxDownloads !== null && row.downloadCount >= row.maxDownloads)
    throw unavailable('This link has been downloaded as many times as its owner allowed.');
  const owner = await ownerCaller(deps.db, row.ownerId, access.context);
  return { row, owner, now };
}

/** The owner must still be allowed to do this; a link never outlives its owner's grant. */
async function ownerMay(
  deps: PublicSharesDeps,
  owner: Caller,
  row: ShareRow,
  key: string,
  action: 'read' | 'list',
) {
  try {
    await authorize(
      deps.db,
      owner,
      { connectionId: row.connectionId, bucket: row.bucket, key, action },
      deps.clock(),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.GRANT_DENIED)
      throw unavailable('The person who made this link may no longer share this.');
    throw error;
  }
}

/** A path inside a folder share, as a key: refused if it could climb out of the folder. */
function keyInside(row: ShareRow, path: string): string {
  const key = `${row.key}${path}`;
  if (path.startsWith('/') || keyProblems(key).length > 0)
    throw new AppError(ErrorCode.INVALID_KEY, 'This path is not inside the shared folder.');
  return key;
}

const lastSegment = (key: string) =>
  key.replace(/\/$/, '').slice(key.replace(/\/$/, '').lastIndexOf('/') + 1);

async function withS3<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  }
}

export async function openShare(
  deps: PublicSharesDeps,
  access: Access,
  input: OpenShareRequest & { path: string },
): Promise<SharedContents> {
  const { row, owner, now } = await openLink(deps, access);
  const connection = await findConnection(deps.db, row.connectionId);
  const client = s3ClientFor(connection, deps);
  const base = {
    name: lastSegment(row.key) || row.bucket,
    expiresAt: row.expiresAt.toISOString(),
    downloadsLeft: row.maxDownloads === null ? null : row.maxDownloads - row.downloadCount,
  };
  let contents: SharedContents;
  if (!row.isFolder) {
    await ownerMay(deps, owner, row, row.key, 'read');
    const head = await withS3(() =>
      client
        .send(new HeadObjectCommand({ Bucket: row.bucket, Key: row.key }))
        .catch((error: unknown) => {
          if (isS3Error(error, 'NotFound'))
            throw unavailable('The shared file is no longer there.');
          throw error;
        }),
    );
    contents = {
      ...base,
      kind: 'file',
      path: '',
      folders: [],
      files: [
        {
          path: base.name,
          name: base.name,
          size: head.ContentLength ?? 0,
          lastModified: head.LastModified?.toISOString() ?? null,
        },
      ],
      truncated: false,
    };
  } else {
    if (input.path !== '' && !input.path.endsWith('/'))
      throw new AppError(ErrorCode.VALIDATION, "A folder path is '' or ends in '/'.");
    const prefix = input.path === '' ? row.key : keyInside(row, input.path);
    await ownerMay(deps, owner, row, prefix, 'list');
    const page = await withS3(() =>
      client.send(
        new ListObjectsV2Command({
          Bucket: row.bucket,
          Prefix: prefix,
          Delimiter: '/',
          MaxKeys: LISTING_LIMIT,
        }),
      ),
    );
    contents = {
      ...base,
      kind: 'folder',
      path: input.path,
      folders: (page.CommonPrefixes ?? [])
        .map((p) => p.Prefix ?? '')
        .filter(Boolean)
        .map((p) => ({ path: p.slice(row.key.length), name: lastSegment(p) })),
      files: (page.Contents ?? [])
        .filter((o) => o.Key && o.Key !== prefix)
        .map((o) => ({
          path: o.Key!.slice(row.key.length),
          name: lastSegment(o.Key!),
          size: o.Size ?? 0,
          lastModified: o.LastModified?.toISOString() ?? null,
        })),
      truncated: page.IsTruncated === true,
    };
  }
  await deps.db.share.update({
    where: { id: row.id },
    data: { accessCount: { increment: 1 }, lastAccessAt: now },
  });
  await auditLinkAccess(deps.db, {
    kind: 'share',
    linkId: row.id,
    action: 'open',
    outcome: 'success',
    context: access.context,
    at: now,
    details: { bucket: row.bucket, key: row.isFolder ? `${row.key}${input.path}` : row.key },
  });
  return contents;
}

/**
 * Presigned GETs for the shared file, or for files of a shared folder (one download however
 * many files: a zip made in the browser counts once). The download limit is taken atomically.
 */
export async function downloadShare(
  deps: PublicSharesDeps,
  access: Access,
  input: ShareDownloadRequest,
): Promise<ShareDownload> {
  const { row, owner, now } = await openLink(deps, access);
  const keys = row.isFolder ? (input.paths ?? []).map((path) => keyInside(row, path)) : [row.key];
  if (keys.length === 0)
    throw new AppError(ErrorCode.VALIDATION, 'Name the files to download (paths).');
  for (const key of new Set(keys)) await ownerMay(deps, owner, row, key, 'read');
  // Counted before any URL exists, in one statement, so parallel calls cannot pass the limit.
  const taken = await deps.db.$executeRaw`
    UPDATE "shares" SET "download_count" = "download_count" + 1, "access_count" = "access_count" + 1,
      "last_access_at" = ${now}
    WHERE "id" = ${row.id}::uuid AND ("max_downloads" IS NULL OR "download_count" < "max_downloads")`;
  if (taken === 0)
    throw unavailable('This link has been downloaded as many times as its owner allowed.');
  const connection = await findConnection(deps.db, row.connectionId);
  const client = s3ClientFor(browserFacing(connection), deps);
  const items = await withS3(() =>
    Promise.all(
      keys.map(async (key) => ({
        path: row.isFolder ? key.slice(row.key.length) : lastSegment(key),
        url: await getSignedUrl(
          client,
          new GetObjectCommand({
            Bucket: row.bucket,
            Key: key,
            ResponseContentDisposition: attachmentDisposition(lastSegment(key)),
          }),
          { expiresIn: deps.downloadTtlSeconds, signingDate: now },
        ),
      })),
    ),
  );
  await auditLinkAccess(deps.db, {
    kind: 'share',
    linkId: row.id,
    action: 'download',
    outcome: 'success',
    context: access.context,
    at: now,
    details: {
      bucket: row.bucket,
      files: keys.length,
      key: keys.length === 1 ? keys[0]! : `${row.key}…`,
      ttlSeconds: deps.downloadTtlSeconds,
    },
  });
  return {
    items,
    expiresAt: new Date(now.getTime() + deps.downloadTtlSeconds * 1000).toISOString(),
  };
}
