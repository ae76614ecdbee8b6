// The owner's side of share links and upload requests, where the web's name says more than the
// route's. A link's URL (holding its token) exists only in the create answer: it is shown once
// and never stored by the app.
import type {
  CreateShareRequest,
  CreateUploadRequestLink,
  CreatedShare,
  CreatedUploadRequestLink,
  ShareList,
  UploadRequestLinkList,
} from '@s3am/contracts';
import { api } from '../../api/api-client';

export function createShare(body: CreateShareRequest): Promise<CreatedShare> {
  return api.createShare({ body });
}

export function fetchShares(): Promise<ShareList> {
  return api.listShares();
}

export function revokeShare(id: string): Promise<void> {
  return api.revokeShare({ params: { id } });
}

export function createUploadRequest(
  body: CreateUploadRequestLink,
): Promise<CreatedUploadRequestLink> {
  return api.createUploadRequest({ body });
}

export function fetchUploadRequests(): Promise<UploadRequestLinkList> {
  return api.listUploadRequests();
}

export function revokeUploadRequest(id: string): Promise<void> {
  return api.closeUploadRequest({ params: { id } });
}

export function markRequestSeen(id: string): Promise<void> {
  return api.markUploadRequestSeen({ params: { id } });
}
