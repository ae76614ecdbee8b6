// The New grant form offers the bucket's folders for the prefix, one level at a time, and warns
// when a typed folder does not exist yet (typing it is still allowed).
import { expect, test } from '@playwright/test';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';
import { putObject } from './files-steps.js';
import { signIn } from './session-steps.js';

test('an admin picks a grant prefix from the bucket folders and is warned about a missing one', async ({
  page,
}) => {
  const team = `picker-${Date.now()}`;
  await putObject(E2E_LOCAL_S3.bucket, `${team}/reports/q1.csv`, 'a,b\n');
  await putObject(E2E_LOCAL_S3.bucket, `${team}/photos/cat.txt`, 'meow');

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/permissions');
  await page.getByRole('button', { name: 'New grant' }).click();
  const dialog = page.getByRole('dialog', { name: 'New grant' });
  await dialog.getByRole('combobox', { name: 'Connection' }).click();
  await page.getByRole('option', { name: 'Local storage' }).click();
  await dialog.getByRole('combobox', { name: 'Bucket' }).fill(E2E_LOCAL_S3.bucket);

  // The bucket's top-level folders, then the chosen folder's own sub-folders.
  const prefix = dialog.getByRole('combobox', { name: 'Prefix' });
  await prefix.fill(`${team.slice(0, -2)}`);
  await page.getByRole('option', { name: `${team}/` }).click();
  await expect(prefix).toHaveValue(`${team}/`);
  await prefix.click();
  await expect(page.getByRole('option', { name: `${team}/photos/` })).toBeVisible();
  await page.getByRole('option', { name: `${team}/reports/` }).click();
  await expect(prefix).toHaveValue(`${team}/reports/`);
  await expect(dialog.getByText(/No such folder yet/)).toBeHidden();

  // A folder nobody created yet: allowed, with a warning.
  await prefix.fill(`${team}/archive/`);
  await expect(dialog.getByText(/No such folder yet/)).toBeVisible();
});
