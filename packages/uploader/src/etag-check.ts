// Checks the object S3 assembled: its size, and its ETag against the part ETags we sent.
import SparkMD5 from 'spark-md5';
import { type UploadView } from '@s3am/contracts';
import { UploadVerificationError } from './upload-errors.js';

const PLAIN_MD5 = /^[0-9a-f]{32}$/i;

/** S3 sends ETags quoted ("…"), sometimes weak (W/"…"); compare them bare and lower-case. */
export function normalizeEtag(etag: string): string {
  return etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * The ETag S3 gives a multipart object: md5 of the concatenated binary part MD5s, then "-N".
 * Null when some part ETag is not a plain MD5 (e.g. SSE-C), so nothing can be predicted.
 */
export function expectedMultipartEtag(partEtags: readonly string[]): string | null {
  const bare = partEtags.map(normalizeEtag);
  if (bare.length === 0 || !bare.every((etag) => PLAIN_MD5.test(etag))) return null;
  const joined = new Uint8Array(bare.length * 16);
  bare.forEach((etag, index) => joined.set(hexToBytes(etag), index * 16));
  return `${SparkMD5.ArrayBuffer.hash(joined.buffer)}-${bare.length}`;
}

export interface VerifyOptions {
  fileSize: number;
  /** ETags of parts 1..N in order. */
  partEtags: readonly string[];
  /** Compare ETags too (default true); sizes are always compared. */
  checkEtag?: boolean;
}

/** Throws UploadVerificationError when the completed object is not what we uploaded. */
export function verifyCompletedUpload(view: UploadView, options: VerifyOptions): void {
  if (view.size !== options.fileSize) {
    throw new UploadVerificationError(
      `The stored object has ${view.size} bytes but the file has ${options.fileSize}: the upload is corrupt.`,
    );
  }
  if (options.checkEtag === false || view.etag === null) return;
  const actual = normalizeEtag(view.etag);
  const expected =
    view.mode === 'single'
      ? options.partEtags.length === 1 && options.partEtags[0] !== undefined
        ? normalizeEtag(options.partEtags[0])
        : null
      : expectedMultipartEtag(options.partEtags);
  if (expected !== null && actual !== expected) {
    throw new UploadVerificationError(
      `The stored object's ETag ${actual} differs from the ${expected} its parts add up to: the upload is corrupt.`,
    );
  }
}
