// `pnpm screenshots`: the README's pictures of the main pages, taken from the real product so they
// stay current. Starts `pnpm start`'s server on a fresh embedded PostgreSQL (a scratch DATA_DIR),
// fills it a little through the API and the browser, and writes docs/<page>.png with Chromium.
//   CHROMIUM=/path/to/chromium pnpm screenshots     (default /usr/bin/chromium)
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = path.join(repoRoot, 'docs');
const ADMIN = { email: 'admin@example.com', password: 'harbour-violet-lantern-47' };
const VIEWPORT = { width: 1280, height: 760 };

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The server as `pnpm start` runs it; resolves with its URL once the banner is printed. */
async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      LOCAL_S3_PORT: '0',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Stop with Ctrl-C')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function api<T>(url: string, token: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Some people, a grant and a failed sign-in, so Permissions and Audit have rows to show. */
async function seed(app: string): Promise<{ token: string; connectionId: string }> {
  const login = await fetch(`${app}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { accessToken: token } = (await login.json()) as { accessToken: string };
  const { items } = await api<{ items: { id: string; managedLocal: boolean }[] }>(
    `${app}/api/connections`,
    token,
    'GET',
  );
  const connectionId = items.find((connection) => connection.managedLocal)?.id ?? '';
  const people = [
    { email: 'maria.lopez@example.com', role: 'uploader', prefix: 'marketing/' },
    { email: 'sam.okafor@example.com', role: 'viewer', prefix: 'reports/' },
    { email: 'jun.tanaka@example.com', role: 'uploader', prefix: 'datasets/' },
  ];
  for (const person of people) {
    const { user } = await api<{ user: { id: string } }>(`${app}/api/users`, token, 'POST', {
      email: person.email,
      role: person.role,
    });
    await api(`${app}/api/grants`, token, 'POST', {
      userId: user.id,
      connectionId,
      bucket: 'uploads',
      prefix: person.prefix,
      actions: person.role === 'viewer' ? ['list', 'read'] : ['list', 'read', 'write'],
    });
  }
  await fetch(`${app}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'sam.okafor@example.com', password: 'not-the-password' }),
  });
  return { token, connectionId };
}

function sampleFiles(dir: string): string[] {
  const files: [string, number][] = [
    ['quarterly-report-2026-q3.pdf', 2_400_000],
    ['product-launch-banner.png', 850_000],
    ['customer-survey-results.csv', 120_000],
    ['field-recording-0142.wav', 5_200_000],
    ['design-review-notes.md', 18_000],
  ];
  return files.map(([name, size]) => {
    const file = path.join(dir, name);
    writeFileSync(file, Buffer.alloc(size, name.length));
    return file;
  });
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: path.join(docsDir, `${name}.png`) });
  console.log(`docs/${name}.png`);
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 's3am-screenshots-'));
  // As root the embedded PostgreSQL runs as user "postgres", which must reach its data dir.
  chmodSync(scratch, 0o755);
  const server = await startServer(path.join(scratch, 'data'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const { token, connectionId } = await seed(server.url);
    const page = await browser.newPage({ baseURL: server.url, viewport: VIEWPORT });
    await page.goto('/login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    // A few finished uploads, then a big one slowed down so its progress shows.
    // Tall enough for the queue below the drop zone.
    await page.setViewportSize({ width: VIEWPORT.width, height: 1060 });
    await page.goto('/uploads');
    await page.getByRole('heading', { name: 'Uploads' }).waitFor();
    await page.getByTestId('upload-file-input').setInputFiles(sampleFiles(scratch));
    await page.getByText('5 of 5 files done').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Clear finished' }).click();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 4 * 1024 * 1024,
    });
    const big = path.join(scratch, 'site-backup-2026-11.tar');
    writeFileSync(big, Buffer.alloc(256 * 1024 * 1024, 7));
    const medium = path.join(scratch, 'interview-footage-raw.mp4');
    writeFileSync(medium, Buffer.alloc(48 * 1024 * 1024, 3));
    await page.getByTestId('upload-file-input').setInputFiles([medium, big]);
    // The queue's summary reads "… · N %"-style progress: wait until a real share has gone up.
    await page.waitForFunction(
      () => {
        const match = /of 2 files done[^]*?(\d+) %|(\d+) %[^]*?of 2 files done/.exec(
          document.body.innerText,
        );
        const percent = Number(match?.[1] ?? match?.[2] ?? 0);
        return percent >= 12 && percent <= 80;
      },
      undefined,
      { timeout: 180_000 },
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'uploads');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await page.setViewportSize(VIEWPORT);
    await page.goto('/files');
    await page.getByRole('heading', { name: 'Files' }).waitFor();
    await page.getByText('quarterly-report-2026-q3.pdf').first().waitFor();
    await shoot(page, 'files');

    await page.goto('/permissions');
    await page.getByRole('heading', { name: 'Permissions' }).waitFor();
    await page.getByText('maria.lopez@example.com').first().waitFor();
    await shoot(page, 'permissions');

    // The audit table has many columns: a wider window keeps the details readable.
    await page.setViewportSize({ width: 1680, height: 900 });
    await page.goto('/audit');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByText('grant', { exact: false }).first().waitFor();
    await shoot(page, 'audit');

    // The migration dashboard, with one job copying the uploads into an archive prefix.
    try {
      await api(`${server.url}/api/migrations`, token, 'POST', {
        source: { connectionId, bucket: 'uploads', prefix: 'marketing/' },
        destination: { connectionId, bucket: 'uploads', prefix: 'archive-2026/' },
      });
    } catch (error) {
      console.warn(`no migration job for the picture: ${(error as Error).message}`);
    }
    await page.setViewportSize(VIEWPORT);
    await page.goto('/migrations');
    const dashboard = page.getByRole('heading', { name: /Migrations/ }).first();
    if (
      await dashboard.waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      )
    ) {
      // Live updates keep the network busy: wait for the job's row instead.
      await page
        .getByText(/marketing/)
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(() => undefined);
      await shoot(page, 'migrations');
    } else console.warn('no migration dashboard in this build: docs/migrations.png left as it is');
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
