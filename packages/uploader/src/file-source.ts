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
  /**
   * Reads bytes [start, end) into the start of `target` and returns that view. Sources that read
   * into memory (files on disk) offer it so the engine reuses one buffer per part in flight
   * instead of allocating (and later collecting) a new one for every part.
   */
  readInto?(start: number, end: number, target: Uint8Array): Promise<Uint8Array>;
  /**
   * Lower-case hex hash of bytes already read (a part being sent), where the platform hashes
   * natively and without copying them (node:crypto); else digests.ts hashes in JS.
   */
  digestBody?(body: PartBody, algorithm: DigestAlgorithm): Promise<string>;
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
