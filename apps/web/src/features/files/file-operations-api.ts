// API calls of the everyday file operations (move/copy, folder jobs, tags, metadata, versions,
// preview links) where they take a bucket, a prefix or an object apart, through the typed client.
import type {
  FileOperation,
  FolderSummary,
  MoveRequest,
  MoveResult,
  ObjectRef,
  ObjectVersions,
  PreviewLink,
} from '@s3am/contracts';
import { api } from '../../api/api-client';
import type { BucketRef } from './files-api';

export function moveOrCopy(request: MoveRequest): Promise<MoveResult> {
  return api.moveFiles({ body: request });
}

export function fetchFolderSummary(where: BucketRef, prefix: string): Promise<FolderSummary> {
  return api.folderSummary({ query: { ...where, prefix } });
}

export function deleteFolder(where: BucketRef, prefix: string): Promise<FileOperation> {
  return api.deleteFolder({ body: { ...where, prefix } });
}

export function fetchOperation(id: string): Promise<FileOperation> {
  return api.getFileOperation({ params: { id } });
}

export function fetchPreviewLink(
  ref: ObjectRef & { versionId?: string; disposition?: 'inline' | 'attachment' },
): Promise<PreviewLink> {
  return api.previewUrl({ body: ref });
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

export function fetchVersions(ref: ObjectRef): Promise<ObjectVersions> {
  return api.objectVersions({ query: ref });
}

export async function restoreVersion(ref: ObjectRef, versionId: string): Promise<void> {
  await api.restoreVersion({ body: { ...ref, versionId } });
}
