// A keyboard-only tour of Users: sign in, skip link, the drawer's focus ring, focus on the page
// heading after navigation, a dialog submitted with Enter, rows opened with Enter and Space.
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';
import { focusOutline, tabTo } from './keyboard-steps.js';

test('an admin tours Users with the keyboard only', async ({ page }) => {
  // Some 80 key presses, each a round trip to the browser: on a busy machine that passes 60 s.
  test.setTimeout(180_000);
  const email = `keyboard-${Date.now()}@e2e.test`;

  // Sign in: the email field has focus, Tab to the password, Enter submits.
  await page.goto('/login');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(E2E_ADMIN.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(E2E_ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // The first Tab stop is the skip link, shown only while focused.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  // On through the app bar into the drawer: the focused section wears a visible ring.
  const usersLink = page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Users' });
  await tabTo(page, usersLink);
  await expect(skip).not.toBeInViewport();
  expect(await focusOutline(usersLink)).toBe('solid 3px');
  await page.keyboard.press('Enter');

  // Focus lands on the new page's heading, and the tab title follows.
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeFocused();
  await expect(page).toHaveTitle(/^Users · /);

  // Back up to the skip link: it jumps past the app bar and the drawer into the page.
  await tabTo(page, skip, { backwards: true });
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // New user: Enter in the email field submits the dialog.
  await tabTo(page, page.getByRole('button', { name: 'New user' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  // The form that had focus is gone: focus moves to the password it produced, so Escape (and a
  // screen reader) still acts on the dialog.
  await expect(dialog.getByRole('textbox', { name: 'One-time password' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Find the user, move into the grid, open the row with Enter, then with Space.
  await tabTo(page, page.getByLabel('Search by email'));
  await page.keyboard.type(email);
  const grid = page.getByRole('grid', { name: 'Users' });
  await expect(grid.getByRole('row')).toHaveCount(2); // the header row and the one user
  await tabTo(page, grid.getByRole('columnheader', { name: 'Email' }));
  await page.keyboard.press('ArrowDown');
  const cell = grid.getByRole('gridcell', { name: email });
  await expect(cell).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: email })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cell).toBeFocused();

  await page.keyboard.press('Space');
  await expect(dialog.getByRole('heading', { name: email })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
