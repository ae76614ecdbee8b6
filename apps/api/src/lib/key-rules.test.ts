// Key validation and prefix matching: the rules every grant check stands on.
import { MAX_KEY_BYTES, keyProblems, normalizePrefix, prefixCovers } from './key-rules.js';

describe('keyProblems', () => {
  it.each([
    'report.pdf',
    'data/2026/report.pdf',
    'data/folder/',
    'ünïcødé/файл.txt',
    'with space/and%2Fpercent',
  ])('accepts %s', (key) => {
    expect(keyProblems(key)).toEqual([]);
  });

  it.each([
    ['', ['empty']],
    ['/etc/passwd', ['leading_slash']],
    ['data/../secret', ['dot_segment']],
    ['..', ['dot_segment']],
    ['data/./x', ['dot_segment']],
    ['data//x', ['empty_segment']],
    ['data/\u0000x', ['control_character']],
    ['line\nbreak', ['control_character']],
  ])('refuses %j', (key, expected) => {
    expect(keyProblems(key)).toEqual(expected);
  });

  it('counts UTF-8 bytes, not characters, against the 1024 limit', () => {
    expect(keyProblems('a'.repeat(MAX_KEY_BYTES))).toEqual([]);
    expect(keyProblems('é'.repeat(513))).toEqual(['too_long']); // 1026 bytes, 513 characters
  });

  it('does not decode percent-encoding: an encoded traversal is a literal name', () => {
    expect(keyProblems('data/%2E%2E/secret')).toEqual([]);
    expect(prefixCovers('data/', 'data/%2E%2E/secret')).toBe(true);
    expect(prefixCovers('secret/', 'data/%2E%2E/secret')).toBe(false);
  });
});

describe('prefixCovers', () => {
  it('matches on folder boundaries only', () => {
    expect(prefixCovers('data/', 'data/file.txt')).toBe(true);
    expect(prefixCovers('data/', 'data/sub/file.txt')).toBe(true);
    expect(prefixCovers('data/', 'data-other/file.txt')).toBe(false);
    expect(prefixCovers('data', 'data-other/file.txt')).toBe(false);
    expect(prefixCovers('data', 'data/file.txt')).toBe(true);
    expect(prefixCovers('data/', 'data')).toBe(false);
  });

  it('treats the empty prefix as the whole bucket', () => {
    expect(prefixCovers('', 'anything/at/all')).toBe(true);
    expect(normalizePrefix('/')).toBe('');
  });

  it('normalizes prefixes to end with a slash and drop leading ones', () => {
    expect(normalizePrefix('/data/2026')).toBe('data/2026/');
    expect(normalizePrefix('data/')).toBe('data/');
  });
});
