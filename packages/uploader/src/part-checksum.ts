// Optional per-part integrity: the part's MD5 goes up as Content-MD5 (S3 refuses a part whose
// bytes differ: BadDigest), and the ETag S3 answers must equal that MD5 (caught even by servers
// that ignore Content-MD5). Parts encrypted with SSE-KMS/SSE-C have other ETags: not compared.
import { digestBody } from './digests.js';
import { type FileSource } from './file-source.js';
import { type PartBody } from './part-sender.js';
import { PartChecksumError } from './upload-errors.js';

export interface PartChecksum {
  hex: string;
  base64: string;
}

function hexToBase64(hex: string): string {
  let binary = '';
  for (let i = 0; i < hex.length; i += 2)
    binary += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return btoa(binary);
}

/** The part's MD5, hashed by `file`'s platform when it can (node:crypto: no copy of the part). */
export async function partChecksum(
  body: PartBody,
  file?: Pick<FileSource, 'digestBody'>,
): Promise<PartChecksum> {
  const hex = await digestBody(file, 'md5', body);
  return { hex, base64: hexToBase64(hex) };
}

/** Throws when S3's ETag is a plain MD5 that differs from the part's. */
export function assertPartEtag(partNumber: number, checksum: PartChecksum, etag: string): void {
  const bare = etag.replace(/"/g, '').toLowerCase();
  if (/^[0-9a-f]{32}$/.test(bare) && bare !== checksum.hex)
    throw new PartChecksumError(partNumber, checksum.hex, bare);
}
