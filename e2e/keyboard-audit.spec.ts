// The Audit page for people who do not know exact values: part of an actor's email, a folder
// searched inside event details, targets shown by name, and one event opened from the keyboard
// in a drawer with every field readable.
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './a11y-steps.js';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';
import { tabTo } from './keyboard-steps.js';
import { adminBearer, signIn } from './session-steps.js';

test('an admin finds a grant by its folder and reads the event in the drawer', async ({
  page,
  request,
}) => {
  const headers = await adminBearer(request);
  const stamp = Date.now();
  const email = `audited-${stamp}@e2e.test`;
  const folder = `audit-${stamp}/`;
  const created = await request.post('/api/users', {
    headers,
    data: { email, role: 'viewer', password: 'given-by-admin-Lq7vZ2' },
  });
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
      prefix: folder,
      actions: ['list'],
    },
  });
  expect(grant.status()).toBe(201);

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goto('/audit');
  const events = page.getByRole('table', { name: 'Audit events' });

  // Part of the admin's email finds their events.
  await page.getByLabel('Actor (email, part of it, or id)').fill(E2E_ADMIN.email.split('@')[0]!);
  // The folder is only in the event's details.
  await page.getByLabel('Search').fill(folder);
  const row = events.getByRole('row').filter({ hasText: 'grant.create' });
  await expect(row).toHaveCount(1);
  // The target reads by name (the grantee), not by a bare id.
  await expect(row.getByRole('cell').nth(4)).toHaveText(`grant ${email}`);

  // From the keyboard: to the event's action, Enter opens it in full.
  await tabTo(page, row.getByRole('button', { name: 'grant.create' }));
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: /^Event #\d+$/ });
  await expect(drawer).toBeVisible();
  const details = drawer.getByRole('definition');
  await expect(details.filter({ hasText: folder })).toHaveCount(1);
  await expect(drawer.getByText(E2E_ADMIN.email, { exact: true })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});
