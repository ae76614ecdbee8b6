// What kind of preview an object gets, and the content type its preview link answers with.
// Markup and scripts are answered as plain text, so a preview shows their source, never runs it.
import type { PreviewKind } from '@s3am/contracts';

const BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
  log: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  xml: 'application/xml',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  html: 'text/html',
  htm: 'text/html',
  js: 'text/javascript',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
};

const TEXT_TYPES = /^(text\/|application\/(json|xml|yaml|x-yaml|javascript|x-ndjson|csv|sql|toml))/;

/** The object's type as stored, or guessed from its extension when storage says nothing useful. */
export function effectiveContentType(key: string, stored: string | undefined | null): string {
  const base = stored?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (base && base !== 'application/octet-stream' && base !== 'binary/octet-stream') return base;
  const extension = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return BY_EXTENSION[extension] ?? 'application/octet-stream';
}

export function previewKindOf(contentType: string): PreviewKind {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType === 'application/pdf') return 'pdf';
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType.startsWith('video/')) return 'video';
  if (TEXT_TYPES.test(contentType)) return 'text';
  return 'none';
}

/** The content type a preview link asks storage to answer with (`response-content-type`). */
export function previewResponseType(kind: PreviewKind, contentType: string): string {
  if (kind === 'text') return 'text/plain; charset=utf-8';
  if (kind === 'none') return 'application/octet-stream';
  return contentType;
}
