// Connections, grants and the file browser end to end: the admin registers the local S3 server as
// a connection and tests it, grants a new user list/read/delete on uploads/team-a/; the user sees
// only team-a, downloads a file with the right bytes and deletes another.
import { readFile } from 'node:fs/promises';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { e2eS3 } from './files-steps.js';
import { E2E_ADMIN, E2E_LOCAL_S3, E2E_LOCAL_S3_ENDPOINT } from './fixtures.js';
import { signIn, signOut } from './session-steps.js';

const REPORT = 'Quarterly report for team A.\nNumbers go here.\n';

async function keysUnder(prefix: string): Promise<string[]> {
  const page = await e2eS3.send(
    new ListObjectsV2Command({ Bucket: E2E_LOCAL_S3.bucket, Prefix: prefix }),
  );
  return (page.Contents ?? []).map((object) => object.Key ?? '');
}

/** An admin-created user, with the one-time password they must change at first sign-in. */
async function createUser(request: APIRequestContext, email: string) {
  const login = await request.post('/api/auth/login', {
    data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
  });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await request.post('/api/users', {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { email, role: 'uploader' },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { oneTimePassword: string }).oneTimePassword;
}

test('a granted user sees only their prefix, downloads a file and deletes another', async ({
  page,
  request,
}) => {
  const run = Date.now().toString(36);
  const connectionName = `E2E storage ${run}`;
  const email = `files-${run}@e2e.test`;
  const newPassword = 'harbour-willow-compass-41';
  await e2eS3.send(
    new PutObjectCommand({ Bucket: 'uploads', Key: 'team-a/report.txt', Body: REPORT }),
  );
  await e2eS3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'team-a/old.txt', Body: 'old' }));
  await e2eS3.send(
    new PutObjectCommand({ Bucket: 'uploads', Key: 'team-b/secret.txt', Body: 'not for A' }),
  );
  const oneTimePassword = await createUser(request, email);

  // The admin registers the same local S3 server as a connection and tests it.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.getByRole('link', { name: 'Connections' }).click();
  await page.getByRole('button', { name: 'New connection' }).click();
  const connectionDialog = page.getByRole('dialog');
  await connectionDialog.getByLabel('Name').fill(connectionName);
  await connectionDialog.getByLabel('Endpoint', { exact: true }).fill(E2E_LOCAL_S3_ENDPOINT);
  await connectionDialog.getByLabel('Path-style URLs').check();
  await connectionDialog.getByLabel('Access key id').fill(E2E_LOCAL_S3.accessKeyId);
  await connectionDialog.getByLabel('Secret access key').fill(E2E_LOCAL_S3.secretAccessKey);
  await connectionDialog.getByLabel('Buckets').fill(E2E_LOCAL_S3.bucket);
  await connectionDialog.getByRole('button', { name: 'Save' }).click();
  await expect(connectionDialog).toBeHidden();
  const card = page
    .locator('.MuiCard-root')
    .filter({ has: page.getByRole('heading', { name: connectionName }) });
  await card.getByRole('button', { name: 'Test connection' }).click();
  await expect(card.getByRole('alert')).toContainText('Connected.');

  // Through the Permissions page: list, read and delete on uploads/team-a/ for the new user.
  await page.getByRole('link', { name: 'Permissions' }).click();
  await page.getByRole('button', { name: 'New grant' }).click();
  const grantDialog = page.getByRole('dialog');
  await grantDialog.getByRole('combobox', { name: 'User' }).fill(email);
  await page.getByRole('option', { name: email }).click();
  await grantDialog.getByRole('combobox', { name: 'Connection' }).click();
  await page.getByRole('option', { name: connectionName }).click();
  await expect(grantDialog.getByRole('combobox', { name: 'Bucket' })).toHaveValue('uploads');
  await grantDialog.getByLabel('Prefix').fill('team-a/');
  await grantDialog.getByRole('checkbox', { name: 'Delete' }).check();
  await grantDialog.getByRole('button', { name: 'Create grant' }).click();
  await expect(grantDialog).toBeHidden();
  const grantRow = page.getByRole('table', { name: 'Grants' }).getByRole('row').filter({
    hasText: email,
  });
  await expect(grantRow).toContainText('team-a/');
  await expect(grantRow).toContainText(connectionName);
  await signOut(page);

  // The user replaces the one-time password, then browses: team-a only.
  await signIn(page, email, oneTimePassword);
  await expect(page).toHaveURL(/\/change-password/);
  await page.getByLabel(/^Current password/).fill(oneTimePassword);
  await page.getByLabel(/^New password/).fill(newPassword);
  await page.getByLabel(/^Repeat new password/).fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.getByRole('link', { name: 'Files' }).click();
  await expect(page.getByRole('combobox', { name: 'Location' })).toHaveText(
    `${connectionName} · uploads/team-a/`,
  );
  const contents = page.getByRole('table', { name: 'Folder contents' });
  await expect(contents.getByRole('button', { name: 'report.txt', exact: true })).toBeVisible();
  await expect(contents.getByRole('button', { name: 'old.txt', exact: true })).toBeVisible();
  await expect(page.getByText(/team-b|secret\.txt/)).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Location' }).click();
  await expect(page.getByRole('option')).toHaveText([`${connectionName} · uploads/team-a/`]);
  await page.keyboard.press('Escape');

  // Download: the browser saves exactly the bytes in S3, under the object's name.
  const downloaded = page.waitForEvent('download');
  await contents.getByRole('button', { name: 'Download report.txt' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('report.txt');
  expect(await readFile(await download.path(), 'utf8')).toBe(REPORT);

  // Delete old.txt after confirming; it leaves the listing and the bucket, and nothing else goes.
  await contents.getByRole('checkbox', { name: 'Select old.txt' }).check();
  await page.getByRole('button', { name: 'Delete (1)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this file?' });
  await expect(confirm).toContainText('team-a/old.txt');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(contents.getByRole('button', { name: 'old.txt', exact: true })).toHaveCount(0);
  await expect(contents.getByRole('button', { name: 'report.txt', exact: true })).toBeVisible();
  expect(await keysUnder('team-a/')).toEqual(['team-a/report.txt']);
  expect(await keysUnder('team-b/')).toEqual(['team-b/secret.txt']);
});
