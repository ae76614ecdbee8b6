// Download names a browser could read as another name. Chromium percent-decodes `%XX` in a plain
// `filename="…"`, so `100%41 report.txt` was saved as `100A report.txt`; with `filename*`
// (RFC 8187) beside the plain form, the file is saved under the object's own name. ASCII names
// only: this Chromium saves non-ASCII `filename*` names as `file` (tested at the header level).
import { readFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import { e2eS3 } from './files-steps.js';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';
import { signIn } from './session-steps.js';

const NAMES = ['100%41 report.txt', '50%25 off.txt'];

test('saves downloads whose names hold %XX under their own names', async ({ page }) => {
  const folder = `download-names-${Date.now().toString(36)}`;
  for (const name of NAMES)
    await e2eS3.send(
      new PutObjectCommand({
        Bucket: E2E_LOCAL_S3.bucket,
        Key: `${folder}/${name}`,
        Body: `This is ${name}\n`,
      }),
    );

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: /Dashboard/ })).toBeVisible();
  await page.getByRole('link', { name: 'Files' }).click();
  const contents = page.getByRole('table', { name: 'Folder contents' });
  await contents.getByRole('button', { name: folder, exact: true }).click();
  for (const name of NAMES) {
    await expect(contents.getByRole('button', { name, exact: true })).toBeVisible();
    const downloaded = page.waitForEvent('download');
    await contents.getByRole('button', { name: `Download ${name}`, exact: true }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(name);
    expect(await readFile(await download.path(), 'utf8')).toBe(`This is ${name}\n`);
  }
});
