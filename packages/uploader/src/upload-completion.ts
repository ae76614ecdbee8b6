// Completes an upload with its parts in order; if the answer is lost, the server's record says
// whether it happened. Then checks that what is stored is this file.
import { type UploadView } from '@s3am/contracts';
import { verifyCompletedUpload } from './etag-check.js';
import { type MaybeStored } from './part-scheduler.js';
import { type PartRange } from './part-plan.js';
import { type UploadApi } from './transport.js';
import { UploadVerificationError } from './upload-errors.js';

/** ETags of every planned part, in part order (throws if one is missing: a scheduler bug). */
export function partEtagsInOrder(
  plan: readonly PartRange[],
  held: ReadonlyMap<number, string>,
): string[] {
  return plan.map((part) => {
    const etag = held.get(part.partNumber);
    if (etag === undefined) throw new Error(`Part ${part.partNumber} was never sent`);
    return etag;
  });
}

export async function completeUpload(options: {
  api: UploadApi;
  uploadId: string;
  plan: readonly PartRange[];
  partEtags: readonly string[];
  /** Wraps the call (retries). */
  call: <T>(operation: () => Promise<T>) => Promise<T>;
  /** Completes a single-PUT upload in a call shared with other small files. */
  completeSmall?: (uploadId: string, etag: string) => Promise<UploadView>;
}): Promise<UploadView> {
  const { api, uploadId, plan, partEtags, call, completeSmall } = options;
  const parts = plan.map((part, index) => ({
    partNumber: part.partNumber,
    etag: partEtags[index] ?? '',
  }));
  const [only] = parts;
  try {
    if (completeSmall && only && parts.length === 1)
      return await call(() => completeSmall(uploadId, only.etag));
    return await call(() => api.complete(uploadId, parts));
  } catch (error) {
    // A retried complete can fail because the first one succeeded and only its answer was lost.
    const current = await api.get(uploadId).catch(() => null);
    if (current?.state === 'completed') return current;
    throw error;
  }
}

/** Throws when the stored object is not this file (size always; the ETag where it can tell). */
export function verifyCompletion(
  completed: UploadView,
  options: {
    fileSize: number;
    partEtags: readonly string[];
    checkEtag: boolean;
    /** The single PUT's answer was lost: its presumed ETag is the local MD5 (part-scheduler.ts). */
    maybeStored: MaybeStored | undefined;
  },
): void {
  const { fileSize, partEtags, maybeStored } = options;
  const checkEtag = options.checkEtag && (maybeStored?.etagIsMd5 ?? true);
  try {
    verifyCompletedUpload(completed, { fileSize, partEtags, checkEtag });
  } catch (error) {
    if (!maybeStored || !(error instanceof UploadVerificationError)) throw error;
    throw new UploadVerificationError(
      `An object was already stored at ${completed.key} and it is not this file (S3 refused the retry of a PUT whose answer was lost, and the stored bytes differ).`,
    );
  }
}
