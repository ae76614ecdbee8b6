// Share links and upload requests: the owner's routes and the public ones a link's holder calls
// (no account; the token in the path is the credential, so these never refresh).
import {
  CompleteUploadRequest,
  CreateShareRequest,
  CreateUploadRequestLink,
  CreatedShare,
  CreatedUploadRequestLink,
  GuestCreateUpload,
  GuestUploadInfo,
  ListPartsQuery,
  OpenShareRequest,
  ShareDownload,
  ShareDownloadRequest,
  ShareList,
  SharedContents,
  SignPartsRequest,
  SignedParts,
  UploadRequestLinkList,
  UploadView,
  UploadedParts,
} from '@s3am/contracts';
import { route } from '../route.js';

export const shareRoutes = {
  createShare: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/shares',
    body: CreateShareRequest,
    response: CreatedShare,
  }),
  listShares: /* @__PURE__ */ route({ method: 'GET', path: '/api/shares', response: ShareList }),
  revokeShare: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/shares/:id',
    response: 'none',
  }),
  openShare: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/public/shares/:token',
    body: OpenShareRequest,
    response: SharedContents,
    refreshOn401: false,
  }),
  shareDownload: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/public/shares/:token/download',
    body: ShareDownloadRequest,
    response: ShareDownload,
    refreshOn401: false,
  }),
} as const;

export const uploadRequestRoutes = {
  createUploadRequest: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/upload-requests',
    body: CreateUploadRequestLink,
    response: CreatedUploadRequestLink,
  }),
  listUploadRequests: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/upload-requests',
    response: UploadRequestLinkList,
  }),
  markUploadRequestSeen: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/upload-requests/:id/seen',
    response: 'none',
  }),
  closeUploadRequest: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/upload-requests/:id',
    response: 'none',
  }),
  guestUploadInfo: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/public/upload-requests/:token',
    response: GuestUploadInfo,
    refreshOn401: false,
  }),
  guestCreateUpload: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/public/upload-requests/:token/uploads',
    body: GuestCreateUpload,
    response: UploadView,
    refreshOn401: false,
  }),
  guestGetUpload: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/public/upload-requests/:token/uploads/:id',
    response: UploadView,
    refreshOn401: false,
  }),
  guestSignParts: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/public/upload-requests/:token/uploads/:id/parts',
    body: SignPartsRequest,
    response: SignedParts,
    refreshOn401: false,
  }),
  guestListParts: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/public/upload-requests/:token/uploads/:id/parts',
    query: ListPartsQuery,
    response: UploadedParts,
    refreshOn401: false,
  }),
  guestCompleteUpload: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/public/upload-requests/:token/uploads/:id/complete',
    body: CompleteUploadRequest,
    response: UploadView,
    refreshOn401: false,
  }),
  guestAbortUpload: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/public/upload-requests/:token/uploads/:id',
    response: 'none',
    refreshOn401: false,
  }),
} as const;
