// The file being uploaded, read one byte range at a time (a browser Blob/File here; paths in node-file-source.ts).
import { type DigestAlgorithm } from './digests.js';
import { type PartBody } from './part-sender.js';

export interface FileSource {
  name: string;
  size: number;
  /** ms since epoch; part of the resume fingerprint. */
  lastModified: number;
  /** MIME type ("" when unknown). */
  type: string;
  /** Bytes [start, end): only this range is held in memory. */
  slice(start: number, end: number): Promise<PartBody>;
  /** Lower-case hex hash of bytes [start, end), when the source can hash faster than slice + JS. */
  digest?(start: number, end: number, algorithm: DigestAlgorithm): Promise<string>;
}

/** A browser File (or any Blob): slices are lazy, so nothing is read before it is sent. */
export function blobFileSource(
  blob: Blob,
  options: { name?: string; lastModified?: number } = {},
): FileSource {
  const file = blob as Blob & { name?: string; lastModified?: number };
  return {
    name: options.name ?? file.name ?? 'blob',
    size: blob.size,
    lastModified: options.lastModified ?? file.lastModified ?? 0,
    type: blob.type,
    slice: async (start, end) => blob.slice(start, end),
  };
}
