// One sentence per upload failure, naming what a person can do about it, in the chosen language.
// The engine tells the failures apart (uploadFailureOf); the API's codes that name the
// destination are worded here.
import { EtagNotExposedError, NetworkError, UploadApiError, uploadFailureOf } from '@s3am/uploader';
import { i18n } from '../i18n/i18n';

export function uploadErrorMessage(error: unknown, where: string): string {
  if (error instanceof EtagNotExposedError) return i18n.t('uploads.messages.corsEtag');
  if (error instanceof NetworkError) return i18n.t('uploads.messages.networkLost');
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
  }
  const failure = uploadFailureOf(error);
  switch (failure.kind) {
    case 'fileChanged':
      return i18n.t('uploads.messages.fileChanged', { name: failure.name });
    case 'sessionEnded':
      return i18n.t('uploads.messages.sessionEnded');
    case 'notAllowed':
      return i18n.t('uploads.messages.notAllowed', { reason: failure.reason });
    case 'serverRefused':
      return i18n.t('uploads.messages.serverRefused', { reason: failure.reason });
    case 's3Exists':
      return i18n.t('uploads.messages.s3Exists');
    case 's3PartRefused':
      return i18n.t('uploads.messages.s3PartRefused');
    case 's3Status':
      return i18n.t('uploads.messages.s3Status', { status: failure.status });
    case 'network':
      return i18n.t('uploads.messages.networkLost');
    case 'sentence':
      // A failed verification carries its own detailed English sentence.
      return failure.text;
  }
}

/** Failures that only need the network back, so the upload resumes by itself when online. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof NetworkError;
}
