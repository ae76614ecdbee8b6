// The API reference at /docs is a page of the web app: signed in, "Try it out" sends the
// session's token (no pasting), and the reference follows the colour mode.
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';
import { signIn } from './session-steps.js';

test('the API docs call the API with the signed-in session and follow the colour mode', async ({
  page,
}) => {
  // Swagger UI is a 1.5 MB chunk that renders ~150 operations: on a busy machine that passed 60 s.
  test.setTimeout(180_000);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.goto('/docs');
  // Swagger UI renders from a large lazily loaded chunk: give a busy machine time.
  await expect(page.getByRole('status')).toHaveText(
    `Requests use your session (${E2E_ADMIN.email}).`,
    { timeout: 60_000 },
  );
  const me = page.locator('.opblock').filter({
    has: page.locator('.opblock-summary-path', { hasText: /^\/api\/me$/ }),
  });
  await me.locator('.opblock-summary').click({ timeout: 60_000 });
  await me.getByRole('button', { name: 'Execute' }).click();
  const answer = me.locator('.live-responses-table .response');
  await expect(answer.locator('.response-col_status')).toHaveText('200');
  await expect(answer.locator('.response-col_description')).toContainText(E2E_ADMIN.email);

  // Light by default here; dark when chosen in the app.
  const reference = page.getByRole('region', { name: 'API reference' });
  await expect(reference).toHaveCSS('filter', 'none');
  await page.evaluate(() => localStorage.setItem('s3am.colorMode', 'dark'));
  await page.reload();
  await expect(reference).toHaveCSS('filter', /invert/);
});
