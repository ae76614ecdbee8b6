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
  createShare: route({
    method: 'POST',
    path: '/api/shares',
    body: CreateShareRequest,
    response: CreatedShare,
  }),
  listShares: route({ method: 'GET', path: '/api/shares', response: ShareList }),
  revokeShare: route({ method: 'DELETE', path: '/api/shares/:id', response: 'none' }),
  openShare: route({
    method: 'POST',
    path: '/api/public/shares/:token',
    body: OpenShareRequest,
    response: SharedContents,
    refreshOn401: false,
  }),
  shareDownload: route({
    method: 'POST',
    path: '/api/public/shares/:token/download',
    body: ShareDownloadRequest,
    response: ShareDownload,
    refreshOn401: false,
  }),
} as const;

const guest = '/api/public/upload-requests/:token' as const;

export const uploadRequestRoutes = {
  createUploadRequest: route({
    method: 'POST',
    path: '/api/upload-requests',
    body: CreateUploadRequestLink,
    response: CreatedUploadRequestLink,
  }),
  listUploadRequests: route({
    method: 'GET',
    path: '/api/upload-requests',
    response: UploadRequestLinkList,
  }),
  markUploadRequestSeen: route({
    method: 'POST',
    path: '/api/upload-requests/:id/seen',
    response: 'none',
  }),
  closeUploadRequest: route({
    method: 'DELETE',
    path: '/api/upload-requests/:id',
    response: 'none',
  }),
  guestUploadInfo: route({
    method: 'GET',
    path: guest,
    response: GuestUploadInfo,
    refreshOn401: false,
  }),
  guestCreateUpload: route({
    method: 'POST',
    path: `${guest}/uploads`,
    body: GuestCreateUpload,
    response: UploadView,
    refreshOn401: false,
  }),
  guestGetUpload: route({
    method: 'GET',
    path: `${guest}/uploads/:id`,
    response: UploadView,
    refreshOn401: false,
  }),
  guestSignParts: route({
    method: 'POST',
    path: `${guest}/uploads/:id/parts`,
    body: SignPartsRequest,
    response: SignedParts,
    refreshOn401: false,
  }),
  guestListParts: route({
    method: 'GET',
    path: `${guest}/uploads/:id/parts`,
    query: ListPartsQuery,
    response: UploadedParts,
    refreshOn401: false,
  }),
  guestCompleteUpload: route({
    method: 'POST',
    path: `${guest}/uploads/:id/complete`,
    body: CompleteUploadRequest,
    response: UploadView,
    refreshOn401: false,
  }),
  guestAbortUpload: route({
    method: 'DELETE',
    path: `${guest}/uploads/:id`,
    response: 'none',
    refreshOn401: false,
  }),
} as const;
