// Download names: plain ASCII stays one quoted filename; anything a browser could decode into
// another name (percent escapes, encoded words, quotes, non-ASCII) also gets filename*.
import { attachmentDisposition } from './content-disposition.js';

describe('attachmentDisposition', () => {
  it.each(['report.txt', 'Q1 report (final).pdf', "it's here.txt", 'a;b,c.txt'])(
    'keeps the plain form for %j',
    (name) => {
      expect(attachmentDisposition(name)).toBe(`attachment; filename="${name}"`);
    },
  );

  it.each([
    [
      '100%41 report.txt',
      `attachment; filename="100_41 report.txt"; filename*=UTF-8''100%2541%20report.txt`,
    ],
    [
      '%2e%2e%2fetc.txt',
      `attachment; filename="_2e_2e_2fetc.txt"; filename*=UTF-8''%252e%252e%252fetc.txt`,
    ],
    [
      '=?UTF-8?B?ZXZpbC5leGU=?=',
      `attachment; filename="=_UTF-8?B?ZXZpbC5leGU=_="; filename*=UTF-8''%3D%3FUTF-8%3FB%3FZXZpbC5leGU%3D%3F%3D`,
    ],
    ['say "hi".txt', `attachment; filename="say _hi_.txt"; filename*=UTF-8''say%20%22hi%22.txt`],
    ['back\\slash.txt', `attachment; filename="back_slash.txt"; filename*=UTF-8''back%5Cslash.txt`],
    ['résumé.pdf', `attachment; filename="r_sum_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`],
    [
      "l'été (1).txt",
      `attachment; filename="l'_t_ (1).txt"; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%281%29.txt`,
    ],
  ])('adds filename* for %j', (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });

  it('decodes back to the exact name (RFC 8187)', () => {
    for (const name of ['100%41 report.txt', '😀 smile.png', "l'été (1)*.txt"]) {
      const ext = /filename\*=UTF-8''(.+)$/.exec(attachmentDisposition(name))?.[1] ?? '';
      expect(decodeURIComponent(ext)).toBe(name);
      expect(ext).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    }
  });

  it('names a download whose key has no last segment', () => {
    expect(attachmentDisposition('')).toBe('attachment; filename="download"');
  });
});
