// Sends a list of parts with bounded concurrency, per-part retries with backoff, and re-signing on expiry.
import { type SignedParts } from '@s3am/contracts';
import { type FileSource } from './file-source.js';
import { assertPartEtag, partChecksum } from './part-checksum.js';
import { type PartSender } from './part-sender.js';
import { PartUrlSigner } from './part-signer.js';
import { type PartRange } from './part-plan.js';
import { type PartBody } from './part-sender.js';
import { type TransferProgress } from './progress.js';
import {
  FailureStreak,
  classifyFailure,
  type BackoffOptions,
  type Connectivity,
  type RetryWait,
} from './retry.js';
import { abortError } from './upload-errors.js';

export interface SendPartsOptions {
  parts: readonly PartRange[];
  file: FileSource;
  sender: PartSender;
  sign: (partNumbers: number[], signal?: AbortSignal) => Promise<SignedParts>;
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
  signal: AbortSignal;
  now?: () => number;
  /** S3 holds the part: called with the bytes sent, before onPartDone (e.g. to record a hash). */
  onPartStored?: (part: PartRange, etag: string, body: PartBody) => Promise<void>;
  onPartDone: (part: PartRange, etag: string) => void;
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
    now: options.now,
  });

  let firstError: Error | undefined;
  const worker = async (): Promise<void> => {
    for (let part = queue.shift(); part !== undefined; part = queue.shift()) {
      try {
        await sendOnePart(part, signer, stop.signal, options);
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

async function sendOnePart(
  part: PartRange,
  signer: PartUrlSigner,
  signal: AbortSignal,
  options: SendPartsOptions,
): Promise<void> {
  // Read just before sending: at most `concurrency` parts are in memory at once.
  const signed = await signer.get(part.partNumber, signal);
  const body = await options.file.slice(part.start, part.end);
  const checksum = options.partChecksums ? await partChecksum(body) : undefined;
  let current = signed;
  let resigns = 0;
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
      if (classifyFailure(error) === 'resign' && resigns < options.maxResigns) {
        resigns++;
        signer.invalidate(part.partNumber);
        current = await signer.get(part.partNumber, signal);
        continue;
      }
      await streak.wait(error, signal, (wait) => options.onRetry?.(part, error, wait));
      // The wait may have outlived the URL.
      current = await signer.get(part.partNumber, signal);
    }
  }
}
