// Editing a grant from the Permissions page, finished from the keyboard: the actions and the
// expiry change, the dialog submits on Enter, and the API holds the new values.
import { expect, test } from '@playwright/test';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';
import { adminBearer, signIn } from './session-steps.js';

test('an admin edits a grant: adds write, sets an expiry, submits with Enter', async ({
  page,
  request,
}) => {
  const headers = await adminBearer(request);
  const email = `grantee-${Date.now()}@e2e.test`;
  const created = await request.post('/api/users', {
    headers,
    data: { email, role: 'uploader', password: 'given-by-admin-Lq7vZ2' },
  });
  expect(created.status()).toBe(201);
  const { user } = (await created.json()) as { user: { id: string } };
  const connections = (await (await request.get('/api/connections', { headers })).json()) as {
    items: { id: string; managedLocal: boolean }[];
  };
  const grant = await request.post('/api/grants', {
    headers,
    data: {
      userId: user.id,
      connectionId: connections.items.find((c) => c.managedLocal)?.id,
      bucket: E2E_LOCAL_S3.bucket,
      prefix: 'edit-me/',
      actions: ['list', 'read'],
    },
  });
  expect(grant.status()).toBe(201);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/permissions');
  await page
    .getByRole('button', { name: `Edit grant on ${E2E_LOCAL_S3.bucket}/edit-me/ for ${email}` })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Edit grant' });
  await expect(dialog.getByRole('checkbox', { name: 'Read (download)' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Write (upload)' }).focus();
  await page.keyboard.press('Space');
  await dialog.getByLabel('Expires (optional)').fill('2031-06-30');
  await dialog.getByLabel('Expires (optional)').press('Enter');
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row.getByText('write', { exact: true })).toBeVisible();
  const grants = (await (
    await request.get(`/api/grants?userId=${user.id}`, { headers })
  ).json()) as {
    items: { actions: string[]; expiresAt: string | null }[];
  };
  expect(grants.items[0]?.actions.sort()).toEqual(['list', 'read', 'write']);
  expect(new Date(grants.items[0]?.expiresAt ?? 0).getFullYear()).toBe(2031);
});
