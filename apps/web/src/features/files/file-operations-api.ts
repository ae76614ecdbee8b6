// API calls of the everyday file operations (move/copy, folder jobs, tags, metadata, versions,
// preview links), each answer parsed by its contract.
import {
  FileOperation,
  FolderSummary,
  MoveResult,
  ObjectVersions,
  PreviewLink,
  type MoveRequest,
  type ObjectRef,
} from '@s3am/contracts';
import { api } from '../../api/client';
import type { BucketRef } from './files-api';

export async function moveOrCopy(request: MoveRequest): Promise<MoveResult> {
  return MoveResult.parse((await api.post('/api/files/move', request)).data);
}

export async function fetchFolderSummary(where: BucketRef, prefix: string): Promise<FolderSummary> {
  const params = { ...where, prefix };
  return FolderSummary.parse((await api.get('/api/files/folder-summary', { params })).data);
}

export async function deleteFolder(where: BucketRef, prefix: string): Promise<FileOperation> {
  return FileOperation.parse(
    (await api.post('/api/files/delete-folder', { ...where, prefix })).data,
  );
}

export async function fetchOperation(id: string): Promise<FileOperation> {
  return FileOperation.parse((await api.get(`/api/files/operations/${id}`)).data);
}

export async function fetchPreviewLink(
  ref: ObjectRef & { versionId?: string; disposition?: 'inline' | 'attachment' },
): Promise<PreviewLink> {
  return PreviewLink.parse((await api.post('/api/files/preview-url', ref)).data);
}

export async function saveTags(ref: ObjectRef, tags: Record<string, string>): Promise<void> {
  await api.put('/api/files/tags', { ...ref, tags });
}

export async function saveMetadata(
  ref: ObjectRef,
  metadata: Record<string, string>,
): Promise<void> {
  await api.put('/api/files/metadata', { ...ref, metadata });
}

export async function fetchVersions(ref: ObjectRef): Promise<ObjectVersions> {
  return ObjectVersions.parse((await api.get('/api/files/versions', { params: ref })).data);
}

export async function restoreVersion(ref: ObjectRef, versionId: string): Promise<void> {
  await api.post('/api/files/restore-version', { ...ref, versionId });
}
