import { likeLiteral } from './like-pattern.js';

describe('likeLiteral', () => {
  it('escapes LIKE wildcards and the escape character', () => {
    expect(likeLiteral('100%')).toBe('100\\%');
    expect(likeLiteral('a_b')).toBe('a\\_b');
    expect(likeLiteral('c\\d')).toBe('c\\\\d');
    expect(likeLiteral('%_\\')).toBe('\\%\\_\\\\');
  });

  it('leaves other text alone', () => {
    expect(likeLiteral('alice@example.test')).toBe('alice@example.test');
  });
});
