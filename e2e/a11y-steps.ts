// axe-core over a page as it is on screen: the WCAG 2.x A/AA rules, reported when serious or
// critical, as one readable line per failing node so a failure says what to fix.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { LOGIN_PAGE, type AppPage } from './app-pages.js';
import { E2E_ADMIN } from './fixtures.js';
import { signIn } from './session-steps.js';

/** How long a page may take to appear (a wait for an event, not a timing assertion). */
const PAGE_LOAD_MS = 30_000;

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? violation.help}`,
      ),
    );
}

/** Opens a page by address and waits for its heading, i.e. for the page to have rendered. */
export async function openPage(page: Page, appPage: AppPage): Promise<void> {
  await page.goto(appPage.path);
  // A page's code loads on first visit; on a machine shared by many test runs that took >10 s.
  await expect(page.getByRole('heading', { level: 1, name: appPage.heading })).toBeVisible({
    timeout: PAGE_LOAD_MS,
  });
  // Spinners and skeletons are not what people read: wait until the page has settled.
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

/**
 * Signs the admin in when `page` is on the sign-in page. Specs that share one page across tests
 * call it first: after a failed test the worker restarts with a fresh, signed-out page.
 */
export async function signInIfNeeded(page: Page): Promise<void> {
  if (!page.url().endsWith(LOGIN_PAGE.path)) return;
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({
    timeout: PAGE_LOAD_MS,
  });
}
