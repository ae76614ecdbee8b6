// A person signs in through the login page, sees the dashboard, and signs out again.
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';

test('redirects to the login page, signs in, shows the dashboard, and signs out', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: /Dashboard/ })).toBeVisible();
  await expect(page.getByText(E2E_ADMIN.email).first()).toBeVisible();
  await expect(page.getByText(/admin/i).first()).toBeVisible();

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);

  // The session is really over: reloading a protected page stays on the login page.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('keeps the session across a reload through the refresh cookie', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Dashboard/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: /Dashboard/ })).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
});

test('shows a clear error for a wrong password and stays on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill('definitely-not-it');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/incorrect/i);
  await expect(page).toHaveURL(/\/login/);
});
