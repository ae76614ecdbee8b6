// Share links, owner side: create one on an object or a folder the caller may read (token shown
// once, stored hashed; password stored as argon2id), list mine with their counts, revoke.
import {
  ErrorCode,
  type CreatedShare,
  type CreateShareRequest,
  type ShareList,
  type ShareStatus,
  type ShareView,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { hashPassword } from '../../lib/password-hash.js';
import { hashToken, newOpaqueToken } from '../../lib/secret-token.js';
import { recordActorEvent } from '../audit/audit.service.js';
import { findConnection } from '../connections/connections.service.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import { linkStatus, normalizeCidrs } from './link-access.js';

export interface SharesDeps {
  db: Db;
  clock: () => Date;
  /** Origin people open; links are built on it. */
  publicUrl: string;
  /** The longest life a link may be given (admin setting). */
  maxExpiryDays: number;
}

type ShareRow = NonNullable<Awaited<ReturnType<Db['share']['findUnique']>>>;

export function shareStatus(row: ShareRow, now: Date): ShareStatus {
  const status = linkStatus(row, now);
  if (status !== 'active') return status;
  return row.maxDownloads !== null && row.downloadCount >= row.maxDownloads
    ? 'exhausted'
    : 'active';
}

function toShareView(row: ShareRow, now: Date): ShareView {
  return {
    id: row.id,
    connectionId: row.connectionId,
    bucket: row.bucket,
    key: row.key,
    isFolder: row.isFolder,
    hasPassword: row.passwordHash !== null,
    maxDownloads: row.maxDownloads,
    downloadCount: row.downloadCount,
    accessCount: row.accessCount,
    allowedCidrs: row.allowedCidrs,
    status: shareStatus(row, now),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastAccessAt: row.lastAccessAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Refuses a life longer than the admin allows, saying what the maximum is. */
export function expiryFrom(now: Date, days: number, maxDays: number): Date {
  if (days > maxDays)
    throw new AppError(
      ErrorCode.VALIDATION,
      `Links may live at most ${maxDays} day(s) on this server.`,
    );
  return new Date(now.getTime() + days * 24 * 3600 * 1000);
}

export async function createShare(
  deps: SharesDeps,
  caller: Caller,
  input: CreateShareRequest & { expiresInDays: number },
): Promise<CreatedShare> {
  const isFolder = input.key === undefined;
  const key = input.key ?? input.prefix ?? '';
  if (isFolder && key !== '' && !key.endsWith('/'))
    throw new AppError(ErrorCode.VALIDATION, "A folder prefix is '' or ends in '/'.");
  const now = deps.clock();
  const expiresAt = expiryFrom(now, input.expiresInDays, deps.maxExpiryDays);
  await findConnection(deps.db, input.connectionId);
  const ref = { connectionId: input.connectionId, bucket: input.bucket };
  await authorize(deps.db, caller, { ...ref, key, action: 'read' }, now);
  // A folder's page lists it: whoever shares it must be able to list it too.
  if (isFolder) await authorize(deps.db, caller, { ...ref, key, action: 'list' }, now);
  const token = newOpaqueToken();
  const row = await deps.db.share.create({
    data: {
      tokenHash: hashToken(token),
      ownerId: caller.userId,
      ...ref,
      key,
      isFolder,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      maxDownloads: input.maxDownloads ?? null,
      allowedCidrs: normalizeCidrs(input.allowedCidrs),
      expiresAt,
      createdAt: now,
    },
  });
  await recordActorEvent(deps.db, caller, {
    at: now,
    action: 'share.create',
    targetType: 'share',
    targetId: row.id,
    details: {
      ...ref,
      key,
      folder: isFolder,
      password: row.passwordHash !== null,
      expiresAt: expiresAt.toISOString(),
      ...(row.maxDownloads !== null ? { maxDownloads: row.maxDownloads } : {}),
      ...(row.allowedCidrs.length > 0 ? { allowedCidrs: row.allowedCidrs.join(',') } : {}),
    },
  });
  return { id: row.id, url: `${deps.publicUrl}/s/${token}`, expiresAt: expiresAt.toISOString() };
}

/** My links, newest first (admins: everyone's, so they can revoke any). */
export async function listShares(deps: SharesDeps, caller: Caller): Promise<ShareList> {
  const rows = await deps.db.share.findMany({
    where: caller.role === 'admin' ? {} : { ownerId: caller.userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 500,
  });
  const now = deps.clock();
  return { items: rows.map((row) => toShareView(row, now)) };
}

export async function revokeShare(deps: SharesDeps, caller: Caller, id: string): Promise<void> {
  const row = await deps.db.share.findUnique({ where: { id } });
  // Someone else's link is "not found" to anyone but an admin.
  if (!row || (row.ownerId !== caller.userId && caller.role !== 'admin'))
    throw new AppError(ErrorCode.NOT_FOUND, 'No share link with this id.');
  if (row.revokedAt) return;
  const now = deps.clock();
  await deps.db.share.update({ where: { id }, data: { revokedAt: now } });
  await recordActorEvent(deps.db, caller, {
    at: now,
    action: 'share.revoke',
    targetType: 'share',
    targetId: id,
    details: { connectionId: row.connectionId, bucket: row.bucket, key: row.key },
  });
}
