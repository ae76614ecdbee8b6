// The Security page follows alerts live: with the page open, a request made here with a scanner's
// user agent raises a scanner-agent alert that shows up without a reload (the fetch-based stream),
// and the admin acknowledges it from the page; the API then holds it as acknowledged by them.
// A person whose password was changed sees a notice about it at their next sign-in and dismisses it.
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

test('a password change leaves a notice at the next sign-in, and it stays dismissed', async ({
  page,
  request,
  baseURL,
}) => {
  const auth = await adminBearer(request);
  const email = `notice-${Date.now().toString(36)}@e2e.test`;
  const first = 'amber-falcon-river-2931';
  const second = 'cobalt-harbor-willow-8462';
  const created = await request.post('/api/users', {
    headers: auth,
    data: { email, role: 'viewer', password: first },
  });
  expect(created.ok()).toBe(true);

  // The person changes their own password through the API (their own request context).
  const own = await playwrightRequest.newContext({ baseURL });
  const login = await own.post('/api/auth/login', { data: { email, password: first } });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const bearer = { authorization: `Bearer ${accessToken}` };
  const changed = await own.post('/api/me/password', {
    headers: bearer,
    data: { currentPassword: first, newPassword: second },
  });
  expect(changed.ok()).toBe(true);
  await own.dispose();

  // The notice comes from the audit feed: wait until the API holds it for this person.
  const relogin = await playwrightRequest.newContext({ baseURL });
  const again = await relogin.post('/api/auth/login', { data: { email, password: second } });
  const token = ((await again.json()) as { accessToken: string }).accessToken;
  await expect
    .poll(async () => {
      const notices = await relogin.get('/api/me/notices', {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await notices.json()) as { items: { kind: string }[] }).items.map((n) => n.kind);
    })
    .toContain('password_changed');

  await signIn(page, email, second);
  const notices = page.getByRole('region', { name: 'Account notices' });
  await expect(notices).toContainText('Your password was changed');
  await notices.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(notices).toHaveCount(0);

  const after = await relogin.get('/api/me/notices', {
    headers: { authorization: `Bearer ${token}` },
  });
  const kinds = ((await after.json()) as { items: { kind: string }[] }).items.map((n) => n.kind);
  expect(kinds).not.toContain('password_changed');
  await relogin.dispose();
});
