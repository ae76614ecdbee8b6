// Fetches list thumbnails for the rows in view: requests made within a moment are signed together
// (POST /api/files/thumbnail-urls, up to 100 keys), then a few images are fetched at a time, so a
// screenful of photos costs one API call and a bounded number of downloads.
import { MAX_THUMBNAIL_KEYS } from '@s3am/contracts';
import { api } from '../../api/api-client';
import type { BucketRef } from './files-api';
import { cachedThumbnail, rememberThumbnail, thumbnailCacheKey } from './thumbnail-cache';
import { drawThumbnail } from './thumbnail-image';

export interface ThumbnailRequest {
  userId: string;
  where: BucketRef;
  key: string;
  name: string;
  size: number;
  etag: string | null;
}

interface Pending extends ThumbnailRequest {
  cacheKey: string;
  resolve: (url: string | null) => void;
}

const GATHER_MS = 40;
const PARALLEL_DOWNLOADS = 3;

const inFlight = new Map<string, Promise<string | null>>();
let waiting: Pending[] = [];
let gatherTimer: ReturnType<typeof setTimeout> | undefined;
const downloads: (() => Promise<void>)[] = [];
let activeDownloads = 0;

function pumpDownloads(): void {
  while (activeDownloads < PARALLEL_DOWNLOADS && downloads.length > 0) {
    const next = downloads.shift()!;
    activeDownloads++;
    void next().finally(() => {
      activeDownloads--;
      pumpDownloads();
    });
  }
}

async function download(item: Pending, url: string): Promise<void> {
  const abort = new AbortController();
  // A stalled storage connection must not hold a download slot for ever.
  const timer = setTimeout(() => abort.abort(), 30_000);
  try {
    const blob = await drawThumbnail(url, item.name, item.size, abort.signal);
    item.resolve(await rememberThumbnail(item.cacheKey, blob));
  } catch {
    // Not remembered: a network hiccup should not cost the thumbnail for good.
    item.resolve(null);
  } finally {
    clearTimeout(timer);
  }
}

async function sign(batch: Pending[]): Promise<void> {
  const first = batch[0]!;
  try {
    const signed = await api.thumbnailUrls({
      body: { ...first.where, keys: batch.map((item) => item.key) },
    });
    const urls = new Map(signed.items.map((i) => [i.key, i.url]));
    for (const item of batch) {
      const url = urls.get(item.key);
      if (url) downloads.push(() => download(item, url));
      else item.resolve(null);
    }
    pumpDownloads();
  } catch {
    for (const item of batch) item.resolve(null);
  }
}

function flush(): void {
  gatherTimer = undefined;
  const all = waiting;
  waiting = [];
  // One call per bucket and per 100 keys.
  const groups = new Map<string, Pending[]>();
  for (const item of all) {
    const group = `${item.where.connectionId}\u0000${item.where.bucket}`;
    groups.set(group, [...(groups.get(group) ?? []), item]);
  }
  for (const items of groups.values())
    for (let i = 0; i < items.length; i += MAX_THUMBNAIL_KEYS)
      void sign(items.slice(i, i + MAX_THUMBNAIL_KEYS));
}

/** An object URL of the thumbnail, or null when there is none (an icon is shown instead). */
export function loadThumbnail(request: ThumbnailRequest): Promise<string | null> {
  const cacheKey = thumbnailCacheKey({ ...request, ...request.where });
  const running = inFlight.get(cacheKey);
  if (running) return running;
  const promise = cachedThumbnail(cacheKey).then((cached) =>
    cached !== undefined
      ? cached
      : new Promise<string | null>((resolve) => {
          waiting.push({ ...request, cacheKey, resolve });
          gatherTimer ??= setTimeout(flush, GATHER_MS);
        }),
  );
  inFlight.set(cacheKey, promise);
  void promise.finally(() => inFlight.delete(cacheKey));
  return promise;
}
