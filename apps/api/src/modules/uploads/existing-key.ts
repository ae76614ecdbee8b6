// The explicit policy for a key that already exists: refuse, overwrite, or take the first free
// `name (n).ext`. Uses ListObjectsV2 (s3:ListBucket), which least-privilege uploaders have.
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { ErrorCode, type ExistingKeyPolicy } from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import { MAX_KEY_BYTES } from '../../lib/key-rules.js';
import { renamedKey } from '../../lib/upload-rules.js';

/** Keys starting with `prefix`, up to `limit` of them. */
async function keysStartingWith(
  client: S3Client,
  bucket: string,
  prefix: string,
  limit: number,
): Promise<Set<string>> {
  const keys = new Set<string>();
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? []) if (object.Key) keys.add(object.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && keys.size < limit);
  return keys;
}

export async function resolveKey(
  client: S3Client,
  bucket: string,
  key: string,
  policy: ExistingKeyPolicy,
): Promise<string> {
  if (policy === 'overwrite') return key;
  const taken = await keysStartingWith(client, bucket, key, 1);
  if (!taken.has(key)) return key;
  if (policy === 'reject')
    throw new AppError(
      ErrorCode.OBJECT_EXISTS,
      `${key.slice(key.lastIndexOf('/') + 1)} already exists here. Choose overwrite or rename.`,
    );
  // Every `name (n).ext` shares the part before " (": one listing finds the taken numbers.
  const stemEnd = renamedKey(key, 1).lastIndexOf(' (');
  const candidates = await keysStartingWith(client, bucket, key.slice(0, stemEnd), 10_000);
  for (let n = 1; n <= candidates.size + 1; n++) {
    const candidate = renamedKey(key, n);
    if (!candidates.has(candidate)) {
      if (Buffer.byteLength(candidate) > MAX_KEY_BYTES)
        throw new AppError(ErrorCode.INVALID_KEY, 'The renamed key would be too long.');
      return candidate;
    }
  }
  throw new AppError(ErrorCode.OBJECT_EXISTS, 'No free name was found for this file.');
}
