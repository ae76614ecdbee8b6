// The built SPA as the API serves it: hashed assets cached for a year as immutable and sent as the
// brotli or gzip copy the build wrote beside them when the browser accepts one; the document and
// other files revalidated every time. A small dist of our own stands in for the Vite build.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestApp, testTmpDir, type TestContext } from '../../test/test-app.js';
import { IMMUTABLE_CACHE_CONTROL } from './web-app.js';

const APP_JS = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};\n`;
const STYLE_CSS = 'body{margin:0}\n';

let ctx: TestContext;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(path.join(testTmpDir(), 'web-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-Bx1.js"></script></body></html>',
  );
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(dist, 'assets', 'app-Bx1.js'), APP_JS);
  await writeFile(path.join(dist, 'assets', 'app-Bx1.js.br'), brotliCompressSync(APP_JS));
  await writeFile(path.join(dist, 'assets', 'app-Bx1.js.gz'), gzipSync(APP_JS));
  // Too small to be worth compressing: the build writes no copies for it.
  await writeFile(path.join(dist, 'assets', 'style-Cc2.css'), STYLE_CSS);
  ctx = await createTestApp({ env: { WEB_DIST_DIR: dist } });
});
afterAll(() => ctx.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'GET', url, headers });

describe('hashed assets', () => {
  it('are sent as the brotli copy to a browser that accepts br, cached as immutable', async () => {
    const response = await get('/assets/app-Bx1.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(response.rawPayload.length).toBeLessThan(APP_JS.length / 10);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(APP_JS);
  });

  it('are sent as the gzip copy to a browser that accepts only gzip', async () => {
    const response = await get('/assets/app-Bx1.js', { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(gunzipSync(response.rawPayload).toString()).toBe(APP_JS);
  });

  it('are sent as they are to a client that accepts no encoding, still immutable', async () => {
    const response = await get('/assets/app-Bx1.js', { 'accept-encoding': 'identity' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(response.body).toBe(APP_JS);
  });

  it('without compressed copies are sent as they are, immutable', async () => {
    const response = await get('/assets/style-Cc2.css', { 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-type']).toMatch(/text\/css/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(response.body).toBe(STYLE_CSS);
  });

  it('keep the security headers', async () => {
    const response = await get('/assets/app-Bx1.js', { 'accept-encoding': 'br' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('have no address of their own for the compressed copies, nor for unknown names', async () => {
    for (const url of ['/assets/app-Bx1.js.br', '/assets/app-Bx1.js.gz', '/assets/gone-Zz9.js']) {
      const response = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.headers['cache-control']).not.toBe(IMMUTABLE_CACHE_CONTROL);
    }
  });
});

describe('everything else of the SPA is revalidated', () => {
  it.each([
    ['the document', '/'],
    ['a client-side route', '/files?prefix=photos%2F'],
    ['a file outside assets/', '/favicon.svg'],
  ])('%s (%s)', async (_what, url) => {
    const response = await get(url, { 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('the document is the index file, with the page CSP', async () => {
    const response = await get('/uploads', { 'accept-encoding': 'br, gzip' });
    expect(response.body).toContain('<div id="root">');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-security-policy']).toContain('connect-src');
  });
});

describe('rate limits', () => {
  // A budget of 3 requests a minute, for the caller and for the whole address.
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestApp({
      env: { WEB_DIST_DIR: dist, RATE_LIMIT_MAX: '3', RATE_LIMIT_IP_MAX: '3' },
    });
  });
  afterAll(() => limited.close());
  const fetch = (url: string) =>
    limited.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });

  it('spend no budget on the files a page load fetches, but count documents and unknown paths', async () => {
    for (let load = 0; load < 10; load++) {
      for (const url of ['/assets/app-Bx1.js', '/assets/style-Cc2.css', '/favicon.svg']) {
        expect((await fetch(url)).statusCode).toBe(200);
      }
    }
    const documents = [];
    for (const url of ['/', '/files', '/assets/gone-Zz9.js', '/uploads']) {
      documents.push((await fetch(url)).statusCode);
    }
    expect(documents).toEqual([200, 200, 404, 429]);
  });
});
