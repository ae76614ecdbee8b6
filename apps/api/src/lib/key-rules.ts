// Object keys and grant prefixes: validation, and prefix matching on `/` boundaries.
// Keys are taken literally (never URL-decoded here), so `%2F` is three characters, not a slash.

export const MAX_KEY_BYTES = 1024;

export type KeyProblem =
  | 'empty'
  | 'leading_slash'
  | 'dot_segment'
  | 'empty_segment'
  | 'control_character'
  | 'unpaired_surrogate'
  | 'too_long';

/** A lone UTF-16 surrogate: no UTF-8 form exists, so S3 (and URL encoding) cannot carry it. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `value` is well-formed Unicode (String.prototype.isWellFormed, ES2024). */
export function isWellFormed(value: string): boolean {
  return !UNPAIRED_SURROGATE.test(value);
}

/** C0 control characters and DEL: invisible in listings, and some tools treat them specially. */
function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Reasons a key (or a folder key ending in `/`) is refused; empty when it is acceptable. */
export function keyProblems(key: string): KeyProblem[] {
  const problems: KeyProblem[] = [];
  if (key.length === 0) return ['empty'];
  if (key.startsWith('/')) problems.push('leading_slash');
  const segments = key.split('/');
  // A trailing slash names a folder; any other empty segment (`a//b`) is refused.
  const inner = key.endsWith('/') ? segments.slice(0, -1) : segments;
  if (inner.some((segment) => segment === '.' || segment === '..')) problems.push('dot_segment');
  if (inner.some((segment, index) => segment === '' && !(index === 0 && key.startsWith('/'))))
    problems.push('empty_segment');
  if (hasControlCharacter(key)) problems.push('control_character');
  if (!isWellFormed(key)) problems.push('unpaired_surrogate');
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) problems.push('too_long');
  return problems;
}

/**
 * Why uploading `size` bytes to `key` is refused, beyond keyProblems: a key ending in `/` names a
 * folder, and listings show it as one, so content there would be hidden from every listing.
 */
export function uploadKeyProblem(key: string, size: number): 'folder_key_with_content' | undefined {
  return key.endsWith('/') && size > 0 ? 'folder_key_with_content' : undefined;
}

/**
 * `name` cut to at most `maxBytes` UTF-8 bytes on code point boundaries (never inside a surrogate
 * pair), keeping a short extension so the file type survives: `very long….pdf`.
 */
export function truncateName(name: string, maxBytes: number): string {
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
  if (bytes(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let budget = maxBytes - bytes(extension);
  let stem = '';
  for (const char of extension ? name.slice(0, dot) : name) {
    budget -= bytes(char);
    if (budget < 0) break;
    stem += char;
  }
  return stem + extension;
}

/** A grant prefix in canonical form: '' (whole bucket) or segments ending in '/'. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, '');
  if (trimmed === '') return '';
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** Whether a grant on `prefix` covers `key`: `data/` covers `data/x` but never `data-other/x`. */
export function prefixCovers(prefix: string, key: string): boolean {
  const canonical = normalizePrefix(prefix);
  return canonical === '' || key.startsWith(canonical);
}
