// The file browser's API calls, each answer parsed by its contract.
import {
  DeleteObjectsResult,
  DownloadLink,
  FileListing,
  FileLocations,
  ObjectDetails,
  UploadLimits,
  type FileLocation,
  type ObjectRef,
} from '@s3am/contracts';
import { api } from '../../api/client';

/** Where a listing happens: a connection's bucket. */
export type BucketRef = Pick<FileLocation, 'connectionId' | 'bucket'>;

export async function fetchLocations(): Promise<FileLocation[]> {
  return FileLocations.parse((await api.get('/api/files/locations')).data).items;
}

export async function fetchListing(
  where: BucketRef,
  prefix: string,
  continuationToken?: string,
  maxKeys = 200,
): Promise<FileListing> {
  const params = { ...where, prefix, continuationToken, maxKeys };
  return FileListing.parse((await api.get('/api/files', { params })).data);
}

export async function fetchObjectDetails(ref: ObjectRef): Promise<ObjectDetails> {
  return ObjectDetails.parse((await api.get('/api/files/object', { params: ref })).data);
}

export async function fetchDownloadUrl(ref: ObjectRef): Promise<string> {
  return DownloadLink.parse((await api.post('/api/files/download-url', ref)).data).url;
}

export async function deleteObjects(where: BucketRef, keys: string[]) {
  return DeleteObjectsResult.parse((await api.post('/api/files/delete', { ...where, keys })).data);
}

export async function createFolder(ref: ObjectRef): Promise<void> {
  await api.post('/api/files/folder', ref);
}

/** What the server accepts, shown before a file is picked. */
export async function fetchUploadLimits(): Promise<UploadLimits> {
  return UploadLimits.parse((await api.get('/api/uploads/limits')).data);
}
