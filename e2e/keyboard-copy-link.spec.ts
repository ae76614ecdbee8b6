// Copy link: the lifetime is chosen, the expiry is shown, and when the browser refuses the
// clipboard the link is offered for copying by hand; the link downloads the file.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import { e2eS3 } from './files-steps.js';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';
import { adminBearer, signIn } from './session-steps.js';

test('a link for one day, shown for manual copying when the clipboard is refused', async ({
  page,
  request,
}) => {
  const folder = `copy-link-${Date.now()}/`;
  await e2eS3.send(
    new PutObjectCommand({ Bucket: E2E_LOCAL_S3.bucket, Key: `${folder}note.txt`, Body: 'hello' }),
  );
  const headers = await adminBearer(request);
  const connections = (await (await request.get('/api/connections', { headers })).json()) as {
    items: { id: string; managedLocal: boolean }[];
  };
  const connectionId = connections.items.find((c) => c.managedLocal)?.id ?? '';
  // This page may not write the clipboard (no permission granted): the manual path.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined });
  });

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto(
    `/files?connection=${connectionId}&bucket=${E2E_LOCAL_S3.bucket}&prefix=${encodeURIComponent(folder)}`,
  );
  await page.getByRole('button', { name: 'Copy link to note.txt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy link' });
  await dialog.getByRole('combobox', { name: 'Link works for' }).click();
  await page.getByRole('option', { name: '1 day' }).click();
  await dialog.getByRole('button', { name: 'Create and copy link' }).click();

  // The admin maximum (1 hour by default) caps the day; the expiry says so.
  await expect(dialog.getByRole('status')).toContainText('does not allow copying here');
  await expect(dialog.getByRole('status')).toContainText('works until');
  const link = dialog.getByRole('textbox', { name: 'Link' });
  await expect(link).toBeFocused();
  const url = await link.inputValue();
  const lifetime = Number(new URL(url).searchParams.get('X-Amz-Expires'));
  expect(lifetime).toBe(3600);
  const download = await request.get(url);
  expect(await download.text()).toBe('hello');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
