// The Content-Disposition a download is saved under (RFC 6266): a plain quoted `filename` that
// every client reads the same way, plus `filename*` (RFC 8187) whenever the plain form could be
// read as something else.

/**
 * Why a plain `filename="…"` is not enough: non-ASCII or control characters; `%XX`, which
 * Chromium percent-decodes (`100%41.txt` is saved as `100A.txt`); `=?…?=` (RFC 2047 encoded
 * words, which browsers also decode); and `"` or `\`, whose escaping some clients ignore.
 */
function plainFormIsAmbiguous(filename: string): boolean {
  return /[^\x20-\x7e]|[%"\\]|=\?/.test(filename);
}

/** RFC 8187 value: percent-encoded UTF-8 where only attr-chars stay literal. */
function extValue(filename: string): string {
  return encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment` under `filename` (a key's last segment; it must be well-formed Unicode). */
export function attachmentDisposition(filename: string): string {
  const name = filename === '' ? 'download' : filename;
  if (!plainFormIsAmbiguous(name)) return `attachment; filename="${name}"`;
  const fallback = name.replace(/[^\x20-\x7e]|[%"\\]/g, '_').replaceAll('=?', '=_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${extValue(name)}`;
}
