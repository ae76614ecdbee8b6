// The German locale: switched on the sign-in page, remembered, <html lang> set, pages and their
// dates in German, and back to English from the app bar; a German browser starts in German.
import { expect, test } from '@playwright/test';
import { seriousAxeViolations } from './a11y-steps.js';
import { E2E_ADMIN } from './fixtures.js';

test('an admin switches to German, works in it, and switches back to English', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: 'Deutsch' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.getByLabel('E-Mail').fill(E2E_ADMIN.email);
  await page.getByLabel('Passwort').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();

  // Navigation, the page, its grid and its dates speak German (day.month.year).
  await page
    .getByRole('navigation', { name: 'Bereiche' })
    .getByRole('link', { name: 'Benutzer' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzer' })).toBeFocused();
  const grid = page.getByRole('grid', { name: 'Benutzer' });
  await expect(grid.getByRole('columnheader', { name: 'Letzte Anmeldung' })).toBeVisible();
  const adminRow = grid.getByRole('row').filter({ hasText: E2E_ADMIN.email });
  await expect(adminRow.getByRole('gridcell').nth(4)).toHaveText(
    /^\d{2}\.\d{2}\.\d{2,4}, \d{2}:\d{2}:\d{2}$/,
  );
  await expect(adminRow.getByRole('gridcell', { name: 'Admin', exact: true })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Remembered on this device.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzer' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.getByRole('button', { name: 'Sprache' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(
    page.getByRole('grid', { name: 'Users' }).getByRole('columnheader', { name: 'Last sign-in' }),
  ).toBeVisible();
});

test('a browser set to German starts in German', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('link', { name: 'API-Dokumentation' })).toBeVisible();
  } finally {
    await context.close();
  }
});
