// Forms and roles people can operate: the API's field errors under the field, slow actions that
// cannot run twice, one "not available for your role" page, and an uploader's own dashboard.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';
import { adminBearer, signIn } from './session-steps.js';

/** An uploader with a write grant on the local bucket's `team-q/` folder, password already set. */
async function createUploader(request: APIRequestContext) {
  const headers = await adminBearer(request);
  const uploader = { email: `uploader-${Date.now()}@e2e.test`, password: 'given-by-admin-Lq7vZ2' };
  const created = await request.post('/api/users', {
    headers,
    data: { ...uploader, role: 'uploader' },
  });
  expect(created.status()).toBe(201);
  const { user } = (await created.json()) as { user: { id: string } };
  const connections = (await (await request.get('/api/connections', { headers })).json()) as {
    items: { id: string; managedLocal: boolean }[];
  };
  const local = connections.items.find((connection) => connection.managedLocal);
  const grant = await request.post('/api/grants', {
    headers,
    data: {
      userId: user.id,
      groupId: null,
      connectionId: local?.id,
      bucket: E2E_LOCAL_S3.bucket,
      prefix: 'team-q/',
      actions: ['list', 'read', 'write'],
      expiresAt: null,
    },
  });
  expect(grant.status()).toBe(201);
  return uploader;
}

test('a dialog shows the API field error under its field, and Verify chain runs once per double click', async ({
  page,
}) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.goto('/users');
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  const email = dialog.getByRole('textbox', { name: 'Email' });
  await email.fill('not-an-email');
  await email.press('Enter');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  // The field's description is the API's message for `body.email`.
  await expect(email).toHaveAccessibleDescription(/email/i);
  await expect(dialog.getByRole('alert')).toHaveText('Check the fields marked below.');
  await expect(dialog.getByText('The request does not match the schema.')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.goto('/audit');
  const verifyCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/audit/verify')) verifyCalls.push(request.method());
  });
  await page.getByRole('button', { name: 'Verify chain' }).dblclick();
  await expect(
    page.getByRole('status').filter({ hasText: 'The audit chain is intact' }),
  ).toBeVisible();
  expect(verifyCalls).toEqual(['POST']);
});

test('an uploader sees their own dashboard, uploads from it, and gets one page for admin-only sections', async ({
  page,
  request,
}) => {
  const uploader = await createUploader(request);
  const newPassword = 'granite-orchard-lantern-58';
  await signIn(page, uploader.email, uploader.password);
  await page.getByLabel(/^Current password/).fill(uploader.password);
  await page.getByLabel(/^New password/).fill(newPassword);
  await page.getByLabel(/^Repeat new password/).fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // Their locations and a quick upload; no database, user or connection counts.
  await expect(page.getByRole('list', { name: 'Your locations' })).toContainText(
    `${E2E_LOCAL_S3.bucket} › team-q/`,
  );
  await expect(page.getByRole('heading', { name: 'Quick upload' })).toBeVisible();
  await expect(page.getByText('Database', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Users', { exact: true })).toHaveCount(0);

  const name = `quick-${Date.now()}.txt`;
  await page.getByTestId('quick-upload-input').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from('sent from the dashboard\n'),
  });
  await page.getByRole('link', { name: 'See the upload queue' }).click();
  const row = page.getByTestId('upload-row').filter({ hasText: name });
  await expect(row).toHaveAttribute('data-state', 'completed');

  // Admin-only pages, opened by address: one clear page, not errors.
  for (const path of ['/users', '/audit', '/connections', '/permissions']) {
    await page.goto(path);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Not available for your role' }),
    ).toBeVisible();
  }
});
