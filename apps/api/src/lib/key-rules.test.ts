// Key validation and prefix matching: the rules every grant check stands on.
import {
  MAX_KEY_BYTES,
  isWellFormed,
  keyProblems,
  normalizePrefix,
  prefixCovers,
  truncateName,
  uploadKeyProblem,
} from './key-rules.js';

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
    ['clip-\uD83D.mp4', ['unpaired_surrogate']], // a long name cut inside an emoji
    ['data/\uDE00', ['unpaired_surrogate']],
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

describe('isWellFormed', () => {
  it('accepts surrogate pairs and refuses a lone half of one', () => {
    expect(isWellFormed('smile \uD83D\uDE00.png')).toBe(true);
    expect(isWellFormed('smile \uD83D.png')).toBe(false);
    expect(isWellFormed('\uDE00smile.png')).toBe(false);
    expect(isWellFormed('\uDE00\uD83D')).toBe(false);
  });
});

describe('uploadKeyProblem', () => {
  it('refuses content for a key ending in / (a folder), but not the empty folder marker', () => {
    expect(uploadKeyProblem('reports/', 5)).toBe('folder_key_with_content');
    expect(uploadKeyProblem('reports/', 0)).toBeUndefined();
    expect(uploadKeyProblem('reports/q1.pdf', 5)).toBeUndefined();
  });
});

describe('truncateName', () => {
  it('keeps names that fit', () => {
    expect(truncateName('report.pdf', 255)).toBe('report.pdf');
  });

  it('cuts on code points, never inside a surrogate pair, and keeps the extension', () => {
    const name = `${'\u{1F600}'.repeat(100)}.mp4`; // 100 emoji of 4 bytes each
    const cut = truncateName(name, 255);
    expect(isWellFormed(cut)).toBe(true);
    expect(cut.endsWith('.mp4')).toBe(true);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(255);
    expect(cut).toBe(`${'\u{1F600}'.repeat(62)}.mp4`); // 248 + 4 bytes
  });

  it('cuts a name without a short extension on code points too', () => {
    const cut = truncateName('é'.repeat(200), 255);
    expect(cut).toBe('é'.repeat(127));
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
