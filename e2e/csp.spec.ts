// Every page runs under the Content-Security-Policy without a violation: sign-in, each section of
// the app (an upload straight to the local S3 server included), the password strength estimator
// (a lazily loaded chunk) and Swagger UI at /docs. Violations are collected from the console and
// from `securitypolicyviolation` events. A person who is not an admin chooses a password with the
// strength meter's help and sees a working dashboard without the admin-only counts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';
import { signIn } from './session-steps.js';

/** Listens before the first document loads, so nothing a page does early is missed. */
async function watchForViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|CSP violation/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (/Content.Security.Policy/i.test(error.message))
      violations.push(`${page.url()}: ${error.message}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}

async function openSection(page: Page, link: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
}

test('no page reports a Content-Security-Policy violation', async ({ page }) => {
  test.setTimeout(180_000);
  const violations = await watchForViolations(page);
  const dir = mkdtempSync(path.join(os.tmpdir(), 's3am-csp-'));
  const file = path.join(dir, `csp-check-${Date.now()}.txt`);
  writeFileSync(file, 'bytes sent straight to S3 under the CSP\n');

  try {
    const login = await page.goto('/login');
    expect(login?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await expect(page.getByText('Ready', { exact: true })).toBeVisible();

    // An actual upload: a single PUT from the browser to the local S3 server (another origin).
    await openSection(page, 'Uploads', 'Uploads');
    await expect(page.getByText(/Files go to/)).toContainText('uploads');
    await page.getByTestId('upload-file-input').setInputFiles(file);
    await expect(page.getByTestId('upload-row')).toHaveAttribute('data-state', 'completed');

    await openSection(page, 'Files', 'Files');
    await openSection(page, 'Users', 'Users');
    await openSection(page, 'Permissions', 'Permissions');
    await openSection(page, 'Connections', 'S3 connections');
    await openSection(page, 'Audit', 'Audit log');

    await page.goto('/profile');
    await expect(page.getByRole('heading', { name: 'Profile', level: 1 })).toBeVisible();
    // The strength estimator loads its chunk when a new password is typed.
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('qwertyuiop123!');
    await expect(page.getByTestId('password-strength')).toContainText('not accepted yet');

    const docs = await page.goto('/docs', { waitUntil: 'domcontentloaded' });
    expect(docs?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Swagger UI renders from a 1.5 MB bundle: give a busy machine time.
    await expect(page.getByRole('heading', { name: /S3 Access Manager API/ })).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.locator('.opblock').first()).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(violations).toEqual([]);
});

async function createViewer(
  request: APIRequestContext,
): Promise<{ email: string; password: string }> {
  const login = await request.post('/api/auth/login', {
    data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
  });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const viewer = { email: `viewer-${Date.now()}@e2e.test`, password: 'given-by-admin-Lq7vZ2' };
  const created = await request.post('/api/users', {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { ...viewer, role: 'viewer' },
  });
  expect(created.status()).toBe(201);
  return viewer;
}

test('a viewer picks a strong password with the meter and gets a dashboard without counts', async ({
  page,
  request,
}) => {
  const violations = await watchForViolations(page);
  const viewer = await createViewer(request);
  await signIn(page, viewer.email, viewer.password);
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Current password' }).fill(viewer.password);
  const newPassword = page.getByRole('textbox', { name: 'New password', exact: true });
  const submit = page.getByRole('button', { name: 'Change password' });
  await newPassword.fill('1qaz2wsx3edc');
  await page.getByRole('textbox', { name: 'Repeat new password' }).fill('1qaz2wsx3edc');
  const meter = page.getByTestId('password-strength');
  await expect(meter).toContainText('not accepted yet');
  await expect(meter).toContainText('Add more words that are less common.');
  await expect(submit).toBeDisabled();

  const strong = 'granite-orchard-lantern-58';
  await newPassword.fill(strong);
  await page.getByRole('textbox', { name: 'Repeat new password' }).fill(strong);
  await expect(meter).toContainText(/Strength: (Strong|Very strong)/);
  await submit.click();

  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  // A viewer's dashboard is about their work (where they may read), not the system's internals.
  await expect(page.getByRole('heading', { name: 'Where you can read' })).toBeVisible();
  await expect(page.getByText('Database', { exact: true })).toHaveCount(0);
  await expect(page.getByText('Could not load the system status')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'S3 connections' })).toHaveCount(0);
  expect(violations).toEqual([]);
});
