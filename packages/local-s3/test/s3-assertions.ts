// Small helpers shared by the conformance tests.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const MiB = 1024 * 1024;

export function bytes(size: number): Buffer {
  return randomBytes(size);
}

export function md5Hex(data: Buffer): string {
  return createHash('md5').update(data).digest('hex');
}

/** S3's multipart ETag: MD5 of the concatenated binary part MD5s, then `-<part count>`. */
export function multipartEtag(parts: Buffer[]): string {
  const digests = Buffer.concat(parts.map((part) => createHash('md5').update(part).digest()));
  return `"${createHash('md5').update(digests).digest('hex')}-${parts.length}"`;
}

export function uniqueKey(prefix = 'conformance'): string {
  return `${prefix}/${randomUUID()}.bin`;
}

interface S3ErrorShape {
  name?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Awaits a rejected SDK call and returns the S3 error code and HTTP status. */
export async function s3ErrorOf(
  promise: Promise<unknown>,
): Promise<{ code: string | undefined; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as S3ErrorShape;
    return { code: e.name, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the S3 call to fail, but it succeeded');
}
