// Migration jobs in the browser, on two API instances sharing one database: an admin defines a
// job with the form on instance A and watches it there; a page on instance B follows the same job
// live (only Postgres LISTEN/NOTIFY links B to the copy); both reach 100 %, and a viewer who opens
// the job on B after it finished sees the final numbers at once.
import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, E2E_LOCAL_S3 } from './fixtures.js';
import { putObject } from './files-steps.js';
import { startSecondInstance, type SecondInstance } from './second-instance.js';
import { signIn } from './session-steps.js';

const OBJECTS = 48;
const OBJECT_BYTES = 64 * 1024;
let second: SecondInstance;

test.beforeAll(async () => {
  second = await startSecondInstance();
});

test.afterAll(async () => {
  await second?.stop();
});

async function pickConnection(page: Page, label: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: /Local storage/ }).click();
}

/** The objects count of a row of the job's table (its name is the row header, not a cell). */
function objectsOf(page: Page, row: 'copied' | 'discovered') {
  return page.getByTestId(`count-${row}`).getByRole('cell').first();
}

test('two pages on two API instances watch one migration to 100 %; a late viewer sees the result at once', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const source = `mig-e2e-${run}/src/`;
  const destination = `mig-e2e-${run}/dst/`;
  const body = Buffer.alloc(OBJECT_BYTES, 7);
  for (let i = 0; i < OBJECTS; i += 8)
    await Promise.all(
      Array.from({ length: 8 }, (_, j) =>
        putObject(E2E_LOCAL_S3.bucket, `${source}file-${i + j}.bin`, body),
      ),
    );

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole('link', { name: 'Migrations' }).click();
  // First visits load the page's code (the data grid is large): slow on a shared machine.
  const firstLoad = { timeout: 30_000 };
  await expect(page.getByRole('heading', { name: 'Migrations', level: 1 })).toBeVisible(firstLoad);
  await page.getByRole('link', { name: 'New migration' }).click();

  await expect(page.getByRole('heading', { name: 'New migration' })).toBeVisible(firstLoad);
  await pickConnection(page, 'Source connection');
  await page.getByLabel('Source bucket').fill(E2E_LOCAL_S3.bucket);
  await page.getByLabel('Source prefix').fill(source);
  await pickConnection(page, 'Destination connection');
  await page.getByLabel('Destination bucket').fill(E2E_LOCAL_S3.bucket);
  await page.getByLabel('Destination prefix').fill(destination);
  // 0.2 MiB/s for 3 MiB: about 15 s of copying, so the job is paused long before its end.
  await page.getByLabel('Bandwidth cap (MiB/s)').fill('0.2');
  // Two at a time: a pause leaves at most two copies to finish.
  await page.getByLabel('Concurrency (objects at once)').fill('2');
  await expect(page.getByLabel('identity policy', { exact: true })).toContainText(
    'ListSourcePrefix',
  );
  await page.screenshot({ path: testInfo.outputPath('migration-form.png'), fullPage: true });

  // Instance B: another origin, its own sign-in (done before the job starts); it never copies.
  const other = await browser.newContext({ baseURL: second.baseURL });
  const watcher = await other.newPage();
  await signIn(watcher, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(watcher.getByRole('button', { name: 'Account menu' })).toBeVisible(firstLoad);

  await page.getByRole('button', { name: 'Start migration' }).click();
  await expect(page).toHaveURL(/\/migrations\/[0-9a-f-]{36}$/, firstLoad);
  const jobPath = new URL(page.url()).pathname;
  // Paused until the page on B is open (a loaded machine may take long to load it): B must then
  // see every later change live, since it was watching before they happened.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('migration-state')).toHaveText('Paused', firstLoad);
  await watcher.goto(jobPath);
  await expect(watcher.getByTestId('migration-state')).toHaveText('Paused', { timeout: 30_000 });
  await expect(watcher.getByText('Live', { exact: true })).toBeVisible();
  await expect(watcher.getByTestId('migration-percent')).not.toHaveText('100 %');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(watcher.getByTestId('migration-state')).toHaveText('Running');
  await page.screenshot({ path: testInfo.outputPath('migration-running.png'), fullPage: true });

  for (const viewer of [page, watcher]) {
    await expect(viewer.getByTestId('migration-percent')).toHaveText('100 %', { timeout: 120_000 });
    await expect(viewer.getByTestId('migration-state')).toHaveText('Completed');
    await expect(objectsOf(viewer, 'copied')).toHaveText(String(OBJECTS));
    await expect(viewer.getByRole('log')).toContainText(`Finished: ${OBJECTS} copied`);
  }
  await page.screenshot({ path: testInfo.outputPath('migration-finished.png'), fullPage: true });

  // A late viewer on B: the job is over, so nothing but the first event can bring these numbers.
  const late = await other.newPage();
  await late.goto(jobPath);
  await expect(late.getByTestId('migration-state')).toHaveText('Completed', firstLoad);
  await expect(late.getByTestId('migration-percent')).toHaveText('100 %');
  await expect(objectsOf(late, 'copied')).toHaveText(String(OBJECTS));
  await expect(objectsOf(late, 'discovered')).toHaveText(String(OBJECTS));
  await expect(late.getByRole('log')).toContainText(`Finished: ${OBJECTS} copied`);

  await page.getByRole('link', { name: 'All jobs' }).click();
  await expect(page.getByRole('grid', { name: 'Migration jobs' })).toContainText('Completed');
  await page.screenshot({ path: testInfo.outputPath('migration-list.png'), fullPage: true });
  await other.close();
});
