// Starts an upload or resumes one. A candidate is resumed only when it goes to the same
// destination (connection, bucket, key) and holds the same content: the file's fingerprint equals
// the one recorded when the upload started, and every held part is proven to be the local bytes
// (held-part-proof.ts). A candidate that fails the check is aborted and a fresh upload started.
// The server's record and S3's ListParts are the truth; local state is only the hint and the proof.
import { type CreateUploadRequest, type ExistingKeyPolicy, type UploadView } from '@s3am/contracts';
import { contentFingerprint, fingerprintBlockSize } from './content-fingerprint.js';
import { type FileSource } from './file-source.js';
import { proveHeldParts } from './held-part-proof.js';
import { partLength, planParts } from './part-plan.js';
import { type SignedPartUrl } from './part-signer.js';
import { resumeKeyOf, type ResumeRecord, type ResumeStore } from './resume-store.js';
import { type CreatedSmallUpload } from './small-upload-batcher.js';
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
  /** Bytes per part of a multipart upload (the server checks S3's limits); default: its choice. */
  partSize?: number;
}

export interface PreparedUpload {
  upload: UploadView;
  /** Parts S3 already holds, proven to be this file's bytes: partNumber → ETag. */
  held: Map<number, string>;
  resumed: boolean;
  /** The record kept for this destination (also built when there is no store). */
  record: ResumeRecord;
  /** URLs signed along with the create (small files created in a batch). */
  presigned?: (SignedPartUrl & { partNumber: number })[];
}

/** Why an earlier upload was not resumed but aborted. */
export interface DiscardedUpload {
  uploadId: string;
  reason: string;
}

export interface PrepareOptions {
  api: UploadApi;
  file: FileSource;
  destination: UploadDestination;
  store?: ResumeStore;
  /** The upload this task already started in this session, if any. */
  knownUploadId?: string;
  /** ETags this task got from S3 in this session (its own parts need no re-reading). */
  sentThisSession?: ReadonlyMap<number, string>;
  /** An upload to consider when the store has none (e.g. started in another browser). */
  candidateUploadId?: string;
  /** Wraps each API call (retries). */
  call: <T>(operation: () => Promise<T>) => Promise<T>;
  signal?: AbortSignal;
  onCheckProgress?: (checkedBytes: number, totalBytes: number) => void;
  onDiscarded?: (discarded: DiscardedUpload) => void;
  /** Creates a small file's upload with its PUT URL in a batch call (small-upload-batcher.ts). */
  createSmall?: (request: CreateUploadRequest, signal?: AbortSignal) => Promise<CreatedSmallUpload>;
}

/** Same connection and bucket, and the key asked for (or the one the server chose for it). */
export function sameDestination(
  upload: Pick<UploadView, 'connectionId' | 'bucket' | 'key'>,
  destination: Pick<UploadDestination, 'connectionId' | 'bucket' | 'key'>,
  record?: Pick<ResumeRecord, 'destinationKey'>,
): boolean {
  return (
    upload.connectionId === destination.connectionId &&
    upload.bucket === destination.bucket &&
    (upload.key === destination.key || record?.destinationKey === destination.key)
  );
}

export async function prepareUpload(options: PrepareOptions): Promise<PreparedUpload> {
  const { api, file, destination, store, call, signal } = options;
  const resumeKey = resumeKeyOf(destination);
  const stored = await store?.get(resumeKey);
  const candidateId = options.knownUploadId ?? stored?.uploadId ?? options.candidateUploadId;
  // The record speaks for the candidate only when it names it.
  const record = stored?.uploadId === candidateId ? stored : undefined;

  if (candidateId !== undefined) {
    const existing = await call(() => getIfExists(api, candidateId, signal));
    if (existing?.state === 'in_progress' && sameDestination(existing, destination, record)) {
      const reason =
        existing.size === file.size
          ? await contentMismatch(options, existing, record)
          : `the file has ${file.size} bytes, the upload ${existing.size}`;
      if (reason === null) {
        const held = await call(() => listHeldParts(api, existing, signal));
        const proof = await proveHeldParts({
          file,
          plan: planParts(existing),
          held,
          record,
          sentThisSession: options.sentThisSession,
          signal,
          onProgress: options.onCheckProgress,
        });
        if (proof.matches) {
          const kept = record ?? (await recordFor(existing, destination, file, store));
          if (!record) await store?.put(resumeKey, kept);
          return { upload: existing, held: proof.proven, resumed: true, record: kept };
        }
        await discard(options, existing, proof.reason);
      } else {
        await discard(options, existing, reason);
      }
    }
    // Gone, finished, aborted, elsewhere, or not this content: forget it and start over.
    if (stored) await store?.delete(resumeKey);
  }

  const request: CreateUploadRequest = {
    connectionId: destination.connectionId,
    bucket: destination.bucket,
    key: destination.key,
    size: file.size,
    contentType: destination.contentType ?? (file.type || 'application/octet-stream'),
    metadata: destination.metadata,
    tags: destination.tags,
    lastModified: file.lastModified,
    onExisting: destination.onExisting,
    ...(destination.partSize === undefined ? {} : { partSize: destination.partSize }),
  };
  const { createSmall } = options;
  const created = createSmall
    ? await call(() => createSmall(request, signal))
    : { upload: await call(() => api.create(request, signal)) };
  const { upload } = created;
  const fresh = await recordFor(upload, destination, file, store);
  await store?.put(resumeKey, fresh);
  const presigned =
    'url' in created
      ? [
          {
            partNumber: 1,
            url: created.url,
            headers: created.headers,
            expiresAt: created.expiresAt,
          },
        ]
      : undefined;
  return { upload, held: new Map(), resumed: false, record: fresh, presigned };
}

/** Null when the content may be this upload's (parts are proven next), else why it is not. */
async function contentMismatch(
  options: PrepareOptions,
  upload: UploadView,
  record: ResumeRecord | undefined,
): Promise<string | null> {
  // This task's own upload and file object: nothing to compare the file with but its parts.
  if (options.knownUploadId !== undefined || !record) return null;
  const block = fingerprintBlockSize(record.fingerprint) ?? upload.partSize;
  const local = await contentFingerprint(options.file, block);
  return local === record.fingerprint
    ? null
    : 'the file differs from the one this upload started with (size and SHA-256 of its first and last blocks)';
}

/** Aborts an upload that holds other content than this file (best effort: the sweeper is the net). */
async function discard(options: PrepareOptions, upload: UploadView, reason: string): Promise<void> {
  try {
    await options.call(() => options.api.abort(upload.id, options.signal));
  } catch (error) {
    // Already gone, or out of reach: the sweeper aborts it once it is idle past its expiry.
    if (options.signal?.aborted) throw error;
  }
  options.onDiscarded?.({ uploadId: upload.id, reason });
}

async function recordFor(
  upload: UploadView,
  destination: UploadDestination,
  file: FileSource,
  store: ResumeStore | undefined,
): Promise<ResumeRecord> {
  const block = upload.mode === 'single' ? upload.size : upload.partSize;
  // Only a kept record is ever compared with the file again: without a store, no reading.
  const fingerprint = store ? await contentFingerprint(file, block) : '';
  return {
    uploadId: upload.id,
    key: upload.key,
    bucket: upload.bucket,
    connectionId: upload.connectionId,
    destinationKey: destination.key,
    partSize: upload.partSize,
    createdAt: upload.createdAt,
    file: { name: file.name, size: file.size, lastModified: file.lastModified },
    fingerprint,
  };
}

async function getIfExists(
  api: UploadApi,
  uploadId: string,
  signal?: AbortSignal,
): Promise<UploadView | null> {
  try {
    return await api.get(uploadId, signal);
  } catch (error) {
    if (error instanceof UploadApiError && [403, 404, 410].includes(error.status)) return null;
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
