// Uploading where you are: inside a folder of the Files page, a file picked with the Upload button
// and a file dropped on the page both land in that folder (not at the bucket root, where the
// Uploads page's destination used to send a drop), and the listing shows them without a refresh.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';
import { adminBearer, signIn } from './session-steps.js';

interface Location {
  connectionId: string;
  connectionName: string;
  bucket: string;
  prefix: string;
}

async function keysIn(
  request: APIRequestContext,
  headers: Record<string, string>,
  where: Location,
  prefix: string,
): Promise<string[]> {
  const response = await request.get('/api/files', {
    headers,
    params: { connectionId: where.connectionId, bucket: where.bucket, prefix },
  });
  expect(response.ok()).toBe(true);
  const listing = (await response.json()) as { objects: { key: string }[] };
  return listing.objects.map((object) => object.key);
}

async function contentOf(
  request: APIRequestContext,
  headers: Record<string, string>,
  where: Location,
  key: string,
): Promise<string> {
  const link = await request.post('/api/files/download-url', {
    headers,
    data: { connectionId: where.connectionId, bucket: where.bucket, key },
  });
  expect(link.ok()).toBe(true);
  const { url } = (await link.json()) as { url: string };
  return (await request.get(url)).text();
}

/** A drop as the browser delivers it: dragenter, dragover, drop, with a File in the DataTransfer. */
async function dropFile(page: Page, name: string, content: string): Promise<void> {
  await page.evaluate(
    ([fileName, fileContent]) => {
      const data = new DataTransfer();
      data.items.add(new File([fileContent], fileName, { type: 'text/plain' }));
      const target = document.querySelector('main') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    },
    [name, content] as const,
  );
}

test('the Upload button and a drop both put files in the open folder', async ({
  page,
  request,
}) => {
  const folder = `here-${Date.now().toString(36)}/photos/`;
  // The API calls use their own cookie jar: a login through the page's would sign the page in.
  const headers = await adminBearer(request);
  const locations = (
    (await (await request.get('/api/files/locations', { headers })).json()) as {
      items: Location[];
    }
  ).items;
  const local = locations.find(
    (l) => l.connectionName === 'Local storage' && l.bucket === E2E_LOCAL_S3.bucket && !l.prefix,
  );
  if (!local) throw new Error('no Local storage location for the uploads bucket');
  const created = await request.post('/api/files/folder', {
    headers,
    data: { connectionId: local.connectionId, bucket: local.bucket, key: folder },
  });
  expect(created.ok()).toBe(true);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
  const query = new URLSearchParams({
    connection: local.connectionId,
    bucket: local.bucket,
    root: local.prefix,
    prefix: folder,
  });
  await page.goto(`/files?${query.toString()}`);
  await expect(page.getByText('This folder is empty.')).toBeVisible();

  // The Upload button: Files… opens the picker for this folder.
  const upload = page.getByRole('button', { name: 'Upload', exact: true });
  await expect(upload).toBeVisible();
  await upload.click();
  const menu = page.getByRole('menu');
  await expect(menu).toContainText(`To Local storage › uploads › ${folder}`);
  await expect(menu).toContainText(/Up to .* a file/);
  const chooser = page.waitForEvent('filechooser');
  await menu.getByRole('menuitem', { name: 'Files…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'picked.txt', mimeType: 'text/plain', buffer: Buffer.from('picked here') });
  // The listing reloads by itself once the upload is done.
  await expect(page.getByRole('row').filter({ hasText: 'picked.txt' })).toBeVisible({
    timeout: 30_000,
  });

  // A drop anywhere on the page goes to the same folder, and the page stays where it is.
  await dropFile(page, 'dropped.txt', 'dropped here');
  await expect(page.getByRole('row').filter({ hasText: 'dropped.txt' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page).toHaveURL(/\/files\?/);

  expect((await keysIn(request, headers, local, folder)).sort()).toEqual([
    `${folder}dropped.txt`,
    `${folder}picked.txt`,
  ]);
  expect(await keysIn(request, headers, local, 'dropped')).toEqual([]);
  expect(await contentOf(request, headers, local, `${folder}picked.txt`)).toBe('picked here');
  expect(await contentOf(request, headers, local, `${folder}dropped.txt`)).toBe('dropped here');
});

test('dragging files over the Files page says where they will go', async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
  await page.goto('/files');
  await expect(page.getByRole('button', { name: 'Upload', exact: true })).toBeVisible();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'x.txt'));
    document
      .querySelector('main')
      ?.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
  });
  const overlay = page.getByTestId('folder-drop-overlay');
  await expect(overlay).toContainText('Drop to upload');
  await expect(overlay).toContainText(/to .* › /);
  // The app-wide drop zone (Uploads page's destination) stays out of it.
  await expect(page.getByText('You choose where on the Uploads page')).toBeHidden();
});
