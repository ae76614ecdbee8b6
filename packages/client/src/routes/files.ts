// Files within my grants, and the upload protocol (our own and the Uppy-compatible routes).
import { z } from 'zod';
import {
  CompleteUploadBatchRequest,
  CompleteUploadBatchResponse,
  CompleteUploadRequest,
  CreateUploadBatchRequest,
  CreateUploadBatchResponse,
  CreateUploadRequest,
  DeleteObjectsRequest,
  DeleteObjectsResult,
  DownloadLink,
  DownloadLinkRequest,
  FileListing,
  FileLocations,
  FileLocationsQuery,
  ListFilesQuery,
  ListPartsQuery,
  ListUploadsQuery,
  ObjectDetails,
  ObjectRef,
  SignPartsRequest,
  SignedParts,
  SweepReport,
  UploadLimits,
  UploadList,
  UploadView,
  UploadedParts,
  UppyBatchQuery,
  UppyBatchResponse,
  UppyCompleteRequest,
  UppyCompleteResponse,
  UppyCreateMultipartRequest,
  UppyCreateMultipartResponse,
  UppyKeyQuery,
  UppyParamsQuery,
  UppyParamsResponse,
  UppyPartList,
  UppySignedPart,
} from '@s3am/contracts';
import { route } from '../route.js';

export const fileRoutes = {
  fileLocations: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/files/locations',
    query: FileLocationsQuery,
    response: FileLocations,
  }),
  listFiles: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/files',
    query: ListFilesQuery,
    response: FileListing,
  }),
  objectDetails: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/files/object',
    query: ObjectRef,
    response: ObjectDetails,
  }),
  downloadUrl: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/files/download-url',
    body: DownloadLinkRequest,
    response: DownloadLink,
  }),
  deleteFiles: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/files/delete',
    body: DeleteObjectsRequest,
    response: DeleteObjectsResult,
  }),
  createFolder: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/files/folder',
    body: ObjectRef,
    response: 'none',
  }),
} as const;

export const uploadRoutes = {
  createUpload: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/uploads',
    body: CreateUploadRequest,
    response: UploadView,
  }),
  createUploadBatch: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/uploads/batch',
    body: CreateUploadBatchRequest,
    response: CreateUploadBatchResponse,
  }),
  completeUploadBatch: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/uploads/batch/complete',
    body: CompleteUploadBatchRequest,
    response: CompleteUploadBatchResponse,
  }),
  listUploads: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/uploads',
    query: ListUploadsQuery,
    response: UploadList,
  }),
  uploadLimits: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/uploads/limits',
    response: UploadLimits,
  }),
  getUpload: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/uploads/:id',
    response: UploadView,
  }),
  signUploadParts: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/uploads/:id/parts',
    body: SignPartsRequest,
    response: SignedParts,
  }),
  listUploadParts: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/uploads/:id/parts',
    query: ListPartsQuery,
    response: UploadedParts,
  }),
  completeUpload: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/uploads/:id/complete',
    body: CompleteUploadRequest,
    response: UploadView,
  }),
  abortUpload: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/uploads/:id',
    response: 'none',
  }),
  sweepUploads: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/uploads/sweep',
    response: SweepReport,
  }),
} as const;

/** Companion-compatible routes (cookie-authenticated): what Uppy's AwsS3 plugin calls. */
export const uppyRoutes = {
  uppyParams: /* @__PURE__ */ route({
    method: 'GET',
    path: '/s3/params',
    query: UppyParamsQuery,
    response: UppyParamsResponse,
  }),
  uppyCreateMultipart: /* @__PURE__ */ route({
    method: 'POST',
    path: '/s3/multipart',
    body: UppyCreateMultipartRequest,
    response: UppyCreateMultipartResponse,
  }),
  uppySignBatch: /* @__PURE__ */ route({
    method: 'GET',
    path: '/s3/multipart/:uploadId/batch',
    query: UppyBatchQuery,
    response: UppyBatchResponse,
  }),
  uppySignPart: /* @__PURE__ */ route({
    method: 'GET',
    path: '/s3/multipart/:uploadId/:partNumber',
    query: UppyKeyQuery,
    response: UppySignedPart,
  }),
  uppyListParts: /* @__PURE__ */ route({
    method: 'GET',
    path: '/s3/multipart/:uploadId',
    query: UppyKeyQuery,
    response: UppyPartList,
  }),
  uppyComplete: /* @__PURE__ */ route({
    method: 'POST',
    path: '/s3/multipart/:uploadId/complete',
    query: UppyKeyQuery,
    body: UppyCompleteRequest,
    response: UppyCompleteResponse,
  }),
  uppyAbort: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/s3/multipart/:uploadId',
    query: UppyKeyQuery,
    response: /* @__PURE__ */ z.object({}),
  }),
} as const;
