// Unfinished uploads from an earlier visit: the server's in-progress list joined with this
// browser's resume records, and which of them a re-selected file may continue. The rule is the
// engine's: same destination (connection, bucket, key); the engine then checks the content.
import {
  resumeKeyOf,
  sameDestination,
  type DestinationIdentity,
  type ResumeRecord,
  type ResumeStore,
} from '@s3am/uploader';
import { type UploadView } from '@s3am/contracts';
import { fetchInProgressUploads } from './uploads-api';

export interface PendingUpload {
  upload: UploadView;
  /** What this browser remembered about it; null when it was started elsewhere. */
  record: ResumeRecord | null;
}

export async function loadPendingUploads(
  store: ResumeStore,
  skipUploadIds: ReadonlySet<string>,
): Promise<PendingUpload[]> {
  const [uploads, records] = await Promise.all([fetchInProgressUploads(), store.list()]);
  const recordByUpload = new Map(records.map(({ record }) => [record.uploadId, record]));
  return uploads
    .filter((upload) => !skipUploadIds.has(upload.id))
    .map((upload) => ({ upload, record: recordByUpload.get(upload.id) ?? null }));
}

/** The waiting upload going to this destination, if any (the file's name alone never matches). */
export function findPendingFor(
  destination: DestinationIdentity,
  pending: readonly PendingUpload[],
): PendingUpload | undefined {
  return pending.find(({ upload, record }) =>
    sameDestination(upload, destination, record ?? undefined),
  );
}

/** Where a waiting upload goes: the key it was asked for (the server may have renamed it). */
export function destinationOf(pending: PendingUpload): DestinationIdentity {
  const { upload, record } = pending;
  return {
    connectionId: upload.connectionId,
    bucket: upload.bucket,
    key: record?.destinationKey ?? upload.key,
  };
}

/** The store key this browser keeps the waiting upload's record under, if it has one. */
export function resumeKeyOfPending(pending: PendingUpload): string | null {
  return pending.record ? resumeKeyOf(destinationOf(pending)) : null;
}
