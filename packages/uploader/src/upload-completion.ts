// Completes an upload with its parts in order; if the answer is lost, the server's record says whether it happened.
import { type UploadView } from '@s3am/contracts';
import { type PartRange } from './part-plan.js';
import { type UploadApi } from './transport.js';

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
