// Reading upload rows: the owner check every call passes through, and the wire view.
import { ErrorCode, type UploadView } from '@s3am/contracts';
import type { Db, S3Connection } from '../../db/prisma.js';
import type { Upload } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/app-error.js';

export type { Upload };

const notFound = () => new AppError(ErrorCode.UPLOAD_NOT_FOUND, 'No upload with this id.');

/**
 * The upload, if it exists and belongs to `ownerId`. Someone else's upload answers exactly like
 * an unknown id (404), so ids cannot be probed.
 */
export async function ownedUpload(db: Db, id: string, ownerId: string): Promise<Upload> {
  const row = await db.upload.findFirst({ where: { id, ownerId } });
  if (!row) throw notFound();
  return row;
}

/** ownedUpload and its connection, in one query (part calls are what an upload makes most of). */
export async function ownedUploadWithConnection(
  db: Db,
  id: string,
  ownerId: string,
): Promise<{ row: Upload; connection: S3Connection }> {
  const found = await db.upload.findFirst({
    where: { id, ownerId },
    include: { connection: true },
  });
  if (!found) throw notFound();
  const { connection, ...row } = found;
  return { row, connection };
}

export function assertInProgress(row: Upload): void {
  if (row.state !== 'in_progress')
    throw new AppError(
      ErrorCode.UPLOAD_NOT_IN_PROGRESS,
      `The upload is ${row.state.replace('_', ' ')}; start a new one.`,
    );
}

export function toUploadView(row: Upload, staleAfterMs: number): UploadView {
  return {
    id: row.id,
    connectionId: row.connectionId,
    bucket: row.bucket,
    key: row.key,
    size: Number(row.size),
    contentType: row.contentType,
    lastModified: row.lastModified === null ? null : Number(row.lastModified),
    mode: row.mode as UploadView['mode'],
    partSize: Number(row.partSize),
    partCount: row.partCount,
    state: row.state,
    etag: row.etag,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    expiresAt: new Date(row.lastActivityAt.getTime() + staleAfterMs).toISOString(),
  };
}
