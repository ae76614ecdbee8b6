// Sends a list of parts with bounded concurrency, per-part retries with backoff, and re-signing on expiry.
import { type SignedParts } from '@s3am/contracts';
import { type FileSource } from './file-source.js';
import { assertPartEtag, partChecksum } from './part-checksum.js';
import { type PartSender } from './part-sender.js';
import { PartUrlSigner } from './part-signer.js';
import { type PartRange } from './part-plan.js';
import { type TransferProgress } from './progress.js';
import { classifyFailure, retryDelay, sleep, type BackoffOptions } from './retry.js';
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
  /** Re-signs allowed per part after "Request has expired" before giving up. */
  maxResigns: number;
  /** Send Content-MD5 and compare S3's ETag with it (see part-checksum.ts). */
  partChecksums?: boolean;
  signal: AbortSignal;
  now?: () => number;
  onPartDone: (part: PartRange, etag: string) => void;
  onRetry?: (part: PartRange, error: unknown, delayMs: number) => void;
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
  let retries = 0;
  let resigns = 0;
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
      options.progress.complete(part.partNumber, part.end - part.start);
      options.onPartDone(part, etag);
      return;
    } catch (error) {
      options.progress.fail(part.partNumber);
      if (signal.aborted) throw error;
      const decision = classifyFailure(error);
      if (decision === 'resign' && resigns < options.maxResigns) {
        resigns++;
        signer.invalidate(part.partNumber);
        current = await signer.get(part.partNumber, signal);
        continue;
      }
      if (decision !== 'retry' || retries + 1 >= options.backoff.maxAttempts) throw error;
      const delay = retryDelay(error, retries, options.backoff);
      retries++;
      options.onRetry?.(part, error, delay);
      await sleep(delay, signal);
      // The wait may have outlived the URL.
      current = await signer.get(part.partNumber, signal);
    }
  }
}
