// The catalog stays out of bundles that do not use it (the web sign-in page imports only ApiError
// from this package): rolldown drops a route spec only when its route() call is marked pure, so
// every call in routes/ must carry the mark. A missing one would pull every contract back in.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const routesDir = path.resolve(__dirname, 'routes');
const files = readdirSync(routesDir).filter((name) => name.endsWith('.ts'));

describe('route catalog tree-shaking', () => {
  it.each(files)('marks every route() call in %s as pure', (name) => {
    const source = readFileSync(path.join(routesDir, name), 'utf8');
    const unmarked = source
      .split('\n')
      .map((line, index) => ({ line, number: index + 1 }))
      .filter(({ line }) => !line.trimStart().startsWith('//'))
      .filter(({ line }) => /\broute\(/.test(line) && !line.includes('/* @__PURE__ */ route('))
      .map(({ number, line }) => `${name}:${number}: ${line.trim()}`);
    expect(unmarked).toEqual([]);
  });
});
