// The file operations that take a bucket, a prefix or an object apart (folder jobs, tags,
// metadata, restoring a version); move/copy, previews and versions call the client directly.
import type { FileOperation, FolderSummary, ObjectRef } from '@s3am/contracts';
import { api } from '../../api/api-client';
import type { BucketRef } from './files-api';

export function fetchFolderSummary(where: BucketRef, prefix: string): Promise<FolderSummary> {
  return api.folderSummary({ query: { ...where, prefix } });
}

export function deleteFolder(where: BucketRef, prefix: string): Promise<FileOperation> {
  return api.deleteFolder({ body: { ...where, prefix } });
}

export async function saveTags(ref: ObjectRef, tags: Record<string, string>): Promise<void> {
  await api.putObjectTags({ body: { ...ref, tags } });
}

export async function saveMetadata(
  ref: ObjectRef,
  metadata: Record<string, string>,
): Promise<void> {
  await api.putObjectMetadata({ body: { ...ref, metadata } });
}

export async function restoreVersion(ref: ObjectRef, versionId: string): Promise<void> {
  await api.restoreVersion({ body: { ...ref, versionId } });
}
