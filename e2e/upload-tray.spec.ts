// The upload queue is visible from every page: a person starts a 40 MiB upload on the Uploads
// page (after reading what may be uploaded), moves to Files while it runs, and the tray in the
// app shell shows the file count and the progress so far, then the finished upload; it links
// back to the Uploads page, which keeps the full view (and no tray).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Response, type Route } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';
import { signIn } from './session-steps.js';

const MiB = 1024 * 1024;
/** Five 8 MiB parts: two go through, three are held until the tray has been checked. */
const FILE_SIZE = 40 * MiB;
const PARTS_LET_THROUGH = 2;

const isPartPut = (method: string, url: string) =>
  method === 'PUT' && new URL(url).searchParams.has('partNumber');

test('the tray shows the queue and its progress on another page while an upload runs', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 's3am-e2e-tray-'));
  const file = path.join(dir, `tray-${Date.now()}.bin`);
  const bytes = Buffer.alloc(FILE_SIZE);
  for (let offset = 0; offset < FILE_SIZE; offset += 4) bytes.writeUInt32LE(offset / 4, offset);
  writeFileSync(file, bytes);

  try {
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await page.getByRole('link', { name: 'Uploads' }).click();
    await expect(page.getByText(/Files go to/)).toContainText('uploads');
    // What may be uploaded is shown before anything is picked.
    await expect(page.getByTestId('upload-limits')).toContainText(/Up to .* a file/);
    await expect(page.getByTestId('upload-tray')).toHaveCount(0);

    let stored = 0;
    const held: Route[] = [];
    let passed = 0;
    page.on('response', (response: Response) => {
      const request = response.request();
      if (isPartPut(request.method(), request.url()) && response.ok()) stored++;
    });
    await page.route(
      (url) => url.searchParams.has('partNumber'),
      async (route) => {
        if (!isPartPut(route.request().method(), route.request().url())) return route.fallback();
        if (passed >= PARTS_LET_THROUGH) {
          held.push(route);
          return;
        }
        passed++;
        await route.continue();
      },
    );
    await page.getByTestId('upload-file-input').setInputFiles(file);
    await expect.poll(() => stored, { timeout: 60_000 }).toBe(PARTS_LET_THROUGH);

    // Elsewhere in the app, the tray says what is going on.
    await page.getByRole('link', { name: 'Files', exact: true }).click();
    await expect(page).toHaveURL(/\/files/);
    const tray = page.getByTestId('upload-tray');
    await expect(tray).toBeVisible();
    await expect(tray).toContainText('Uploading 1 file');
    // Two of five parts are in S3; the held ones may count what they sent so far, never all.
    await expect(tray.getByTestId('upload-tray-percent')).toHaveText(/^0 of 1 done · [1-9]\d? %$/);
    const shown = Number(await tray.getByRole('progressbar').getAttribute('aria-valuenow'));
    expect(shown).toBeGreaterThanOrEqual(40);
    expect(shown).toBeLessThan(100);

    // Let the rest through: the tray follows the upload to its end.
    for (const route of held) await route.continue();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await expect(tray).toContainText('1 file uploaded', { timeout: 60_000 });
    await expect(tray.getByTestId('upload-tray-percent')).toHaveText('1 of 1 done · 100 %');

    // It leads to the full view, where the tray gives way to the queue itself.
    await tray.getByRole('link', { name: 'Open' }).click();
    await expect(page).toHaveURL(/\/uploads/);
    await expect(page.getByTestId('upload-tray')).toHaveCount(0);
    await expect(page.getByTestId('upload-row')).toHaveAttribute('data-state', 'completed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
