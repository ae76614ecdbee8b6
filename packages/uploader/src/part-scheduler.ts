// Sends a list of parts with bounded concurrency, per-part retries with backoff, and re-signing on expiry.
import { type SignedParts } from '@s3am/contracts';
import { digestBody } from './digests.js';
import { type FileSource } from './file-source.js';
import { assertPartEtag, partChecksum } from './part-checksum.js';
import { type PartBody, type PartSender } from './part-sender.js';
import { PartUrlSigner, type SignedPartUrl } from './part-signer.js';
import { type PartRange } from './part-plan.js';
import { type TransferProgress } from './progress.js';
import {
  FailureStreak,
  classifyFailure,
  type BackoffOptions,
  type Connectivity,
  type RetryWait,
} from './retry.js';
import { HttpError, NetworkError, abortError } from './upload-errors.js';

/**
 * A single PUT that may have been stored by a try whose answer was lost (see `singlePut`): its
 * presumed ETag is the local MD5, which S3's ETag equals unless the object is encrypted with
 * SSE-KMS or a customer key (`etagIsMd5` false: only the size and type can be checked).
 */
export interface MaybeStored {
  etagIsMd5: boolean;
}

/** SSE-KMS and SSE-C objects have ETags that are not the MD5 of their bytes. */
function opaqueEtagHeaders(headers: Record<string, string>): boolean {
  return Object.entries(headers).some(
    ([name, value]) =>
      (name.toLowerCase() === 'x-amz-server-side-encryption' && value.startsWith('aws:kms')) ||
      name.toLowerCase().startsWith('x-amz-server-side-encryption-customer-'),
  );
}

export interface SendPartsOptions {
  parts: readonly PartRange[];
  file: FileSource;
  sender: PartSender;
  sign: (partNumbers: number[], signal?: AbortSignal) => Promise<SignedParts>;
  /** URLs already signed (a batch of small uploads comes with its PUT URL). */
  presigned?: readonly (SignedPartUrl & { partNumber: number })[];
  progress: TransferProgress;
  concurrency: number;
  signBatchSize: number;
  backoff: BackoffOptions;
  /** Offline waits instead of failures (see retry.ts). */
  connectivity?: Connectivity;
  /** Re-signs allowed per part after "Request has expired" before giving up. */
  maxResigns: number;
  /** Send Content-MD5 and compare S3's ETag with it (see part-checksum.ts). */
  partChecksums?: boolean;
  /**
   * The one part is a whole-file PUT signed create-only (`if-none-match: *`) or bound to the
   * replaced object's ETag (`if-match`). When a retry of it answers 412 after an earlier try got
   * no answer, that earlier try may have stored the file: the part is delivered as
   * delivered with `MaybeStored` (the local MD5 as its presumed ETag), and completion decides.
   */
  singlePut?: boolean;
  signal: AbortSignal;
  /** Local clock: backoff budgets. */
  now?: () => number;
  /** The server's clock: URL expiry (default: `now`). */
  serverNow?: () => number;
  /** S3 holds the part: called with the bytes sent, before onPartDone (e.g. to record a hash). */
  onPartStored?: (part: PartRange, etag: string, body: PartBody) => Promise<void>;
  onPartDone: (part: PartRange, etag: string, maybeStored?: MaybeStored) => void;
  onRetry?: (part: PartRange, error: unknown, wait: RetryWait) => void;
}

/** Resolves when every part is sent; rejects with the first part that failed for good (the others stop). */
export async function sendParts(options: SendPartsOptions): Promise<void> {
  const queue = [...options.parts];
  const stop = new AbortController();
  const onOuterAbort = (): void => stop.abort(options.signal.reason);
  if (options.signal.aborted) throw abortError();
  options.signal.addEventListener('abort', onOuterAbort, { once: true });

  const signer = new PartUrlSigner({
    sign: options.sign,
    upcoming: () => queue.map((part) => part.partNumber),
    batchSize: options.signBatchSize,
    now: options.serverNow ?? options.now,
    presigned: options.presigned,
  });

  let firstError: Error | undefined;
  const worker = async (): Promise<void> => {
    // One buffer per worker, reused part after part (sources that read into memory only).
    const buffer = new PartBuffer();
    for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
      try {
        await sendOnePart(part, signer, buffer, stop.signal, options);
      } catch (error) {
        firstError ??= error instanceof Error ? error : new Error(String(error));
        stop.abort(error);
        return;
      }
    }
  };

  try {
    const workers = Math.max(1, Math.min(options.concurrency, queue.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    options.signal.removeEventListener('abort', onOuterAbort);
  }
  if (firstError !== undefined) throw firstError;
  if (options.signal.aborted) throw abortError();
}

/**
 * A worker's part buffer. Allocating a fresh part-sized buffer per part leaves the old ones to
 * the garbage collector, which lets them pile up (RSS several times the bytes in flight); one
 * buffer per part in flight keeps memory at concurrency × part size.
 */
class PartBuffer {
  private bytes: Uint8Array | null = null;

  async read(file: FileSource, part: PartRange): Promise<PartBody> {
    if (!file.readInto) return file.slice(part.start, part.end);
    const length = part.end - part.start;
    if (!this.bytes || this.bytes.byteLength < length) this.bytes = new Uint8Array(length);
    return file.readInto(part.start, part.end, this.bytes);
  }
}

/** A try got no answer (or a server error): its bytes may have been stored all the same. */
function mayHaveLanded(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof HttpError && error.status >= 500);
}

async function sendOnePart(
  part: PartRange,
  signer: PartUrlSigner,
  buffer: PartBuffer,
  signal: AbortSignal,
  options: SendPartsOptions,
): Promise<void> {
  // Read just before sending: at most `concurrency` parts are in memory at once.
  const signed = await signer.get(part.partNumber, signal);
  const body = await buffer.read(options.file, part);
  const checksum = options.partChecksums ? await partChecksum(body, options.file) : undefined;
  let current = signed;
  let resigns = 0;
  let unanswered = false;
  const streak = new FailureStreak({
    backoff: options.backoff,
    connectivity: options.connectivity,
    now: options.now,
  });
  for (;;) {
    if (signal.aborted) throw abortError();
    try {
      const { etag } = await options.sender.send({
        url: current.url,
        headers: checksum
          ? { ...current.headers, 'content-md5': checksum.base64 }
          : current.headers,
        body,
        signal,
        onProgress: (loaded) => options.progress.update(part.partNumber, loaded),
      });
      if (checksum) assertPartEtag(part.partNumber, checksum, etag);
      await options.onPartStored?.(part, etag, body);
      options.progress.complete(part.partNumber, part.end - part.start);
      options.onPartDone(part, etag);
      return;
    } catch (error) {
      options.progress.fail(part.partNumber);
      if (signal.aborted) throw error;
      if (options.singlePut && unanswered && error instanceof HttpError && error.status === 412) {
        // The condition failed because an earlier try of ours (whose answer was lost) wrote it.
        const md5 = checksum?.hex ?? (await digestBody(options.file, 'md5', body));
        options.progress.complete(part.partNumber, part.end - part.start);
        options.onPartDone(part, `"${md5}"`, {
          etagIsMd5: !opaqueEtagHeaders(current.headers),
        });
        return;
      }
      if (classifyFailure(error) === 'resign' && resigns < options.maxResigns) {
        resigns++;
        signer.invalidate(part.partNumber);
        current = await signer.get(part.partNumber, signal);
        continue;
      }
      unanswered ||= mayHaveLanded(error);
      await streak.wait(error, signal, (wait) => options.onRetry?.(part, error, wait));
      // The wait may have outlived the URL.
      current = await signer.get(part.partNumber, signal);
    }
  }
}
