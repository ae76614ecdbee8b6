// What many keys of one bucket hold, from one listing per folder instead of one call per key (a
// batch of small files shares a few folders): whether each exists (before creating uploads) and
// its size and ETag (when completing them). Only the key range the batch spans is listed; a range
// too large to list in a few pages is left to the per-key calls, so a huge folder never costs
// more than before.
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

/** Pages (of up to 1,000 keys) one folder may take before its keys are checked one by one. */
const MAX_PAGES_PER_FOLDER = 5;

export interface ListedObject {
  size: number;
  etag: string;
}

function commonPrefix(keys: readonly string[]): string {
  let prefix = keys[0] ?? '';
  for (const key of keys) {
    let length = 0;
    while (length < prefix.length && length < key.length && prefix[length] === key[length])
      length++;
    prefix = prefix.slice(0, length);
  }
  return prefix;
}

/** S3 orders keys by their UTF-8 bytes (JavaScript compares UTF-16 units). */
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The objects whose keys sort from `first` to `last` (sorted, sharing `prefix`), or null when
 * that range holds more than a few pages: S3 lists in key order, so only the range is read.
 */
async function listRange(
  client: S3Client,
  bucket: string,
  prefix: string,
  first: string,
  last: string,
): Promise<Map<string, ListedObject> | null> {
  const objects = new Map<string, ListedObject>();
  // Exclusive, and sorts just before `first` (its own prefix): `first` itself is listed.
  const startAfter = first.length > prefix.length ? first.slice(0, -1) : undefined;
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES_PER_FOLDER; page++) {
    const answer = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ...(token ? { ContinuationToken: token } : { StartAfter: startAfter }),
      }),
    );
    let past = false;
    for (const object of answer.Contents ?? []) {
      if (!object.Key) continue;
      objects.set(object.Key, { size: object.Size ?? 0, etag: object.ETag ?? '' });
      past ||= byteOrder(object.Key, last) >= 0;
    }
    if (!answer.IsTruncated || past) return objects;
    token = answer.NextContinuationToken;
  }
  return null;
}

/**
 * For each key: what is stored there (null: nothing), or undefined when its folder was too large
 * to list (ask about that key on its own).
 */
export async function listedObjects(
  client: S3Client,
  bucket: string,
  keys: readonly string[],
): Promise<Map<string, ListedObject | null | undefined>> {
  const byFolder = new Map<string, string[]>();
  for (const key of keys) {
    const folder = key.slice(0, key.lastIndexOf('/') + 1);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), key]);
  }
  const result = new Map<string, ListedObject | null | undefined>();
  await Promise.all(
    [...byFolder.values()].map(async (group) => {
      const sorted = [...group].sort(byteOrder);
      const listed = await listRange(
        client,
        bucket,
        commonPrefix(sorted),
        sorted[0]!,
        sorted[sorted.length - 1]!,
      );
      for (const key of group) result.set(key, listed ? (listed.get(key) ?? null) : undefined);
    }),
  );
  return result;
}
