// Signing in and out through the UI, as every spec that switches people does; the admin's API
// sign-in for specs that check through the API; the way to the Uploads page.
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Signs the E2E admin in through the API (on `request`'s cookie jar): the bearer header. */
export async function adminBearer(request: APIRequestContext): Promise<Record<string, string>> {
  const response = await request.post('/api/auth/login', {
    data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
  });
  expect(response.ok()).toBe(true);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

/** From a signed-in page to the Uploads page, its destination in the `uploads` bucket. */
export async function openUploadsPage(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Uploads' }).click();
  await expect(page.getByRole('heading', { name: 'Uploads' })).toBeVisible();
  await expect(page.getByText(/Files go to/)).toContainText('uploads');
}
