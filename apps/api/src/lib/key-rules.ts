// Object keys and grant prefixes: validation, and prefix matching on `/` boundaries.
// Keys are taken literally (never URL-decoded here), so `%2F` is three characters, not a slash.

export const MAX_KEY_BYTES = 1024;

export type KeyProblem =
  'empty' | 'leading_slash' | 'dot_segment' | 'empty_segment' | 'control_character' | 'too_long';

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
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) problems.push('too_long');
  return problems;
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
