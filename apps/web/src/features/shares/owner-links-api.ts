// The owner's side of share links and upload requests: create, list, revoke, mark seen. Each
// answer is parsed by its contract. A link's URL (holding its token) exists only in the create
// answer: it is shown once and never stored by the app.
import {
  CreatedShare,
  CreatedUploadRequestLink,
  ShareList,
  UploadRequestLinkList,
  type CreateShareRequest,
  type CreateUploadRequestLink,
} from '@s3am/contracts';
import { api } from '../../api/client';

export async function createShare(body: CreateShareRequest): Promise<CreatedShare> {
  return CreatedShare.parse((await api.post('/api/shares', body)).data);
}

export async function fetchShares(): Promise<ShareList> {
  return ShareList.parse((await api.get('/api/shares')).data);
}

export async function revokeShare(id: string): Promise<void> {
  await api.delete(`/api/shares/${id}`);
}

export async function createUploadRequest(
  body: CreateUploadRequestLink,
): Promise<CreatedUploadRequestLink> {
  return CreatedUploadRequestLink.parse((await api.post('/api/upload-requests', body)).data);
}

export async function fetchUploadRequests(): Promise<UploadRequestLinkList> {
  return UploadRequestLinkList.parse((await api.get('/api/upload-requests')).data);
}

export async function revokeUploadRequest(id: string): Promise<void> {
  await api.delete(`/api/upload-requests/${id}`);
}

export async function markRequestSeen(id: string): Promise<void> {
  await api.post(`/api/upload-requests/${id}/seen`);
}
