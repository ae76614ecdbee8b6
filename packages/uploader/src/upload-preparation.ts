// Starts an upload or resumes one: the server's record and S3's ListParts are the truth, local state only a hint.
import { type ExistingKeyPolicy, type UploadView } from '@s3am/contracts';
import { type FileSource } from './file-source.js';
import { partLength, planParts } from './part-plan.js';
import { fingerprintOf, type ResumeStore } from './resume-store.js';
import { type UploadApi } from './transport.js';
import { UploadApiError } from './upload-errors.js';

export interface UploadDestination {
  connectionId: string;
  bucket: string;
  /** The key asked for; the server may adjust it (grant prefix, sanitizing, onExisting 'rename'). */
  key: string;
  /** Default: the file's type, else application/octet-stream. */
  contentType?: string;
  metadata?: Record<string, string>;
  tags?: Record<string, string>;
  onExisting?: ExistingKeyPolicy;
}

export interface PreparedUpload {
  upload: UploadView;
  /** Parts S3 already holds with the right size: partNumber → ETag. */
  held: Map<number, string>;
  resumed: boolean;
}

export interface PrepareOptions {
  api: UploadApi;
  file: FileSource;
  destination: UploadDestination;
  store?: ResumeStore;
  /** The upload this task already started in this session, if any. */
  knownUploadId?: string;
  /** Wraps each API call (retries). */
  call: <T>(operation: () => Promise<T>) => Promise<T>;
  signal?: AbortSignal;
}

export async function prepareUpload(options: PrepareOptions): Promise<PreparedUpload> {
  const { api, file, destination, store, call, signal } = options;
  const fingerprint = fingerprintOf(file);
  const record = options.knownUploadId === undefined ? await store?.get(fingerprint) : undefined;
  const candidateId =
    options.knownUploadId ??
    (record &&
    record.connectionId === destination.connectionId &&
    record.bucket === destination.bucket
      ? record.uploadId
      : undefined);

  if (candidateId !== undefined) {
    const existing = await call(() => getIfExists(api, candidateId, signal));
    if (existing && isResumable(existing, file, destination)) {
      const held = await call(() => listHeldParts(api, existing, signal));
      return { upload: existing, held, resumed: true };
    }
    // Gone, finished, aborted, or not this file any more: forget it and start over.
    await store?.delete(fingerprint);
  }

  const upload = await call(() =>
    api.create(
      {
        connectionId: destination.connectionId,
        bucket: destination.bucket,
        key: destination.key,
        size: file.size,
        contentType: destination.contentType ?? (file.type || 'application/octet-stream'),
        metadata: destination.metadata,
        tags: destination.tags,
        lastModified: file.lastModified,
        onExisting: destination.onExisting,
      },
      signal,
    ),
  );
  await store?.put(fingerprint, {
    uploadId: upload.id,
    key: upload.key,
    bucket: upload.bucket,
    connectionId: upload.connectionId,
    partSize: upload.partSize,
    createdAt: upload.createdAt,
  });
  return { upload, held: new Map(), resumed: false };
}

function isResumable(
  upload: UploadView,
  file: FileSource,
  destination: UploadDestination,
): boolean {
  return (
    upload.state === 'in_progress' &&
    upload.size === file.size &&
    upload.connectionId === destination.connectionId &&
    upload.bucket === destination.bucket
  );
}

async function getIfExists(
  api: UploadApi,
  uploadId: string,
  signal?: AbortSignal,
): Promise<UploadView | null> {
  try {
    return await api.get(uploadId, signal);
  } catch (error) {
    if (error instanceof UploadApiError && (error.status === 404 || error.status === 410))
      return null;
    throw error;
  }
}

/** Every page of ListParts; keeps only parts whose size is what the plan says (others are sent again). */
export async function listHeldParts(
  api: UploadApi,
  upload: UploadView,
  signal?: AbortSignal,
): Promise<Map<number, string>> {
  const count = planParts(upload).length;
  const held = new Map<number, string>();
  let marker: number | undefined;
  for (;;) {
    const page = await api.listParts(upload.id, marker, signal);
    for (const part of page.parts) {
      if (part.partNumber < 1 || part.partNumber > count) continue;
      const expected =
        upload.mode === 'single'
          ? upload.size
          : partLength(part.partNumber, upload.partSize, upload.size);
      if (part.size === expected) held.set(part.partNumber, part.etag);
    }
    if (page.nextMarker === null) return held;
    if (marker !== undefined && page.nextMarker <= marker) {
      throw new Error('ListParts did not advance its marker');
    }
    marker = page.nextMarker;
  }
}
