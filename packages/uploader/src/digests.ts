// MD5 and SHA-256 of a part or a byte range, as lower-case hex. A FileSource may hash its own
// ranges (NodeFileSource streams them through node:crypto); otherwise the range is read and hashed
// here: SHA-256 by crypto.subtle where it exists (secure contexts, Node), else sha256.ts; MD5 by
// spark-md5 (no platform offers MD5).
/// <reference lib="dom" />
import SparkMD5 from 'spark-md5';
import { type FileSource } from './file-source.js';
import { type PartBody } from './part-sender.js';
import { Sha256 } from './sha256.js';

export type DigestAlgorithm = 'md5' | 'sha256';

const SLICE = 4 * 1024 * 1024;

async function bytesOf(body: PartBody): Promise<Uint8Array> {
  return body instanceof Uint8Array ? body : new Uint8Array(await body.arrayBuffer());
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function md5Hex(body: PartBody): Promise<string> {
  const bytes = await bytesOf(body);
  const hasher = new SparkMD5.ArrayBuffer();
  // Feed in 4 MiB slices: spark-md5 copies its input, and parts reach 5 GiB.
  for (let offset = 0; offset < bytes.length; offset += SLICE)
    hasher.append(bytes.subarray(offset, offset + SLICE).slice().buffer);
  return hasher.end();
}

export async function sha256Hex(body: PartBody): Promise<string> {
  const bytes = await bytesOf(body);
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle) return hex(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  const hasher = new Sha256();
  for (let offset = 0; offset < bytes.length; offset += SLICE)
    hasher.update(bytes.subarray(offset, offset + SLICE));
  return hasher.hex();
}

export function digestHex(algorithm: DigestAlgorithm, body: PartBody): Promise<string> {
  return algorithm === 'md5' ? md5Hex(body) : sha256Hex(body);
}

/** Hash of bytes read from `file`: by the source's platform when it can (no copies), else here. */
export function digestBody(
  file: Pick<FileSource, 'digestBody'> | undefined,
  algorithm: DigestAlgorithm,
  body: PartBody,
): Promise<string> {
  return file?.digestBody ? file.digestBody(body, algorithm) : digestHex(algorithm, body);
}

/** Hash of the file's bytes [start, end): by the source itself when it can, else read and hashed here. */
export async function digestRange(
  file: FileSource,
  start: number,
  end: number,
  algorithm: DigestAlgorithm,
): Promise<string> {
  if (file.digest) return file.digest(start, end, algorithm);
  return digestHex(algorithm, await file.slice(start, end));
}
