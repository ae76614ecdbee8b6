// The server's upload limits (GET /api/uploads/limits) as people read them before picking a file,
// and the same rules checked before a file is queued (the API still checks every upload).
import { type UploadLimits } from '@s3am/contracts';
import { formatBytes } from '../common/format-bytes';
import { i18n } from '../i18n/i18n';

/** "Up to 5 TiB a file · .pdf, .png only · image/* only" */
export function describeUploadLimits(limits: UploadLimits): string {
  return [
    i18n.t('uploads.limits.maxSize', { size: formatBytes(limits.maxSize) }),
    limits.allowedExtensions.length
      ? i18n.t('uploads.limits.only', { list: limits.allowedExtensions.join(', ') })
      : null,
    limits.allowedContentTypes.length
      ? i18n.t('uploads.limits.only', { list: limits.allowedContentTypes.join(', ') })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  // ".env" is a name, not an extension (as the API reads it).
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

function typeMatches(pattern: string, type: string): boolean {
  const bare = type.split(';')[0]!.trim().toLowerCase();
  return pattern.endsWith('/*') ? bare.startsWith(pattern.slice(0, -1)) : bare === pattern;
}

/** Why the server would refuse this file, or null. */
export function limitRefusal(
  limits: UploadLimits,
  file: { name: string; size: number; type: string },
): string | null {
  if (file.size > limits.maxSize)
    return i18n.t('uploads.messages.largerThan', { size: formatBytes(limits.maxSize) });
  if (
    limits.allowedExtensions.length > 0 &&
    !limits.allowedExtensions.includes(extensionOf(file.name))
  )
    return i18n.t('uploads.messages.onlyExtensions', { list: limits.allowedExtensions.join(', ') });
  const type = file.type || 'application/octet-stream';
  if (
    limits.allowedContentTypes.length > 0 &&
    !limits.allowedContentTypes.some((pattern) => typeMatches(pattern, type))
  )
    return i18n.t('uploads.messages.onlyTypes', { list: limits.allowedContentTypes.join(', ') });
  return null;
}
