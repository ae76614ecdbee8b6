// A fingerprint that reads the file: its size and the SHA-256 of its first and last part-sized
// blocks. Recorded when an upload starts; a file whose fingerprint differs is not resumed into it.
import { digestRange } from './digests.js';
import { type FileSource } from './file-source.js';

export async function contentFingerprint(file: FileSource, blockSize: number): Promise<string> {
  const block = Math.max(1, Math.min(blockSize, file.size));
  const head = await digestRange(file, 0, Math.min(block, file.size), 'sha256');
  // One block covers a small file whole: no second read.
  const tail =
    file.size <= block ? head : await digestRange(file, file.size - block, file.size, 'sha256');
  return `sha256:${file.size}:${block}:${head}:${tail}`;
}

/** The block size a recorded fingerprint was taken with (to take the local one the same way). */
export function fingerprintBlockSize(fingerprint: string): number | undefined {
  const [scheme, , block] = fingerprint.split(':');
  const size = Number(block);
  return scheme === 'sha256' && Number.isSafeInteger(size) && size > 0 ? size : undefined;
}
