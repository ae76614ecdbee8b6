// One sentence per upload failure, naming what a person can do about it.
import {
  EtagNotExposedError,
  NetworkError,
  UploadApiError,
  describeUploadError,
} from '@s3am/uploader';

export const CORS_ETAG_MESSAGE =
  "The bucket's CORS rule must expose the ETag header; ask an admin to apply CORS on the Connections page.";

export function uploadErrorMessage(error: unknown, where: string): string {
  if (error instanceof EtagNotExposedError) return CORS_ETAG_MESSAGE;
  if (error instanceof NetworkError) {
    return 'The network connection was lost. Resume the upload when you are back online.';
  }
  if (error instanceof UploadApiError) {
    const detail = error.detail ? ` (${error.detail})` : '';
    switch (error.code) {
      case 'GRANT_DENIED':
        return `You have no permission to upload to ${where}. Ask an admin for a write grant.`;
      case 'UPLOAD_TOO_LARGE':
        return `This file is too large for ${where}${detail}.`;
      case 'UPLOAD_TYPE_NOT_ALLOWED':
        return `This type of file is not allowed in ${where}${detail}.`;
      case 'QUOTA_EXCEEDED':
        return `Not enough storage quota left for ${where}${detail}.`;
      case 'OBJECT_EXISTS':
        return `A file with this name already exists in ${where}. Choose "Rename" or "Overwrite" and upload it again.`;
      default:
        break;
    }
  }
  return describeUploadError(error);
}

/** Failures that only need the network back, so the upload resumes by itself when online. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof NetworkError;
}
