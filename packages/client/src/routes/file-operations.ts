// File operations within my grants: move/rename/copy, folder deletes as jobs, tags, metadata,
// versions, preview links and list thumbnails.
import {
  FileOperation,
  FolderRef,
  FolderSummary,
  MoveRequest,
  MoveResult,
  ObjectVersions,
  PreviewLink,
  PreviewUrlRequest,
  PutMetadataRequest,
  PutMetadataResult,
  PutTagsRequest,
  PutTagsResult,
  RestoreVersionRequest,
  RestoreVersionResult,
  ThumbnailUrls,
  ThumbnailUrlsRequest,
  VersionsQuery,
} from '@s3am/contracts';
import { route } from '../route.js';

export const fileOperationRoutes = {
  /** 200 when done at once, 202 when queued as a job (`operationId` to follow). */
  moveFiles: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/files/move',
    body: MoveRequest,
    response: MoveResult,
  }),
  folderSummary: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/files/folder-summary',
    query: FolderRef,
    response: FolderSummary,
  }),
  deleteFolder: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/files/delete-folder',
    body: FolderRef,
    response: FileOperation,
  }),
  getFileOperation: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/files/operations/:id',
    response: FileOperation,
  }),
  putObjectTags: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/files/tags',
    body: PutTagsRequest,
    response: PutTagsResult,
  }),
  putObjectMetadata: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/files/metadata',
    body: PutMetadataRequest,
    response: PutMetadataResult,
  }),
  objectVersions: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/files/versions',
    query: VersionsQuery,
    response: ObjectVersions,
  }),
  restoreVersion: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/files/restore-version',
    body: RestoreVersionRequest,
    response: RestoreVersionResult,
  }),
  previewUrl: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/files/preview-url',
    body: PreviewUrlRequest,
    response: PreviewLink,
  }),
  thumbnailUrls: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/files/thumbnail-urls',
    body: ThumbnailUrlsRequest,
    response: ThumbnailUrls,
  }),
} as const;
