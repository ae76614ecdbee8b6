// The Files page's listing (issue 23): counts, sorting over the whole folder (more than one API
// page), thumbnails drawn in the browser and type icons, "select all" saying what it selects, and
// folders in the selection for delete, ZIP and move.
import { readFileSync } from 'node:fs';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { expect, test, type Page } from '@playwright/test';
import { e2eS3, localConnectionId, openFilesFolder, putObject } from './files-steps.js';
import { redPng } from './test-images.js';
import { zipEntries } from './zip-entries.js';

const run = `e2e-list-${Date.now().toString(36)}`;
const put = (key: string, body: Buffer | string, type?: string) =>
  putObject('uploads', `${run}/${key}`, body, type);
async function keysUnder(folder: string): Promise<string[]> {
  const prefix = `${run}/${folder}`;
  const page = await e2eS3.send(new ListObjectsV2Command({ Bucket: 'uploads', Prefix: prefix }));
  return (page.Contents ?? []).map((o) => (o.Key ?? '').slice(prefix.length)).sort();
}
const contents = (page: Page) => page.getByRole('table', { name: 'Folder contents' });

let connectionId = '';
test.beforeAll(async ({ request }) => {
  connectionId = await localConnectionId(request);
});

test('sorts a folder of more than one page as a whole and counts it', async ({ page }) => {
  test.setTimeout(120_000);
  // 1,001 small files, then the largest one last by key: on the API's second page.
  const names = Array.from({ length: 1001 }, (_, i) => `f-${String(i).padStart(4, '0')}.txt`);
  for (let i = 0; i < names.length; i += 25)
    await Promise.all(names.slice(i, i + 25).map((name) => put(`many/${name}`, 'x')));
  await put('many/zz-largest.bin', Buffer.alloc(5000, 1));
  await openFilesFolder(page, connectionId, 'uploads', `${run}/many/`);
  await expect(page.getByTestId('listing-summary')).toContainText('1,002 files');
  await contents(page).getByRole('button', { name: 'Size' }).click();
  await contents(page).getByRole('button', { name: 'Size' }).click();
  const firstFile = contents(page).getByRole('row').nth(1);
  await expect(firstFile).toContainText('zz-largest.bin');
});

test('draws image thumbnails in the browser, icons for the rest, and says what select all selects', async ({
  page,
}) => {
  await put('pics/red.png', redPng(40, 20), 'image/png');
  await put('pics/also-red.png', redPng(10, 30), 'application/octet-stream');
  await put('pics/notes.txt', 'hello');
  await put('pics/sub/inner.txt', 'inner');
  await openFilesFolder(page, connectionId, 'uploads', `${run}/pics/`);
  await expect(page.getByTestId('listing-summary')).toContainText('1 folder and 3 files');
  const loaded = contents(page).locator('[data-testid="row-thumbnail"][data-state="loaded"] img');
  await expect(loaded).toHaveCount(2);
  for (const image of await loaded.all())
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
  const notes = contents(page).getByRole('row').filter({ hasText: 'notes.txt' });
  await expect(notes.locator('[data-kind="text"]')).toHaveCount(1);

  const selectAll = page.getByRole('checkbox', {
    name: 'Select all 1 folder and 3 files in this folder',
  });
  await selectAll.check();
  await expect(page.getByTestId('selection-summary')).toHaveText(
    /^All 4 items in this folder selected/,
  );
  await expect(page.getByRole('checkbox', { name: 'Select folder sub' })).toBeChecked();
});

test('deletes a selection holding a folder after showing its count', async ({ page }) => {
  await put('mixed/keep.txt', 'keep');
  await put('mixed/drop.txt', 'drop');
  await put('mixed/dir/1.txt', 'one');
  await put('mixed/dir/2/3.txt', 'three');
  await openFilesFolder(page, connectionId, 'uploads', `${run}/mixed/`);
  await page.getByRole('checkbox', { name: 'Select folder dir' }).check();
  await page.getByRole('checkbox', { name: 'Select drop.txt' }).check();
  await page.getByRole('button', { name: 'Delete (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete selection' });
  await expect(dialog).toContainText(`${run}/mixed/dir/ — 2 object(s), 8 B`);
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog.getByText('Done.', { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await keysUnder('mixed/')).toEqual(['keep.txt']);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(contents(page).getByRole('row')).toHaveCount(2);
});

test('zips a selected folder with a file, then moves them into another folder', async ({
  page,
}) => {
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await put('sel/a.txt', 'alpha');
  await put('sel/b.txt', 'beta');
  await put('sel/docs/c.txt', 'gamma');
  await put('sel/docs/deep/d.txt', 'delta');
  await openFilesFolder(page, connectionId, 'uploads', `${run}/sel/`);
  await page.getByRole('checkbox', { name: 'Select folder docs' }).check();
  await page.getByRole('checkbox', { name: 'Select a.txt' }).check();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download ZIP (2)' }).click();
  const entries = zipEntries(readFileSync(await (await downloaded).path()));
  expect([...entries.keys()].sort()).toEqual(['a.txt', 'docs/c.txt', 'docs/deep/d.txt']);
  expect(entries.get('docs/deep/d.txt')?.toString()).toBe('delta');

  await page.getByRole('button', { name: 'Move (2)' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Destination folder').fill(`${run}/sel/moved/`);
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(dialog.getByText('Done.', { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await keysUnder('sel/')).toEqual([
    'b.txt',
    'moved/a.txt',
    'moved/docs/c.txt',
    'moved/docs/deep/d.txt',
  ]);
});
