import { extensionOf, parseList, renamedKey, uploadRefusal } from './upload-rules.js';

const open = { maxSize: 100, allowedExtensions: [], allowedContentTypes: [] };

describe('upload rules', () => {
  it('reads config lists, an unset one meaning any', () => {
    expect(parseList('pdf, .CSV,', (e) => (e.startsWith('.') ? e : `.${e}`))).toEqual([
      '.pdf',
      '.csv',
    ]);
    expect(parseList(undefined, (e) => `.${e}`)).toEqual([]);
  });

  it('refuses files over the size limit', () => {
    expect(uploadRefusal(open, { key: 'a.bin', size: 101, contentType: 'x/y' })).toEqual({
      reason: 'too_large',
      limit: 100,
    });
    expect(uploadRefusal(open, { key: 'a.bin', size: 100, contentType: 'x/y' })).toBeUndefined();
  });

  it('checks extensions case-insensitively, and names without one', () => {
    const limits = { ...open, allowedExtensions: parseList('.PDF, .csv') };
    expect(uploadRefusal(limits, { key: 'dir/Report.Pdf', size: 1, contentType: 'x' })).toBe(
      undefined,
    );
    expect(uploadRefusal(limits, { key: 'dir/.pdf', size: 1, contentType: 'x' })?.reason).toBe(
      'extension',
    );
    expect(extensionOf('a.b/c')).toBe('');
  });

  it('matches content types exactly or by wildcard, ignoring parameters', () => {
    const limits = { ...open, allowedContentTypes: ['image/*', 'text/csv'] };
    const check = (contentType: string) =>
      uploadRefusal(limits, { key: 'x', size: 1, contentType });
    expect(check('image/png')).toBeUndefined();
    expect(check('text/csv; charset=utf-8')).toBeUndefined();
    expect(check('text/plain')?.reason).toBe('content_type');
    expect(check('imagery/png')?.reason).toBe('content_type');
  });

  it('renames like a file manager', () => {
    expect(renamedKey('docs/report.pdf', 1)).toBe('docs/report (1).pdf');
    expect(renamedKey('docs/archive.tar.gz', 2)).toBe('docs/archive.tar (2).gz');
    expect(renamedKey('README', 3)).toBe('README (3)');
    expect(renamedKey('dir.v2/.env', 1)).toBe('dir.v2/.env (1)');
  });
});
