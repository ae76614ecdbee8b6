// Every page fits a 360 px wide phone screen: nothing wider than the viewport, so nobody has to
// scroll sideways to reach a button.
import { expect, test, type Page } from '@playwright/test';
import { LOGIN_PAGE, SIGNED_IN_PAGES } from './app-pages.js';
import { openPage, signInIfNeeded } from './a11y-steps.js';

const PHONE = { width: 360, height: 740 };

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
  );
}

// Not serial: one page too wide must not hide the next. A failure restarts the worker, and the
// next test signs in again.
test.describe('phone width', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await openPage(page, LOGIN_PAGE);
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('the sign-in page fits 360 px', async () => {
    if (!page.url().endsWith(LOGIN_PAGE.path)) await openPage(page, LOGIN_PAGE);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  // Before the page walk, so the Uploads page is measured with its history filled in.
  test('picking files on a phone shows the queue, and the upload lands in the history', async () => {
    await signInIfNeeded(page);
    await openPage(page, { path: '/uploads', heading: 'Uploads' });
    const name = `phone-${Date.now()}.txt`;
    await page.getByTestId('upload-file-input').setInputFiles({
      name,
      mimeType: 'text/plain',
      buffer: Buffer.from('picked on a phone\n'),
    });
    // The queue is below the drop zone: it is announced and scrolled into view.
    const added = page.getByRole('status').filter({ hasText: '1 file added to the queue.' });
    await expect(added).toBeInViewport();
    await expect(page.getByTestId('upload-row')).toHaveAttribute('data-state', 'completed');
    await expect(page.getByRole('list', { name: 'Upload history' })).toContainText(name);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  for (const appPage of SIGNED_IN_PAGES) {
    test(`${appPage.path} fits 360 px`, async () => {
      await signInIfNeeded(page);
      await openPage(page, appPage);
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    });
  }
});
