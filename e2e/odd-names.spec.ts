// Names browsers and Windows make every day, through the default local storage: from the Uploads
// page with its default settings ("keep both" when a name exists, which first lists the bucket
// with the name as the prefix), `photo (2).jpg` and `R&D notes.txt` upload, and the Files page
// downloads both (presigned GETs with a filename* Content-Disposition) with the same bytes.
// (Non-ASCII download names are tested at the header level: this Chromium saves them as `file`.)
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';
import { signIn } from './session-steps.js';

const FILES = [
  { name: 'photo (2).jpg', bytes: randomBytes(96 * 1024) },
  {
    name: 'R&D notes.txt',
    bytes: Buffer.from('Research & development: <draft> "v2" it\'s 100%\n'),
  },
];

test('uploads "photo (2).jpg" and "R&D notes.txt" with the default settings and downloads both unchanged', async ({
  page,
}) => {
  test.setTimeout(180_000); // a shared, busy machine: the uploads alone can take half a minute
  const dir = mkdtempSync(path.join(os.tmpdir(), 's3am-e2e-odd-names-'));
  try {
    for (const file of FILES) writeFileSync(path.join(dir, file.name), file.bytes);
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await expect(page.getByRole('heading', { name: /Dashboard/ })).toBeVisible();

    await page.getByRole('link', { name: 'Uploads' }).click();
    await expect(page.getByRole('heading', { name: 'Uploads' })).toBeVisible();
    const destination = page.getByText(/Files go to/).locator('strong');
    await expect(destination).toContainText('uploads');
    const [connectionName, bucket, folder = ''] = (await destination.innerText()).split(' › ');
    await page
      .getByTestId('upload-file-input')
      .setInputFiles(FILES.map((file) => path.join(dir, file.name)));
    for (const file of FILES) {
      const row = page.locator(`[data-testid="upload-row"][aria-label="${file.name}"]`);
      await expect(row).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
    }

    await page.getByRole('link', { name: 'Files' }).click();
    const location = page.getByRole('combobox', { name: 'Location' });
    const label = `${connectionName} · ${bucket}/${folder}`;
    if ((await location.innerText()) !== label) {
      await location.click();
      await page.getByRole('option', { name: label, exact: true }).click();
    }
    await expect(location).toHaveText(label);
    const contents = page.getByRole('table', { name: 'Folder contents' });
    for (const file of FILES) {
      await expect(contents.getByRole('button', { name: file.name, exact: true })).toBeVisible();
      const downloaded = page.waitForEvent('download');
      await contents.getByRole('button', { name: `Download ${file.name}`, exact: true }).click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toBe(file.name);
      expect(readFileSync(await download.path()).equals(file.bytes)).toBe(true);
      // The clicked button keeps focus and its tooltip, which covers the next row's button.
      await page.keyboard.press('Escape');
      await page.mouse.move(0, 0);
      await expect(page.getByRole('tooltip')).toHaveCount(0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
