// Presigned GETs for the Files page's list thumbnails: the browser fetches (a range of) each image
// from storage itself and shrinks it; nothing is drawn or stored on the server. One call covers a
// screenful of rows, so it checks the grants once and writes one audit event.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ThumbnailUrls, ThumbnailUrlsRequest } from '@s3am/contracts';
import { keyProblems, prefixCovers } from '../../lib/key-rules.js';
import { findConnection } from '../connections/connections.service.js';
import { browserFacing, s3ClientFor } from '../connections/s3-client.js';
import { authorize, effectivePermissions, type Caller } from '../grants/permissions.service.js';
import { auditObject, type FileOpsDeps } from './file-ops-deps.js';

export type ThumbnailDeps = Omit<FileOpsDeps, 'enqueueFolderOperation' | 'copyLimits'>;

/**
 * Raster types a browser decodes into a bitmap. SVG is left out on purpose: it is markup, and the
 * link is answered with the type named here.
 */
const THUMBNAIL_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

export function thumbnailTypeOf(key: string): string | undefined {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? THUMBNAIL_TYPES[name.slice(dot + 1).toLowerCase()] : undefined;
}

/** The folder all keys share, for the audit record. */
function commonFolder(keys: readonly string[]): string {
  let folder = keys[0]?.slice(0, keys[0].lastIndexOf('/') + 1) ?? '';
  for (const key of keys)
    while (!key.startsWith(folder))
      folder = folder.slice(0, folder.slice(0, -1).lastIndexOf('/') + 1);
  return folder;
}

/** Every key must be readable; the first one that is not is refused (and audited) by authorize. */
async function authorizeReads(
  deps: ThumbnailDeps,
  caller: Caller,
  input: ThumbnailUrlsRequest,
  now: Date,
): Promise<void> {
  const covered =
    caller.role === 'admin'
      ? () => true
      : await effectivePermissions(deps.db, caller.userId, now).then(
          (permissions) => (key: string) =>
            permissions.entries.some(
              (entry) =>
                entry.connectionId === input.connectionId &&
                entry.bucket === input.bucket &&
                entry.actions.includes('read') &&
                prefixCovers(entry.prefix, key),
            ),
        );
  // authorize() throws the precise refusal (INVALID_KEY, or GRANT_DENIED audited); it is called
  // only for a key that fails here, so a screenful of readable keys costs one grants lookup.
  for (const key of input.keys)
    if (keyProblems(key).length > 0 || !covered(key))
      await authorize(deps.db, caller, { ...input, key, action: 'read' }, now);
}

export async function thumbnailUrls(
  deps: ThumbnailDeps,
  caller: Caller,
  input: ThumbnailUrlsRequest,
): Promise<ThumbnailUrls> {
  const now = deps.clock();
  await authorizeReads(deps, caller, input, now);
  const connection = await findConnection(deps.db, input.connectionId);
  const signer = s3ClientFor(browserFacing(connection), deps);
  const ttl = Math.min(deps.previewTtlSeconds, deps.downloadTtlSeconds);
  const keys = [...new Set(input.keys)];
  const items: ThumbnailUrls['items'] = [];
  const skipped: string[] = [];
  for (const key of keys) {
    const type = thumbnailTypeOf(key);
    if (!type) {
      skipped.push(key);
      continue;
    }
    const url = await getSignedUrl(
      signer,
      new GetObjectCommand({
        Bucket: input.bucket,
        Key: key,
        ResponseContentType: type,
        ResponseContentDisposition: 'inline',
      }),
      { expiresIn: ttl, signingDate: now },
    );
    items.push({ key, url });
  }
  if (items.length > 0)
    await auditObject(
      deps,
      caller,
      'files.thumbnail_links',
      { ...input, key: commonFolder(items.map((item) => item.key)) },
      { count: items.length },
    );
  return { expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(), items, skipped };
}
