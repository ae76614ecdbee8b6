// Playwright against the real stack: `pnpm start` (build + API + embedded PostgreSQL + local S3)
// in a throwaway data directory, driven in Debian's Chromium.
import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.E2E_PORT ?? 3199);
const baseURL = `http://127.0.0.1:${port}`;

// Created once in the main process; workers inherit the variable, so they agree on it.
if (!process.env.S3AM_E2E_DATA_DIR) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 's3am-e2e-'));
  chmodSync(dir, 0o755); // the embedded PostgreSQL runs as user `postgres` when we are root
  process.env.S3AM_E2E_DATA_DIR = dir;
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  globalTeardown: './global-teardown.ts',
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile:
          process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? path.join(repoRoot, 'reports/playwright.json'),
      },
    ],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // The app honours prefers-reduced-motion (theme.ts): dialogs and drawers appear at once, so
    // axe never measures a colour half-way through a fade and a key press never meets a dialog
    // that is still opening. Motion itself is not what the specs check.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: path.join(repoRoot, 'test-results'),
  webServer: {
    command: 'pnpm start',
    cwd: repoRoot,
    url: `${baseURL}/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      // The e2e suite exercises the embedded default: its own PostgreSQL and local S3.
      DATABASE_URL: '',
      DATA_DIR: process.env.S3AM_E2E_DATA_DIR,
      // A fixed port and keys, so specs can seed and inspect the bucket themselves.
      LOCAL_S3_PORT: String(E2E_LOCAL_S3.port),
      LOCAL_S3_ACCESS_KEY_ID: E2E_LOCAL_S3.accessKeyId,
      LOCAL_S3_SECRET_ACCESS_KEY: E2E_LOCAL_S3.secretAccessKey,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      // Every spec's browser and requests come from 127.0.0.1, and specs meet 401/403 answers on
      // purpose (signed-out pages, role checks): past 10 a minute the failed-requests detector
      // blocked the suite's only address (seen running the a11y, phone and security specs
      // together). Detectors still alert; blocking is tested in jest (failed-requests.test.ts).
      SECURITY_AUTO_BLOCK: 'false',
      // Likewise the sign-in limit per address (20 a minute): the suite signs in through the UI
      // and the API more often than that, from one address (a CI run lost two specs to it). The
      // limit itself is tested in jest (rate-limit tests).
      AUTH_RATE_LIMIT_MAX: '100000',
      LOG_LEVEL: 'warn',
    },
  },
});
