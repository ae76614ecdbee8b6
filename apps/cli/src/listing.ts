// Walks a folder through the files API (page by page, into subfolders when recursive).
import { type ApiClient } from '@s3am/client';
import { type FileListing } from '@s3am/contracts';
import { type Location } from './locations.js';

export type ListedObject = FileListing['objects'][number];

/** A prefix to list: '' or ending in '/' (a bare name is taken as a folder). */
export function folderPrefix(path: string): string {
  return path === '' || path.endsWith('/') ? path : `${path}/`;
}

/** Every object (and folder, unless recursive) directly under or below `prefix`. */
export async function* walk(
  client: ApiClient,
  location: Location,
  prefix: string,
  recursive: boolean,
): AsyncGenerator<{ kind: 'object'; object: ListedObject } | { kind: 'folder'; prefix: string }> {
  const pending = [prefix];
  while (pending.length > 0) {
    const current = pending.shift()!;
    let continuationToken: string | undefined;
    do {
      const page = await client.listFiles({
        query: {
          connectionId: location.connectionId,
          bucket: location.bucket,
          prefix: current,
          maxKeys: 1000,
          ...(continuationToken ? { continuationToken } : {}),
        },
      });
      for (const folder of page.folders) {
        if (recursive) pending.push(folder.prefix);
        else yield { kind: 'folder', prefix: folder.prefix };
      }
      for (const object of page.objects) yield { kind: 'object', object };
      continuationToken = page.nextContinuationToken ?? undefined;
    } while (continuationToken);
  }
}
