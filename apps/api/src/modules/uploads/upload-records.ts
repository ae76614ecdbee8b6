// Reading upload rows: the owner check every call passes through, and the wire view.
import { ErrorCode, type UploadView } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import type { Upload } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/app-error.js';

export type { Upload };

/**
 * The upload, if it exists and belongs to `ownerId`. Someone else's upload answers exactly like
 * an unknown id (404), so ids cannot be probed.
 */
export const UPLOAD_NOT_FOUND_DETAIL = 'No upload with this id.';

export async function ownedUpload(db: Db, id: string, ownerId: string): Promise<Upload> {
  const row = await db.upload.findFirst({ where: { id, ownerId } });
  if (!row) throw new AppError(ErrorCode.UPLOAD_NOT_FOUND, UPLOAD_NOT_FOUND_DETAIL);
  return row;
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
