// A valid session survives what a busy server does to it: a burst of reloads, and refreshes
// refused for a moment (429 with Retry-After, 503, a dropped connection) are retried while the
// app says so. Only a definite 401 from the refresh signs the person out.
import { expect, test, type Page, type Route } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';
import { signIn } from './session-steps.js';

const dashboard = (page: Page) => page.getByRole('heading', { name: /Dashboard/ });

function problem(status: number, code: string, title: string) {
  return {
    status,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: `urn:s3am:error:${code}`, title, status, code }),
  };
}

test.beforeEach(async ({ page }) => {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(dashboard(page)).toBeVisible();
});

test('a burst of 25 reloads does not sign the person out', async ({ page }) => {
  test.slow(); // 25 page loads on a shared machine
  for (let i = 0; i < 25; i++) await page.reload({ waitUntil: 'domcontentloaded' });
  await expect(dashboard(page)).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
  // The session is really alive: a complete reload restores it from the refresh cookie again.
  await page.reload();
  await expect(dashboard(page)).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
});

test('a refresh refused for a moment is retried with a message instead of signing out', async ({
  page,
}) => {
  const transient: ((route: Route) => Promise<void>)[] = [
    (route) =>
      route.fulfill({
        ...problem(429, 'RATE_LIMITED', 'Too many requests'),
        headers: { 'retry-after': '1' },
      }),
    (route) => route.fulfill(problem(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable')),
    (route) => route.abort('connectionreset'),
  ];
  let refreshes = 0;
  await page.route('**/api/auth/refresh', async (route) => {
    refreshes++;
    const fail = transient.shift();
    await (fail ? fail(route) : route.continue());
  });

  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'still signed in' });
  await expect(notice).toContainText('The server is busy.');
  await expect(notice).toContainText('Cannot reach the server.');
  await expect(dashboard(page)).toBeVisible();
  await expect(notice).toBeHidden();
  await expect(page).not.toHaveURL(/\/login/);
  expect(refreshes).toBe(4);
});

test('a definite 401 from the refresh signs the person out', async ({ page }) => {
  await page.route('**/api/auth/refresh', (route) =>
    route.fulfill(problem(401, 'INVALID_REFRESH_TOKEN', 'Session expired')),
  );
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
});
