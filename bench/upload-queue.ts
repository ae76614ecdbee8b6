// Benchmark: the Uploads page's main-thread script time as the queue grows. For 100, 200 and 400
// small files (1–4 KiB) picked at once, Chromium (Debian's, with the e2e suite's flags) uploads
// them to the local S3 server through the real stack, and the page's script time (CDP
// Performance metrics, ScriptDuration) is read from the pick until the queue says all are done.
// Per-file cost must not depend on queue length: the 400/100 ratio should stay ≤ 5 (4 is linear).
// Builds the web app into a directory of its own first. Prints one JSON document.
// Run: pnpm bench upload-queue (BENCH_SCREENSHOTS=<dir> also saves the Uploads page with 400
// files queued and the tray on the Dashboard, mid-upload).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page, type Route } from '@playwright/test';
import { ADMIN, repoRoot, startStack } from './support/stack.js';

const COUNTS = [100, 200, 400];
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

async function writeFiles(dir: string, prefix: string, count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `${prefix}-${i}.txt`);
    await writeFile(file, randomBytes(1024 + Math.floor(Math.random() * 3072)));
    files.push(file);
  }
  return files;
}

async function openUploads(browser: Browser, app: string): Promise<Page> {
  const page = await browser.newPage({ baseURL: app, viewport: { width: 1280, height: 900 } });
  await page.goto('/login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Dashboard/ }).waitFor();
  await page.getByRole('link', { name: 'Uploads' }).click();
  await page.getByText(/Files go to/).waitFor();
  await page.getByTestId('upload-limits').getByText(/Up to/).waitFor();
  return page;
}

/** Script time (s) the page spends from the pick until every file is uploaded. */
async function measure(browser: Browser, app: string, files: string[]) {
  const page = await openUploads(browser, app);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name: string) => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((entry) => entry.name === name)?.value ?? 0;
  };
  const [scriptBefore, taskBefore] = [await metric('ScriptDuration'), await metric('TaskDuration')];
  const started = performance.now();
  await page.getByTestId('upload-file-input').setInputFiles(files);
  await page
    .getByTestId('upload-overall')
    .getByText(`${files.length} of ${files.length} files done`)
    .waitFor({ timeout: 600_000 });
  const wallSeconds = (performance.now() - started) / 1000;
  const scriptSeconds = (await metric('ScriptDuration')) - scriptBefore;
  const taskSeconds = (await metric('TaskDuration')) - taskBefore;
  await page.context().close();
  return { files: files.length, scriptSeconds, taskSeconds, wallSeconds };
}

/** The Uploads page with 400 files queued, then the tray on the Dashboard, PUTs held meanwhile. */
async function screenshots(browser: Browser, app: string, files: string[], dir: string) {
  await mkdir(dir, { recursive: true });
  const page = await openUploads(browser, app);
  const held: Route[] = [];
  let passed = 0;
  await page.context().route(
    (url) => url.searchParams.has('X-Amz-Signature'),
    async (route) => {
      // Let some through so the queue shows progress, hold the rest.
      if (route.request().method() === 'PUT' && passed++ >= 40) held.push(route);
      else await route.continue();
    },
  );
  await page.getByTestId('upload-file-input').setInputFiles(files);
  await page
    .getByTestId('upload-overall')
    .getByText(/[1-9]\d* of 400 files done/)
    .waitFor();
  await page.screenshot({ path: path.join(dir, 'uploads-page-400-files.png'), fullPage: true });
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await page.getByTestId('upload-tray').waitFor();
  await page.screenshot({ path: path.join(dir, 'upload-tray.png') });
  await page
    .getByTestId('upload-tray')
    .screenshot({ path: path.join(dir, 'upload-tray-close.png') });
  for (const route of held) await route.abort().catch(() => undefined);
  await page.context().close();
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 's3am-bench-queue-'));
  await chmod(dataDir, 0o755);
  const webDist = path.join(dataDir, 'web-dist');
  const build = spawnSync(
    'pnpm',
    ['--filter', '@s3am/web', 'exec', 'vite', 'build', '--outDir', webDist, '--emptyOutDir'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (build.status !== 0) throw new Error('web build failed');
  const stack = await startStack(path.join(dataDir, 'stack'), { WEB_DIST_DIR: webDist });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const runs = [];
    for (const count of COUNTS) {
      const files = await writeFiles(path.join(dataDir, `files-${count}`), `q${count}`, count);
      runs.push(await measure(browser, stack.app, files));
    }
    const screenshotDir = process.env.BENCH_SCREENSHOTS;
    if (screenshotDir) {
      const files = await writeFiles(path.join(dataDir, 'files-shots'), 'shot', 400);
      await screenshots(browser, stack.app, files, path.resolve(screenshotDir));
    }
    const round = (value: number) => Math.round(value * 100) / 100;
    const first = runs[0]!;
    const last = runs[runs.length - 1]!;
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'upload-queue',
          browser: browser.version(),
          runs: runs.map((run) => ({
            files: run.files,
            scriptSeconds: round(run.scriptSeconds),
            taskSeconds: round(run.taskSeconds),
            wallSeconds: round(run.wallSeconds),
            scriptMsPerFile: round((run.scriptSeconds * 1000) / run.files),
          })),
          scriptRatio400to100: round(last.scriptSeconds / first.scriptSeconds),
          goalRatioAtMost: 5,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await browser.close();
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
