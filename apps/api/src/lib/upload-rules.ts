// What may be uploaded: size, extension and content-type limits from config, and the
// `name (1).ext` candidates tried when a key is taken and the caller asked for a new name.

export interface UploadLimits {
  maxSize: number;
  /** Lower-case extensions with their dot (`.pdf`); empty = any. */
  allowedExtensions: readonly string[];
  /** Content types, `image/*` wildcards allowed; empty = any. */
  allowedContentTypes: readonly string[];
}

export type UploadRefusal =
  | { reason: 'too_large'; limit: number }
  | { reason: 'extension'; allowed: readonly string[] }
  | { reason: 'content_type'; allowed: readonly string[] };

/** Parses a comma-separated config list (`.pdf, .CSV` → ['.pdf', '.csv']). */
export function parseList(value: string | undefined, normalize = (s: string) => s): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)
    .map(normalize);
}

export function extensionOf(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  // `.env` is a name, not an extension.
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function contentTypeMatches(pattern: string, contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return pattern.endsWith('/*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}

export function uploadRefusal(
  limits: UploadLimits,
  file: { key: string; size: number; contentType: string },
): UploadRefusal | undefined {
  if (file.size > limits.maxSize) return { reason: 'too_large', limit: limits.maxSize };
  if (
    limits.allowedExtensions.length > 0 &&
    !limits.allowedExtensions.includes(extensionOf(file.key))
  )
    return { reason: 'extension', allowed: limits.allowedExtensions };
  if (
    limits.allowedContentTypes.length > 0 &&
    !limits.allowedContentTypes.some((pattern) => contentTypeMatches(pattern, file.contentType))
  )
    return { reason: 'content_type', allowed: limits.allowedContentTypes };
  return undefined;
}

/** `dir/name.ext` → `dir/name (n).ext`, the way desktop file managers name copies. */
export function renamedKey(key: string, n: number): string {
  const slash = key.lastIndexOf('/') + 1;
  const name = key.slice(slash);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return `${key.slice(0, slash)}${stem} (${n})${ext}`;
}
