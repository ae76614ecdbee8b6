// A page whose code cannot be fetched (a new version replaced the files, or the connection
// dropped) says so inside the app, reloads itself once, and comes back with the Reload button.
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';
import { signIn } from './session-steps.js';

test('a page whose code cannot be fetched offers a reload inside the app, which brings it back', async ({
  page,
}) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const usersPageCode = /\/assets\/users-page-[^/]+\.js$/;
  const documents: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(new URL(request.url()).pathname);
  });
  await page.route(usersPageCode, (route) => route.abort('connectionreset'));
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('link', { name: 'Users' }).click();

  // The app reloaded itself once, then gave up and said so.
  await expect.poll(() => documents).toEqual(['/users']);
  await expect(
    page.getByRole('heading', { level: 1, name: 'This page could not be shown' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('could not be loaded');
  // The shell stays: its navigation is still there.
  await expect(sections.getByRole('link', { name: 'Dashboard' })).toBeVisible();

  await page.unroute(usersPageCode);
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
});
