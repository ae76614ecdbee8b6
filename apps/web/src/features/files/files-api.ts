// The file browser's API calls where they shape the call or the answer (a bucket and a prefix
// instead of one query object, a link's URL instead of the link), through the typed client.
import type { FileListing, FileLocation, ObjectRef } from '@s3am/contracts';
import { api } from '../../api/api-client';

/** Where a listing happens: a connection's bucket. */
export type BucketRef = Pick<FileLocation, 'connectionId' | 'bucket'>;

export async function fetchLocations(): Promise<FileLocation[]> {
  return (await api.fileLocations()).items;
}

export function fetchListing(
  where: BucketRef,
  prefix: string,
  continuationToken?: string,
  maxKeys = 200,
): Promise<FileListing> {
  return api.listFiles({ query: { ...where, prefix, continuationToken, maxKeys } });
}

export async function fetchDownloadUrl(ref: ObjectRef): Promise<string> {
  return (await api.downloadUrl({ body: ref })).url;
}

export function deleteObjects(where: BucketRef, keys: string[]) {
  return api.deleteFiles({ body: { ...where, keys } });
}
