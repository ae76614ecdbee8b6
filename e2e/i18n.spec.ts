// The German locale: switched on the sign-in page, remembered, <html lang> set, pages and their
// dates in German, and back to English from the app bar; a German browser starts in German; the
// working pages (Files, Uploads, Connections, Permissions, Audit, Security and its rules, New
// migration) speak German and fit a phone's width in it (German words are longer); a share link
// opened by a German browser without an account reads German too.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { e2eS3 } from './files-steps.js';
import { seriousAxeViolations } from './a11y-steps.js';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';
import { adminBearer, signIn } from './session-steps.js';

// A page's code loads on its first visit; on a machine shared by several runs that took > 10 s.
const PAGE_LOAD = { timeout: 30_000 };

test('an admin switches to German, works in it, and switches back to English', async ({ page }) => {
  // Pages load their code on first visit; on a shared machine that alone can take a minute.
  test.slow();
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
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible(PAGE_LOAD);

  // Navigation, the page, its grid and its dates speak German (day.month.year).
  await page
    .getByRole('navigation', { name: 'Bereiche' })
    .getByRole('link', { name: 'Benutzer' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzer' })).toBeFocused(PAGE_LOAD);
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
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzer' })).toBeVisible(PAGE_LOAD);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await page.getByRole('button', { name: 'Sprache' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible(PAGE_LOAD);
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

/** A page in German: its address, its heading, and one control that must be German too. */
const GERMAN_PAGES: { path: string; heading: string; control: (page: Page) => Locator }[] = [
  {
    path: '/files',
    heading: 'Dateien',
    control: (page) => page.getByRole('button', { name: 'Neuer Ordner' }),
  },
  {
    path: '/uploads',
    heading: 'Uploads',
    control: (page) => page.getByRole('button', { name: 'Dateien wählen' }),
  },
  {
    path: '/connections',
    heading: 'S3-Verbindungen',
    control: (page) => page.getByRole('button', { name: 'Neue Verbindung' }),
  },
  {
    path: '/permissions',
    heading: 'Berechtigungen',
    control: (page) => page.getByRole('button', { name: 'Neue Freigabe' }),
  },
  {
    path: '/audit',
    heading: 'Audit-Protokoll',
    control: (page) => page.getByRole('button', { name: 'Kette prüfen' }),
  },
  {
    path: '/security',
    heading: 'Sicherheit',
    control: (page) => page.getByRole('tab', { name: 'Sperren & Zulassungslisten' }),
  },
  {
    path: '/security?tab=rules',
    heading: 'Sicherheit',
    control: (page) => page.getByLabel('Zusammenfassungsfenster (Minuten)'),
  },
  {
    path: '/migrations/new',
    heading: 'Neue Migration',
    control: (page) => page.getByRole('combobox', { name: 'Quellverbindung' }),
  },
];

test('the working pages speak German and fit a phone in it', async ({ browser }) => {
  // Eight pages, each loading its code on first visit, on a machine shared with other runs.
  test.slow();
  const context = await browser.newContext({
    locale: 'de-DE',
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Anmelden' })).toBeVisible();
    await page.getByLabel('E-Mail').fill(E2E_ADMIN.email);
    await page.getByLabel('Passwort').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible(PAGE_LOAD);

    for (const german of GERMAN_PAGES) {
      await page.goto(german.path);
      await expect(
        page.getByRole('heading', { level: 1, name: german.heading, exact: true }),
      ).toBeVisible(PAGE_LOAD);
      await expect(german.control(page)).toBeVisible();
      await expect(page.getByRole('progressbar')).toHaveCount(0);
      // The width, and the innermost element reaching past the screen (named in a failure).
      const { width, widest } = await page.evaluate(() => {
        const past = [...document.querySelectorAll('body *')].filter(
          (element) =>
            element.getBoundingClientRect().right > window.innerWidth + 0.5 &&
            element.children.length === 0,
        );
        return {
          width: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
          widest: past.map((element) => element.textContent?.trim() || element.tagName).join(' | '),
        };
      });
      expect(width, `${german.path} in German is too wide: ${widest}`).toBeLessThanOrEqual(360);
    }
  } finally {
    await context.close();
  }
});

test('the same pages still read in English by default', async ({ page }) => {
  test.slow();
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible(PAGE_LOAD);
  await page.goto('/files');
  await expect(page.getByRole('heading', { level: 1, name: 'Files', exact: true })).toBeVisible(
    PAGE_LOAD,
  );
  await expect(page.getByRole('button', { name: 'New folder' })).toBeVisible();
  await page.goto('/security');
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible(PAGE_LOAD);
  await expect(page.getByRole('tab', { name: 'Blocks & allow-lists' })).toBeVisible();
});

test('a German browser opening a share link without an account reads German', async ({
  browser,
  request,
}) => {
  const key = `i18n-${Date.now().toString(36)}/vertrag.txt`;
  await e2eS3.send(
    new PutObjectCommand({ Bucket: E2E_LOCAL_S3.bucket, Key: key, Body: 'unterschrieben' }),
  );
  // The link is made by the admin through the API, as the Share dialog would.
  const headers = await adminBearer(request);
  const locations = await request.get('/api/files/locations', { headers });
  expect(locations.ok()).toBe(true);
  const { items } = (await locations.json()) as {
    items: { connectionId: string; bucket: string }[];
  };
  const connectionId = items.find((item) => item.bucket === E2E_LOCAL_S3.bucket)?.connectionId;
  expect(connectionId).toBeDefined();
  const created = await request.post('/api/shares', {
    headers,
    data: { connectionId, bucket: E2E_LOCAL_S3.bucket, key, maxDownloads: 3 },
  });
  expect(created.status()).toBe(201);
  const { url } = (await created.json()) as { url: string };

  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto(new URL(url).pathname);
    await expect(page.getByRole('heading', { level: 1, name: 'vertrag.txt' })).toBeVisible(
      PAGE_LOAD,
    );
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('button', { name: 'Herunterladen' })).toBeVisible();
    // The size and the expiry in German (decimal comma or whole bytes, day.month.year).
    await expect(page.getByText(/^14 B · Verfügbar bis \d{2}\.\d{2}\.\d{2,4}, /)).toBeVisible();
    await expect(page.getByText('noch 3 Download(s)', { exact: false })).toBeVisible();
    await expect(page.getByText('Geteilt über S3 Access Manager')).toBeVisible();

    // An unknown link's page, too (well-formed: a malformed token is refused before the lookup).
    const token = new URL(url).pathname.split('/').pop() ?? '';
    await page.goto(`/s/${token.startsWith('A') ? 'B' : 'A'}${token.slice(1)}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Diesen Link gibt es nicht' }),
    ).toBeVisible(PAGE_LOAD);
  } finally {
    await context.close();
  }
});
