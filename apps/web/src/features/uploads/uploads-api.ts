// The Uploads page's own reads through the app's axios client: my uploads and where I may upload.
import {
  FileLocations,
  UploadList,
  type FileLocation,
  type UploadState,
  type UploadView,
} from '@s3am/contracts';
import { api } from '../../api/client';

export async function fetchMyUploads(
  state?: UploadState,
  options: { limit?: number; cursor?: string } = {},
): Promise<UploadList> {
  const response = await api.get('/api/uploads', {
    params: { state, limit: options.limit ?? 50, cursor: options.cursor },
  });
  return UploadList.parse(response.data);
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
  return FileLocations.parse(
    (await api.get('/api/files/locations', { params: { action: 'write' } })).data,
  ).items;
}

export async function abortUpload(uploadId: string): Promise<void> {
  await api.delete(`/api/uploads/${encodeURIComponent(uploadId)}`);
}
