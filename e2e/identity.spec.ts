// Identity end to end: an admin creates an uploader; the uploader signs in with the one-time
// password, must change it, turns on 2FA, signs out and back in with a TOTP code; the admin
// then finds all of it in the Audit page.
import { expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { E2E_ADMIN } from './fixtures.js';
import { signIn, signOut } from './session-steps.js';

test('an uploader is created, changes the password, enrols 2FA and signs in with a code; the admin audits it', async ({
  page,
}) => {
  const email = `uploader-${Date.now()}@e2e.test`;
  const newPassword = 'granite-orchard-lantern-58';

  // Admin creates the uploader and reads the one-time password.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  const oneTimePassword = await dialog
    .getByRole('textbox', { name: 'One-time password' })
    .inputValue();
  expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('grid', { name: 'Users' }).getByText(email)).toBeVisible();
  await signOut(page);

  // The uploader must replace the one-time password first.
  await signIn(page, email, oneTimePassword);
  await expect(page).toHaveURL(/\/change-password/);
  await page.getByLabel(/^Current password/).fill(oneTimePassword);
  await page.getByLabel(/^New password/).fill(newPassword);
  await page.getByLabel(/^Repeat new password/).fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  // Enrol 2FA from the profile: the secret shown beside the QR code drives our authenticator.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Profile and security' }).click();
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = await page
    .getByRole('textbox', { name: 'Secret key (to type in by hand)' })
    .inputValue();
  const authenticator = new TOTP({
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  });
  await page.getByLabel('Code from the app').fill(authenticator.generate());
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(
    page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem'),
  ).toHaveCount(10);
  await page.getByRole('button', { name: 'I saved them' }).click();
  await signOut(page);

  // Back in with a code: the password alone is not enough any more. A code is accepted once,
  // so sign in with the next period's code (within the ±30 s drift window), not the one used above.
  await signIn(page, email, newPassword);
  await expect(page.getByLabel('Two-factor code')).toBeVisible();
  await page
    .getByLabel('Two-factor code')
    .fill(authenticator.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await signOut(page);

  // The admin sees every step in the audit log, and the chain verifies.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole('link', { name: 'Audit' }).click();
  await page.getByLabel('Search').fill(email);
  const events = page.getByRole('table', { name: 'Audit events' });
  // Each row must be about this user (as actor, or by email in the details for user.create),
  // so the check cannot pass on rows shown before the filter applied.
  for (const action of [
    'user.create',
    'user.password_change',
    'two_factor.enable',
    'auth.login',
    'auth.logout',
  ]) {
    await expect(
      events.getByRole('row').filter({ hasText: action }).filter({ hasText: email }).first(),
    ).toBeVisible();
  }
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status')).toContainText('The audit chain is intact');
});
