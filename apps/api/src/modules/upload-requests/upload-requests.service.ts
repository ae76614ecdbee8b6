// Upload requests, owner side: create a link into a folder the caller may write to (token shown
// once, stored hashed; password as argon2id), list mine with the files guests sent (the in-app
// notice: unseen files), mark them seen, revoke.
import {
  ErrorCode,
  type CreatedUploadRequestLink,
  type CreateUploadRequestLink,
  type UploadRequestLinkList,
  type UploadRequestLinkView,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { hashPassword } from '../../lib/password-hash.js';
import { hashToken, newOpaqueToken } from '../../lib/secret-token.js';
import { recordActorEvent } from '../audit/audit.service.js';
import { findConnection } from '../connections/connections.service.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import { linkStatus } from '../shares/link-access.js';
import { expiryFrom } from '../shares/shares.service.js';

export interface UploadRequestsDeps {
  db: Db;
  clock: () => Date;
  publicUrl: string;
  maxExpiryDays: number;
}

/** Files listed with each request (the newest). */
const FILES_SHOWN = 50;

const withFiles = {
  files: {
    where: {
      upload: { state: { in: ['in_progress', 'completed'] as ('in_progress' | 'completed')[] } },
    },
    orderBy: { createdAt: 'desc' as const },
  },
} as const;

type RequestRow = NonNullable<Awaited<ReturnType<Db['uploadRequest']['findFirst']>>> & {
  files: {
    uploadId: string;
    key: string;
    size: bigint;
    createdAt: Date;
    completedAt: Date | null;
    seenAt: Date | null;
  }[];
};

function toView(row: RequestRow, now: Date): UploadRequestLinkView {
  const received = row.files.filter((file) => file.completedAt !== null);
  return {
    id: row.id,
    connectionId: row.connectionId,
    bucket: row.bucket,
    prefix: row.prefix,
    title: row.title,
    hasPassword: row.passwordHash !== null,
    maxFileBytes: row.maxFileBytes === null ? null : Number(row.maxFileBytes),
    maxTotalBytes: row.maxTotalBytes === null ? null : Number(row.maxTotalBytes),
    maxFiles: row.maxFiles,
    allowedTypes: row.allowedTypes,
    status: linkStatus(row, now),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    filesReceived: received.length,
    bytesReceived: received.reduce((sum, file) => sum + Number(file.size), 0),
    unseenFiles: received.filter((file) => file.seenAt === null).length,
    files: row.files.slice(0, FILES_SHOWN).map((file) => ({
      uploadId: file.uploadId,
      key: file.key,
      size: Number(file.size),
      createdAt: file.createdAt.toISOString(),
      completedAt: file.completedAt?.toISOString() ?? null,
      seen: file.seenAt !== null,
    })),
  };
}

export async function createUploadRequest(
  deps: UploadRequestsDeps,
  caller: Caller,
  input: CreateUploadRequestLink & { expiresInDays: number },
): Promise<CreatedUploadRequestLink> {
  if (input.prefix !== '' && !input.prefix.endsWith('/'))
    throw new AppError(ErrorCode.VALIDATION, "The folder is '' or ends in '/'.");
  const now = deps.clock();
  const expiresAt = expiryFrom(now, input.expiresInDays, deps.maxExpiryDays);
  await findConnection(deps.db, input.connectionId);
  const ref = { connectionId: input.connectionId, bucket: input.bucket };
  await authorize(deps.db, caller, { ...ref, key: input.prefix, action: 'write' }, now);
  const token = newOpaqueToken();
  const row = await deps.db.uploadRequest.create({
    data: {
      tokenHash: hashToken(token),
      ownerId: caller.userId,
      ...ref,
      prefix: input.prefix,
      title: input.title ?? null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      maxFileBytes: input.maxFileBytes === undefined ? null : BigInt(input.maxFileBytes),
      maxTotalBytes: input.maxTotalBytes === undefined ? null : BigInt(input.maxTotalBytes),
      maxFiles: input.maxFiles ?? null,
      allowedTypes: (input.allowedTypes ?? []).map((type) => type.toLowerCase()),
      expiresAt,
      createdAt: now,
    },
  });
  await recordActorEvent(deps.db, caller, {
    at: now,
    action: 'upload_request.create',
    targetType: 'upload_request',
    targetId: row.id,
    details: {
      ...ref,
      prefix: row.prefix,
      password: row.passwordHash !== null,
      expiresAt: expiresAt.toISOString(),
    },
  });
  return { id: row.id, url: `${deps.publicUrl}/u/${token}`, expiresAt: expiresAt.toISOString() };
}

export async function listUploadRequests(
  deps: UploadRequestsDeps,
  caller: Caller,
): Promise<UploadRequestLinkList> {
  const rows = await deps.db.uploadRequest.findMany({
    where: { ownerId: caller.userId },
    include: withFiles,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  const now = deps.clock();
  const items = rows.map((row) => toView(row, now));
  return { items, unseenFiles: items.reduce((sum, item) => sum + item.unseenFiles, 0) };
}

async function ownRequest(deps: UploadRequestsDeps, caller: Caller, id: string) {
  const row = await deps.db.uploadRequest.findUnique({ where: { id } });
  if (!row || (row.ownerId !== caller.userId && caller.role !== 'admin'))
    throw new AppError(ErrorCode.NOT_FOUND, 'No upload request with this id.');
  return row;
}

/** The owner has looked at what arrived: the notice goes away. */
export async function markFilesSeen(
  deps: UploadRequestsDeps,
  caller: Caller,
  id: string,
): Promise<void> {
  await ownRequest(deps, caller, id);
  await deps.db.uploadRequestFile.updateMany({
    where: { uploadRequestId: id, seenAt: null, completedAt: { not: null } },
    data: { seenAt: deps.clock() },
  });
}

export async function revokeUploadRequest(
  deps: UploadRequestsDeps,
  caller: Caller,
  id: string,
): Promise<void> {
  const row = await ownRequest(deps, caller, id);
  if (row.revokedAt) return;
  const now = deps.clock();
  await deps.db.uploadRequest.update({ where: { id }, data: { revokedAt: now } });
  await recordActorEvent(deps.db, caller, {
    at: now,
    action: 'upload_request.revoke',
    targetType: 'upload_request',
    targetId: id,
    details: { connectionId: row.connectionId, bucket: row.bucket, prefix: row.prefix },
  });
}
