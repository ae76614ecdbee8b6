// What every upload call shares: the owner/state/grant check, S3 calls with failures turned
// into API errors, the idle clock the sweeper reads, and the audit record of upload events.
import type { S3Client } from '@aws-sdk/client-s3';
import { ErrorCode, type UploadView } from '@s3am/contracts';
import type { Db, S3Connection } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import type { Keyring } from '../../lib/crypto-envelope.js';
import { shouldTouchLastSeen } from '../../lib/session-rules.js';
import type { UploadLimits } from '../../lib/upload-rules.js';
import { recordActorEvent, recordActorEvents } from '../audit/audit.service.js';
import { isS3Error } from '../connections/connection-errors.js';
import { s3ClientFor, type S3Network } from '../connections/s3-client.js';
import { authorize, type Caller } from '../grants/permissions.service.js';
import {
  assertInProgress,
  ownedUploadWithConnection,
  toUploadView,
  type Upload,
} from './upload-records.js';
import { storageError } from './s3-parts.js';

export interface UploadsDeps {
  db: Db;
  keyring: Keyring;
  s3Network: S3Network;
  clock: () => Date;
  limits: UploadLimits;
  singlePutMaxBytes: number;
  partUrlTtlSeconds: number;
  /** Single-PUT URLs live minutes: they carry a whole file and cannot be revoked. */
  singlePutUrlTtlSeconds: number;
  staleAfterHours: number;
}

const staleMs = (deps: UploadsDeps) => deps.staleAfterHours * 3600 * 1000;
export const view = (deps: UploadsDeps, row: Upload): UploadView =>
  toUploadView(row, staleMs(deps));

/** Runs `work` with a client for the connection, turning S3 failures into STORAGE_ERROR. */
export async function withS3<T>(
  deps: UploadsDeps,
  connection: S3Connection,
  work: (client: S3Client) => Promise<T>,
): Promise<T> {
  const client = s3ClientFor(connection, deps);
  try {
    return await work(client);
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  }
}

export function audit(
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

/** The same upload event for many uploads, appended together (batches of small files). */
export function auditEach(
  deps: UploadsDeps,
  caller: Caller,
  action: string,
  entries: readonly {
    row: Pick<Upload, 'id' | 'bucket' | 'key' | 'connectionId'>;
    details?: Record<string, string | number>;
  }[],
) {
  const at = deps.clock();
  return recordActorEvents(
    deps.db,
    caller,
    entries.map(({ row, details }) => ({
      at,
      action,
      targetType: 'upload',
      targetId: row.id,
      details: { connectionId: row.connectionId, bucket: row.bucket, key: row.key, ...details },
    })),
  );
}

/** The upload, checked for owner, state and a still-valid write grant. */
export async function activeUpload(deps: UploadsDeps, caller: Caller, id: string): Promise<Upload> {
  return (await activeUploadAt(deps, caller, id)).row;
}

/**
 * activeUpload and the connection it goes to, read together (the connection is shown to nobody
 * before the grant check passes).
 */
export async function activeUploadAt(
  deps: UploadsDeps,
  caller: Caller,
  id: string,
): Promise<{ row: Upload; connection: S3Connection }> {
  const { row, connection } = await ownedUploadWithConnection(deps.db, id, caller.userId);
  assertInProgress(row);
  await authorize(
    deps.db,
    caller,
    { connectionId: row.connectionId, bucket: row.bucket, key: row.key, action: 'write' },
    deps.clock(),
  );
  return { row, connection };
}

/**
 * Marks the upload active for the sweeper, at most once a minute: it counts idleness in hours,
 * and a 1 TiB upload makes a thousand part calls that need not all write.
 */
export async function touch(deps: UploadsDeps, row: Pick<Upload, 'id' | 'lastActivityAt'>) {
  const now = deps.clock();
  if (!shouldTouchLastSeen(row.lastActivityAt, now)) return;
  await deps.db.upload.update({ where: { id: row.id }, data: { lastActivityAt: now } });
}

/** S3 no longer knows the upload (aborted elsewhere, lifecycle rule): record that and say so. */
export async function failIfGone(deps: UploadsDeps, row: Upload, error: unknown): Promise<never> {
  if (isS3Error(error, 'NoSuchUpload')) {
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
