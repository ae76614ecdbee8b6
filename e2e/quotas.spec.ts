// A storage quota in the browser: the Upload menu shows the room left before anything is picked,
// a file larger than that room is refused with a message that says why and how much is left, and
// a file that fits goes through and is counted at once.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';
import { adminBearer, signIn } from './session-steps.js';

interface Location {
  connectionId: string;
  connectionName: string;
  bucket: string;
  prefix: string;
}

async function setUp(request: APIRequestContext, folder: string) {
  const headers = await adminBearer(request);
  const { items } = (await (await request.get('/api/files/locations', { headers })).json()) as {
    items: Location[];
  };
  const local = items.find(
    (l) => l.connectionName === 'Local storage' && l.bucket === E2E_LOCAL_S3.bucket && !l.prefix,
  );
  if (!local) throw new Error('no Local storage location for the uploads bucket');
  const me = (await (await request.get('/api/me', { headers })).json()) as { id: string };
  // Quotas count the folders a person may write to: the admin gets one, with 1,000 bytes.
  const grant = await request.post('/api/grants', {
    headers,
    data: {
      userId: me.id,
      connectionId: local.connectionId,
      bucket: local.bucket,
      prefix: folder,
      actions: ['list', 'read', 'write'],
    },
  });
  expect(grant.status()).toBe(201);
  const quota = await request.put(`/api/quotas/users/${me.id}`, {
    headers,
    data: { maxBytes: 1000, maxObjects: null },
  });
  expect(quota.ok()).toBe(true);
  return {
    local,
    undo: async () => {
      await request.put(`/api/quotas/users/${me.id}`, {
        headers,
        data: { maxBytes: null, maxObjects: null },
      });
      await request.delete(`/api/grants/${((await grant.json()) as { id: string }).id}`, {
        headers,
      });
    },
  };
}

test('a quota refuses an upload with a clear message, and shows the room left before', async ({
  page,
  request,
}) => {
  const folder = `quota-${Date.now().toString(36)}/`;
  const { local, undo } = await setUp(request, folder);
  try {
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
    const query = new URLSearchParams({
      connection: local.connectionId,
      bucket: local.bucket,
      root: local.prefix,
      prefix: folder,
    });
    await page.goto(`/files?${query.toString()}`);

    const upload = page.getByRole('button', { name: 'Upload', exact: true });
    await upload.click();
    const menu = page.getByRole('menu');
    await expect(menu).toContainText(/Your quota: 0 B of 1,?000 B used, 1,?000 B left/);
    const tooBig = page.waitForEvent('filechooser');
    await menu.getByRole('menuitem', { name: 'Files…' }).click();
    await (
      await tooBig
    ).setFiles({
      name: 'big.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(5000),
    });
    // The tray says a file failed; its page says why.
    const tray = page.getByRole('status', { name: 'Uploads' });
    await expect(tray).toContainText('1 file failed', { timeout: 30_000 });
    await tray.getByRole('link', { name: 'Open' }).click();
    await expect(page.getByText(/Not enough storage quota left/)).toBeVisible();
    await expect(
      page.getByText('Your quota allows 1,000 bytes and 1,000 are left; this file needs 5,000.', {
        exact: false,
      }),
    ).toBeVisible();
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/quota-refused.png` });

    await page.goBack();
    await upload.click();
    const fits = page.waitForEvent('filechooser');
    await page.getByRole('menu').getByRole('menuitem', { name: 'Files…' }).click();
    await (
      await fits
    ).setFiles({ name: 'small.txt', mimeType: 'text/plain', buffer: Buffer.alloc(400, 'a') });
    await expect(page.getByRole('row').filter({ hasText: 'small.txt' })).toBeVisible({
      timeout: 30_000,
    });
    await page.keyboard.press('Escape');
    await upload.click();
    await expect(page.getByRole('menu')).toContainText(
      /Your quota: 400 B of 1,?000 B used, 600 B left/,
    );
    if (process.env.E2E_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/quota-menu.png` });
  } finally {
    await undo();
  }
});
