// The Security page follows alerts live: with the page open, a request made here with a scanner's
// user agent raises a scanner-agent alert that shows up without a reload (the fetch-based stream),
// and the admin acknowledges it from the page; the API then holds it as acknowledged by them.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';
import { adminBearer, signIn } from './session-steps.js';

interface AlertItem {
  id: string;
  rule: string;
  status: string;
  acknowledgedBy: string | null;
}

const RULE = 'scanner-agent';

test('a scanner request raises an alert that appears on the open Security page; the admin acknowledges it', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const auth = await adminBearer(request);
  // Alerts for this rule and address fold into one open alert (dedup): resolve earlier ones so
  // the new detection opens a fresh alert that the page has not seen yet.
  const before = await request.get(`/api/security/alerts?status=open&rule=${RULE}`, {
    headers: auth,
  });
  expect(before.ok()).toBe(true);
  for (const alert of ((await before.json()) as { items: AlertItem[] }).items) {
    expect(
      (await request.post(`/api/security/alerts/${alert.id}/resolve`, { headers: auth })).ok(),
    ).toBe(true);
  }

  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();
  await expect(page.getByTestId('alert-stream-state')).toHaveText('Live');
  const alerts = page.getByRole('table', { name: 'Alerts' });
  const rows = alerts.getByTestId('alert-row').filter({ hasText: RULE });
  await expect(rows).toHaveCount(0);
  // A marker on this document: it is gone if the page reloads.
  await page.evaluate(() => ((window as unknown as { securityMarker: number }).securityMarker = 1));

  const scanner = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { 'user-agent': 'sqlmap/1.8.2#stable (https://sqlmap.org)' },
  });
  await scanner.get('/api/system/status');
  await scanner.dispose();

  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('MEDIUM');
  await expect(rows.first()).toContainText('Open');
  expect(
    await page.evaluate(() => (window as unknown as { securityMarker?: number }).securityMarker),
  ).toBe(1);

  // The evidence names the request that matched.
  await rows.first().getByRole('button', { name: 'Show evidence' }).click();
  await expect(page.getByRole('table', { name: 'Evidence' })).toContainText('request');

  await rows.first().getByRole('button', { name: 'Acknowledge' }).click();
  // Acknowledged alerts leave the "Open" view; under "All" the row says who acknowledged it.
  await expect(rows).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'All' }).click();
  await expect(rows.first()).toContainText('Acknowledged');
  await expect(rows.first()).toContainText(E2E_ADMIN.email);

  const after = await request.get(`/api/security/alerts?status=acknowledged&rule=${RULE}`, {
    headers: auth,
  });
  const acknowledged = ((await after.json()) as { items: AlertItem[] }).items;
  expect(acknowledged.map((alert) => alert.acknowledgedBy)).toContain(E2E_ADMIN.email);
});
