// The Uploads page's own reads through the typed client: my uploads (one page, or every unfinished
// one) and where I may upload.
import type { FileLocation, UploadList, UploadState, UploadView } from '@s3am/contracts';
import { api } from '../../api/api-client';

export function fetchMyUploads(
  state?: UploadState,
  options: { limit?: number; cursor?: string } = {},
): Promise<UploadList> {
  return api.listUploads({
    query: { state, limit: options.limit ?? 50, cursor: options.cursor },
  });
}

/** Every unfinished upload of mine (a few pages at most in practice). */
export async function fetchInProgressUploads(maxPages = 10): Promise<UploadView[]> {
  const all: UploadView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const list = await fetchMyUploads('in_progress', { limit: 200, cursor });
    all.push(...list.items);
    if (list.nextCursor === null) break;
    cursor = list.nextCursor;
  }
  return all;
}

/** Where I may upload (write grants; admins: every bucket); the API still checks every upload. */
export async function fetchUploadLocations(): Promise<FileLocation[]> {
  return (await api.fileLocations({ query: { action: 'write' } })).items;
}
