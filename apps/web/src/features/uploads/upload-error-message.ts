// One sentence per upload failure, naming what a person can do about it.
import {
  EtagNotExposedError,
  FileChangedError,
  HttpError,
  NetworkError,
  UploadApiError,
  describeUploadError,
} from '@s3am/uploader';
import { i18n } from '../i18n/i18n';

export function uploadErrorMessage(error: unknown, where: string): string {
  if (error instanceof EtagNotExposedError) return i18n.t('uploads.messages.corsEtag');
  if (error instanceof NetworkError) {
    return i18n.t('uploads.messages.networkLost');
  }
  if (error instanceof UploadApiError) {
    const detail = error.detail ? ` (${error.detail})` : '';
    switch (error.code) {
      case 'GRANT_DENIED':
        return i18n.t('uploads.messages.grantDenied', { where });
      case 'UPLOAD_TOO_LARGE':
        return i18n.t('uploads.messages.tooLarge', { where, detail });
      case 'UPLOAD_TYPE_NOT_ALLOWED':
        return i18n.t('uploads.messages.typeNotAllowed', { where, detail });
      case 'QUOTA_EXCEEDED':
        return i18n.t('uploads.messages.quotaExceeded', { where, detail });
      case 'OBJECT_EXISTS':
        return i18n.t('uploads.messages.exists', { where });
      default:
        break;
    }
    const reason = error.detail ?? error.code ?? `HTTP ${error.status}`;
    if (error.status === 401) return i18n.t('uploads.messages.sessionEnded');
    if (error.status === 403) return i18n.t('uploads.messages.notAllowed', { reason });
    return i18n.t('uploads.messages.serverRefused', { reason });
  }
  if (error instanceof FileChangedError)
    return i18n.t('uploads.messages.fileChanged', { name: error.fileName });
  if (error instanceof HttpError) {
    if (error.status === 412) return i18n.t('uploads.messages.s3Exists');
    if (error.status === 403) return i18n.t('uploads.messages.s3PartRefused');
    return i18n.t('uploads.messages.s3Status', { status: error.status });
  }
  // What is left (a verification that failed) carries its own detailed English sentence.
  return describeUploadError(error);
}

/** Failures that only need the network back, so the upload resumes by itself when online. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof NetworkError;
}
