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
  fileLocations: route({
    method: 'GET',
    path: '/api/files/locations',
    query: FileLocationsQuery,
    response: FileLocations,
  }),
  listFiles: route({
    method: 'GET',
    path: '/api/files',
    query: ListFilesQuery,
    response: FileListing,
  }),
  objectDetails: route({
    method: 'GET',
    path: '/api/files/object',
    query: ObjectRef,
    response: ObjectDetails,
  }),
  downloadUrl: route({
    method: 'POST',
    path: '/api/files/download-url',
    body: DownloadLinkRequest,
    response: DownloadLink,
  }),
  deleteFiles: route({
    method: 'POST',
    path: '/api/files/delete',
    body: DeleteObjectsRequest,
    response: DeleteObjectsResult,
  }),
  createFolder: route({
    method: 'POST',
    path: '/api/files/folder',
    body: ObjectRef,
    response: 'none',
  }),
} as const;

export const uploadRoutes = {
  createUpload: route({
    method: 'POST',
    path: '/api/uploads',
    body: CreateUploadRequest,
    response: UploadView,
  }),
  createUploadBatch: route({
    method: 'POST',
    path: '/api/uploads/batch',
    body: CreateUploadBatchRequest,
    response: CreateUploadBatchResponse,
  }),
  completeUploadBatch: route({
    method: 'POST',
    path: '/api/uploads/batch/complete',
    body: CompleteUploadBatchRequest,
    response: CompleteUploadBatchResponse,
  }),
  listUploads: route({
    method: 'GET',
    path: '/api/uploads',
    query: ListUploadsQuery,
    response: UploadList,
  }),
  uploadLimits: route({ method: 'GET', path: '/api/uploads/limits', response: UploadLimits }),
  getUpload: route({ method: 'GET', path: '/api/uploads/:id', response: UploadView }),
  signUploadParts: route({
    method: 'POST',
    path: '/api/uploads/:id/parts',
    body: SignPartsRequest,
    response: SignedParts,
  }),
  listUploadParts: route({
    method: 'GET',
    path: '/api/uploads/:id/parts',
    query: ListPartsQuery,
    response: UploadedParts,
  }),
  completeUpload: route({
    method: 'POST',
    path: '/api/uploads/:id/complete',
    body: CompleteUploadRequest,
    response: UploadView,
  }),
  abortUpload: route({ method: 'DELETE', path: '/api/uploads/:id', response: 'none' }),
  sweepUploads: route({ method: 'POST', path: '/api/uploads/sweep', response: SweepReport }),
} as const;

/** Companion-compatible routes (cookie-authenticated): what Uppy's AwsS3 plugin calls. */
export const uppyRoutes = {
  uppyParams: route({
    method: 'GET',
    path: '/s3/params',
    query: UppyParamsQuery,
    response: UppyParamsResponse,
  }),
  uppyCreateMultipart: route({
    method: 'POST',
    path: '/s3/multipart',
    body: UppyCreateMultipartRequest,
    response: UppyCreateMultipartResponse,
  }),
  uppySignBatch: route({
    method: 'GET',
    path: '/s3/multipart/:uploadId/batch',
    query: UppyBatchQuery,
    response: UppyBatchResponse,
  }),
  uppySignPart: route({
    method: 'GET',
    path: '/s3/multipart/:uploadId/:partNumber',
    query: UppyKeyQuery,
    response: UppySignedPart,
  }),
  uppyListParts: route({
    method: 'GET',
    path: '/s3/multipart/:uploadId',
    query: UppyKeyQuery,
    response: UppyPartList,
  }),
  uppyComplete: route({
    method: 'POST',
    path: '/s3/multipart/:uploadId/complete',
    query: UppyKeyQuery,
    body: UppyCompleteRequest,
    response: UppyCompleteResponse,
  }),
  uppyAbort: route({
    method: 'DELETE',
    path: '/s3/multipart/:uploadId',
    query: UppyKeyQuery,
    response: z.object({}),
  }),
} as const;
