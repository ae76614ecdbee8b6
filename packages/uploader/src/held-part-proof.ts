// Before parts S3 already holds are reused, proof that the local file's bytes are the ones S3
// holds, part by part: the MD5 of the local part equals the part's ETag when ETags are plain
// MD5s, otherwise the SHA-256 recorded when the part was sent (with the same ETag) equals the
// local part's. Every held part is checked (cost: one read of the held bytes, see bench/).
import { digestRange } from './digests.js';
import { normalizeEtag } from './etag-check.js';
import { type FileSource } from './file-source.js';
import { type PartRange } from './part-plan.js';
import { type ResumeRecord } from './resume-store.js';
import { abortError } from './upload-errors.js';

const PLAIN_MD5 = /^[0-9a-f]{32}$/;

export type HeldPartsProof =
  /** `proven`: parts to reuse; held parts that could not be proven are left out (sent again). */
  | { matches: true; proven: Map<number, string> }
  | { matches: false; partNumber: number; reason: string };

export interface ProveOptions {
  file: FileSource;
  plan: readonly PartRange[];
  /** partNumber → ETag, from ListParts (sizes already checked). */
  held: ReadonlyMap<number, string>;
  /** This destination's resume record; undefined for an upload started elsewhere. */
  record: ResumeRecord | undefined;
  /** ETags this task itself got from S3 for these bytes in this session: no need to read again. */
  sentThisSession?: ReadonlyMap<number, string>;
  signal?: AbortSignal;
  onProgress?: (checkedBytes: number, totalBytes: number) => void;
}

export async function proveHeldParts(options: ProveOptions): Promise<HeldPartsProof> {
  const { file, plan, held, record, signal } = options;
  const parts = plan.filter((part) => held.has(part.partNumber));
  const totalBytes = parts.reduce((sum, part) => sum + part.end - part.start, 0);
  let checkedBytes = 0;
  const proven = new Map<number, string>();
  for (const part of parts) {
    if (signal?.aborted) throw abortError();
    const etag = held.get(part.partNumber)!;
    const bare = normalizeEtag(etag);
    const recorded = record?.partHashes?.[String(part.partNumber)];
    const ours = options.sentThisSession?.get(part.partNumber);
    if (ours !== undefined && normalizeEtag(ours) === bare) {
      proven.set(part.partNumber, etag);
    } else if (recorded && normalizeEtag(recorded.etag) === bare) {
      const local = await digestRange(file, part.start, part.end, 'sha256');
      if (local !== recorded.sha256)
        return mismatch(
          part.partNumber,
          'its SHA-256 differs from the one recorded when it was sent',
        );
      proven.set(part.partNumber, etag);
    } else if (record?.etagKind !== 'opaque' && PLAIN_MD5.test(bare)) {
      const local = await digestRange(file, part.start, part.end, 'md5');
      if (local !== bare)
        return mismatch(part.partNumber, `its MD5 ${local} differs from the ETag ${bare}`);
      proven.set(part.partNumber, etag);
    }
    // Else nothing can prove it (opaque ETag, no hash recorded): not reused, sent again.
    checkedBytes += part.end - part.start;
    options.onProgress?.(checkedBytes, totalBytes);
  }
  return { matches: true, proven };
}

function mismatch(partNumber: number, why: string): HeldPartsProof {
  return { matches: false, partNumber, reason: `part ${partNumber} of the local file: ${why}` };
}
