// Where list thumbnails are kept: object URLs in memory for this page's life, and the small
// encoded images in IndexedDB across visits (nothing is stored server-side). Entries are keyed by
// user, object and ETag, so a changed object gets a new thumbnail and another account on this
// browser never sees one it did not fetch; sign-out clears the store.
import { clear, createStore, del, entries, get, set, type UseStore } from 'idb-keyval';

/** A thumbnail, or null for "this object has none" (too large, not decodable): not asked again. */
type Stored = { blob: Blob | null; at: number };

/** Enough for the folders a person browses; beyond it the oldest entries go. */
const MAX_STORED = 3000;
const PRUNE_EVERY = 100;

let store: UseStore | null | undefined;
function idb(): UseStore | null {
  if (store === undefined) {
    try {
      store = typeof indexedDB === 'undefined' ? null : createStore('s3am-thumbnails', 'images');
    } catch {
      store = null; // Private modes may refuse IndexedDB: memory still works.
    }
  }
  return store;
}

const memory = new Map<string, string | null>();
let writes = 0;

export function thumbnailCacheKey(parts: {
  userId: string;
  connectionId: string;
  bucket: string;
  key: string;
  etag: string | null;
  size: number;
}): string {
  const version = parts.etag ?? `size:${parts.size}`;
  return [parts.userId, parts.connectionId, parts.bucket, parts.key, version].join('\u0000');
}

/** An object URL, null (known to have none), or undefined (not cached). */
export async function cachedThumbnail(cacheKey: string): Promise<string | null | undefined> {
  if (memory.has(cacheKey)) return memory.get(cacheKey);
  const db = idb();
  if (!db) return undefined;
  const stored = await get<Stored>(cacheKey, db).catch(() => undefined);
  if (!stored) return undefined;
  const url = stored.blob ? URL.createObjectURL(stored.blob) : null;
  memory.set(cacheKey, url);
  return url;
}

async function prune(db: UseStore): Promise<void> {
  const all = await entries<string, Stored>(db);
  if (all.length <= MAX_STORED) return;
  const oldest = all.sort((a, b) => a[1].at - b[1].at).slice(0, all.length - MAX_STORED);
  await Promise.all(oldest.map(([key]) => del(key, db)));
}

export async function rememberThumbnail(
  cacheKey: string,
  blob: Blob | null,
): Promise<string | null> {
  const url = blob ? URL.createObjectURL(blob) : null;
  memory.set(cacheKey, url);
  const db = idb();
  if (db) {
    await set(cacheKey, { blob, at: Date.now() } satisfies Stored, db).catch(() => undefined);
    if (++writes % PRUNE_EVERY === 0) await prune(db).catch(() => undefined);
  }
  return url;
}

/** Forget every thumbnail (at sign-out: the next person on this browser starts empty). */
export async function clearThumbnailCache(): Promise<void> {
  for (const url of memory.values()) if (url) URL.revokeObjectURL(url);
  memory.clear();
  const db = idb();
  if (db) await clear(db).catch(() => undefined);
}
