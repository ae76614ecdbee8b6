// axe-core on every page, in light and dark mode, on a desktop and a phone screen: no serious or
// critical violations (contrast, names, landmarks, focusable scroll regions).
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { LOGIN_PAGE, SIGNED_IN_PAGES } from './app-pages.js';
import { openPage, seriousAxeViolations, signInIfNeeded } from './a11y-steps.js';
import { E2E_ADMIN } from './fixtures.js';
import { signIn } from './session-steps.js';

const MODES = ['light', 'dark'] as const;
const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 360, height: 740 } },
] as const;

for (const screen of SCREENS) {
  for (const mode of MODES) {
    // Not serial: a page with violations must not hide the next page's. A failure restarts the
    // worker, and beforeAll signs in again.
    test.describe(`axe, ${mode} mode, ${screen.name}`, () => {
      let context: BrowserContext;
      let page: Page;

      test.beforeAll(async ({ browser }) => {
        // axe needs a page of a context we created (it opens a blank page in it to finish).
        context = await browser.newContext({ viewport: screen.viewport });
        // The app's own remembered choice, so the result does not depend on the system setting.
        await context.addInitScript((chosen) => {
          localStorage.setItem('s3am.colorMode', chosen);
        }, mode);
        page = await context.newPage();
        await openPage(page, LOGIN_PAGE);
      });
      test.afterAll(async () => {
        await context.close();
      });

      test('the sign-in page has no serious violations', async () => {
        if (!page.url().endsWith(LOGIN_PAGE.path)) await openPage(page, LOGIN_PAGE);
        expect(await seriousAxeViolations(page)).toEqual([]);
      });

      for (const appPage of SIGNED_IN_PAGES) {
        test(`${appPage.path} has no serious violations`, async () => {
          await signInIfNeeded(page);
          await openPage(page, appPage);
          expect(await seriousAxeViolations(page)).toEqual([]);
        });
      }
    });
  }
}

// What opens on top of a page: the phone's navigation drawer and a dialog.
test.describe('axe on drawers and dialogs', () => {
  test('the phone navigation drawer and the New user dialog have no serious violations', async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    try {
      await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      await page.getByRole('button', { name: 'Open navigation' }).click();
      const drawer = page.getByRole('dialog', { name: 'Navigation' });
      await expect(drawer).toBeVisible();
      expect(await seriousAxeViolations(page)).toEqual([]);

      await drawer.getByRole('link', { name: 'Users' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
      await page.getByRole('button', { name: 'New user' }).click();
      await expect(page.getByRole('dialog', { name: 'New user' })).toBeVisible();
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
