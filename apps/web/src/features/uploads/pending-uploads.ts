// Unfinished uploads from an earlier visit: the server's in-progress list joined with this
// browser's resume records, and which of them a re-selected file continues.
import {
  fingerprintOf,
  type FileIdentity,
  type ResumeRecord,
  type ResumeStore,
} from '@s3am/uploader';
import { type UploadView } from '@s3am/contracts';
import { baseName } from './upload-keys';
import { fetchInProgressUploads } from './uploads-api';

export interface PendingUpload {
  upload: UploadView;
  /** The fingerprint this browser remembered it under; null when it was started elsewhere. */
  fingerprint: string | null;
}

export async function loadPendingUploads(
  store: ResumeStore,
  skipUploadIds: ReadonlySet<string>,
): Promise<PendingUpload[]> {
  const [uploads, records] = await Promise.all([fetchInProgressUploads(), store.list()]);
  const fingerprintByUpload = new Map(records.map((r) => [r.record.uploadId, r.fingerprint]));
  return uploads
    .filter((upload) => !skipUploadIds.has(upload.id))
    .map((upload) => ({ upload, fingerprint: fingerprintByUpload.get(upload.id) ?? null }));
}

/**
 * The waiting upload this file continues: the same fingerprint (name + size + modification time)
 * as remembered here, or for uploads started elsewhere the same size, time and file name.
 */
export function findPendingFor(
  file: FileIdentity,
  pending: readonly PendingUpload[],
): PendingUpload | undefined {
  const fingerprint = fingerprintOf(file);
  return (
    pending.find((p) => p.fingerprint === fingerprint) ??
    pending.find(
      ({ upload, fingerprint: known }) =>
        known === null &&
        upload.size === file.size &&
        upload.lastModified === file.lastModified &&
        baseName(upload.key) === file.name,
    )
  );
}

/** What the engine needs in the store to resume an upload it did not start in this browser. */
export function resumeRecordOf(upload: UploadView): ResumeRecord {
  return {
    uploadId: upload.id,
    key: upload.key,
    bucket: upload.bucket,
    connectionId: upload.connectionId,
    partSize: upload.partSize,
    createdAt: upload.createdAt,
  };
}
