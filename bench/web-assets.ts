// Benchmark: what the web app costs a browser. Builds the SPA (into a scratch folder, so a running
// stack's dist is left alone), starts the real API on it (embedded PostgreSQL, as `pnpm start`),
// and opens the sign-in page in Chromium, recording every response over CDP: which JS files it
// loads (raw, gzip and brotli bytes of each, from the build's own .gz/.br copies), the bytes that
// crossed the network and how they were encoded, then the same on a repeat visit (immutable
// assets come from the cache). Also: a signed-out visit to / (redirected to sign-in), every built
// asset together, and the caching headers of assets and of the document.
// Prints one JSON document. Run: pnpm bench web-assets (BENCH_WEB_DIST=dir skips the build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession } from '@playwright/test';
import { repoRoot, startStack, type Stack } from './support/stack.js';

const LOGIN_GZIP_GOAL = 250_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

interface Fetched {
  url: string;
  type: string;
  status: number;
  encoding: string | null;
  cacheControl: string | null;
  /** Bytes received over the network for it (headers included); 0 when served from a cache. */
  transferred: number;
  fromCache: boolean;
}

function buildWeb(outDir: string): void {
  const result = spawnSync(
    'pnpm',
    ['--filter', '@s3am/web', 'exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) throw new Error(`web build failed (${result.status})`);
}

/** Sizes of a built file: its own bytes and its .gz/.br copies (compressed here where none). */
async function sizesOf(file: string): Promise<Sizes> {
  const raw = await readFile(file);
  const copy = async (suffix: string, make: () => Buffer) =>
    existsSync(file + suffix) ? (await stat(file + suffix)).size : make().length;
  return {
    raw: raw.length,
    gzip: await copy('.gz', () => gzipSync(raw, { level: 9 })),
    brotli: await copy('.br', () =>
      brotliCompressSync(raw, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY },
      }),
    ),
  };
}

function sum(list: Sizes[]): Sizes {
  return list.reduce(
    (total, s) => ({
      raw: total.raw + s.raw,
      gzip: total.gzip + s.gzip,
      brotli: total.brotli + s.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** Every response of the page over CDP, until the network has been idle. */
async function record(cdp: CDPSession, visit: () => Promise<void>): Promise<Fetched[]> {
  const byId = new Map<string, Fetched>();
  // Announced before the response itself.
  const servedFromCache = new Set<string>();
  const onResponse = (event: {
    requestId: string;
    type?: string;
    response: {
      url: string;
      status: number;
      headers: Record<string, string>;
      fromDiskCache?: boolean;
      fromMemoryCache?: boolean;
    };
  }) => {
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    byId.set(event.requestId, {
      url: event.response.url,
      type: event.type ?? 'Other',
      status: event.response.status,
      encoding: headers['content-encoding'] ?? null,
      cacheControl: headers['cache-control'] ?? null,
      transferred: 0,
      fromCache:
        servedFromCache.has(event.requestId) ||
        Boolean(event.response.fromDiskCache || event.response.fromMemoryCache),
    });
  };
  const onServedFromCache = (event: { requestId: string }) => {
    servedFromCache.add(event.requestId);
    const fetched = byId.get(event.requestId);
    if (fetched) fetched.fromCache = true;
  };
  const onFinished = (event: { requestId: string; encodedDataLength: number }) => {
    const fetched = byId.get(event.requestId);
    if (fetched) fetched.transferred = event.encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.requestServedFromCache', onServedFromCache);
  cdp.on('Network.loadingFinished', onFinished);
  try {
    await visit();
  } finally {
    cdp.off('Network.responseReceived', onResponse);
    cdp.off('Network.requestServedFromCache', onServedFromCache);
    cdp.off('Network.loadingFinished', onFinished);
  }
  return [...byId.values()];
}

async function describeVisit(fetched: Fetched[], webDist: string) {
  const scripts = fetched.filter((f) => f.type === 'Script' || /\.m?js(\?|$)/.test(f.url));
  const files = await Promise.all(
    scripts.map(async (script) => {
      const file = path.join(webDist, new URL(script.url).pathname);
      return { path: new URL(script.url).pathname, ...(await sizesOf(file)), ...script };
    }),
  );
  const hashed = files.filter((f) => f.path.startsWith('/assets/'));
  return {
    jsFiles: files.length,
    js: sum(files),
    jsOverNetwork: files.reduce((total, f) => total + f.transferred, 0),
    jsFromCache: files.filter((f) => f.fromCache).length,
    encodings: Object.fromEntries(
      [...new Set(hashed.map((f) => f.encoding ?? 'none'))].map((e) => [
        e,
        hashed.filter((f) => (f.encoding ?? 'none') === e).length,
      ]),
    ),
    requests: fetched.length,
    files: files.map((f) => ({
      path: f.path,
      raw: f.raw,
      gzip: f.gzip,
      brotli: f.brotli,
      encoding: f.encoding,
      transferred: f.transferred,
      fromCache: f.fromCache,
    })),
  };
}

async function allAssets(webDist: string) {
  const names = (await readdir(path.join(webDist, 'assets'))).filter((name) =>
    /\.(m?js|css)$/.test(name),
  );
  const sizes = await Promise.all(names.map((name) => sizesOf(path.join(webDist, 'assets', name))));
  return { files: names.length, ...sum(sizes) };
}

async function visitSignIn(browser: Browser, base: string, webDist: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const signInShown = async (url: string) => {
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  };
  const first = await record(cdp, () => signInShown(`${base}/login`));
  const repeat = await record(cdp, () => signInShown(`${base}/login`));
  await context.close();

  // A fresh browser (empty cache) that opens the app's address while signed out.
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  const freshCdp = await fresh.newCDPSession(freshPage);
  await freshCdp.send('Network.enable');
  const root = await record(freshCdp, async () => {
    await freshPage.goto(`${base}/`, { waitUntil: 'networkidle' });
    await freshPage.getByRole('button', { name: 'Sign in' }).waitFor();
  });
  await fresh.close();

  const documentOf = (fetched: Fetched[]) => fetched.find((f) => f.type === 'Document');
  return {
    login: await describeVisit(first, webDist),
    loginRepeatVisit: await describeVisit(repeat, webDist),
    signedOutRoot: await describeVisit(root, webDist),
    headers: {
      assets: [
        ...new Set(first.filter((f) => f.url.includes('/assets/')).map((f) => f.cacheControl)),
      ],
      document: documentOf(first)?.cacheControl ?? null,
    },
  };
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 's3am-bench-web-'));
  await chmod(scratch, 0o755); // the embedded PostgreSQL runs as `postgres` when we are root
  const webDist = process.env.BENCH_WEB_DIST ?? path.join(scratch, 'dist');
  if (!process.env.BENCH_WEB_DIST) buildWeb(webDist);
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  try {
    stack = await startStack(path.join(scratch, 'data'), { WEB_DIST_DIR: webDist });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const visits = await visitSignIn(browser, stack.app, webDist);
    const immutable = visits.headers.assets.every((value) => /\bimmutable\b/.test(value ?? ''));
    const result = {
      benchmark: 'web-assets',
      loginPage: {
        jsFiles: visits.login.jsFiles,
        jsBytes: visits.login.js,
        jsBytesOverNetwork: visits.login.jsOverNetwork,
        encodings: visits.login.encodings,
        gzipGoalBytes: LOGIN_GZIP_GOAL,
        gzipGoalMet: visits.login.js.gzip <= LOGIN_GZIP_GOAL,
        files: visits.login.files,
      },
      loginPageRepeatVisit: {
        jsFiles: visits.loginRepeatVisit.jsFiles,
        jsFromCache: visits.loginRepeatVisit.jsFromCache,
        jsBytesOverNetwork: visits.loginRepeatVisit.jsOverNetwork,
        files: visits.loginRepeatVisit.files.map(({ path, transferred, fromCache }) => ({
          path,
          transferred,
          fromCache,
        })),
      },
      signedOutRoot: {
        jsFiles: visits.signedOutRoot.jsFiles,
        jsBytes: visits.signedOutRoot.js,
        files: visits.signedOutRoot.files.map((f) => f.path),
      },
      totalAssets: await allAssets(webDist),
      caching: {
        assetsCacheControl: visits.headers.assets,
        assetsImmutable: visits.headers.assets.length > 0 && immutable,
        documentCacheControl: visits.headers.document,
        documentNoCache: visits.headers.document === 'no-cache',
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser?.close();
    await stack?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
