// Share links in a browser without an account: a password-protected file link opened in a fresh
// context, refused once revoked; a folder link listed and downloaded as one zip made in the
// browser; a link past its expiry refused. Links live at least a day, so the spec moves the
// expiry back in the stack's database, which is what the link check reads on every access.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { e2eS3 } from './files-steps.js';
import { E2E_LOCAL_S3 } from './fixtures.js';
import { adminBearer } from './session-steps.js';

async function localConnectionId(request: APIRequestContext, headers: Record<string, string>) {
  const response = await request.get('/api/files/locations', { headers });
  expect(response.ok()).toBe(true);
  const { items } = (await response.json()) as {
    items: { connectionId: string; bucket: string }[];
  };
  const location = items.find((item) => item.bucket === E2E_LOCAL_S3.bucket);
  if (!location) throw new Error('no location for the local uploads bucket');
  return location.connectionId;
}

async function share(request: APIRequestContext, data: Record<string, unknown>) {
  const headers = await adminBearer(request);
  const connectionId = await localConnectionId(request, headers);
  const response = await request.post('/api/shares', {
    headers,
    data: { connectionId, bucket: E2E_LOCAL_S3.bucket, ...data },
  });
  expect(response.status()).toBe(201);
  return { ...((await response.json()) as { id: string; url: string }), headers };
}

test('a password-protected file link works without an account, and not once revoked', async ({
  browser,
  request,
}) => {
  const run = Date.now().toString(36);
  const key = `shares-${run}/contract.txt`;
  await e2eS3.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: 'signed contract' }));
  const link = await share(request, { key, password: 'open sesame 77' });
  const path = new URL(link.url).pathname;

  const guest = await browser.newContext();
  const page = await guest.newPage();
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'This link is protected' })).toBeVisible();
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('alert')).toContainText('not right');
  await page.getByLabel('Password').fill('open sesame 77');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { name: 'contract.txt' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('contract.txt');
  expect(await readFile(await download.path(), 'utf8')).toBe('signed contract');

  const revoked = await request.delete(`/api/shares/${link.id}`, { headers: link.headers });
  expect(revoked.status()).toBe(204);
  const later = await (await browser.newContext()).newPage();
  await later.goto(path);
  await expect(
    later.getByRole('heading', { name: 'This link is no longer available' }),
  ).toBeVisible();
  await expect(later.getByRole('alert')).toContainText('revoked');
  await guest.close();
});

test('a folder link lists its files and downloads them as one zip', async ({
  browser,
  request,
}) => {
  const run = Date.now().toString(36);
  const files = { 'a.txt': 'alpha', 'b.txt': 'bravo', 'c.txt': 'charlie' };
  for (const [name, body] of Object.entries(files))
    await e2eS3.send(
      new PutObjectCommand({ Bucket: 'uploads', Key: `folder-${run}/${name}`, Body: body }),
    );
  const link = await share(request, { prefix: `folder-${run}/` });

  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link.url).pathname);
  await expect(page.getByRole('heading', { name: `folder-${run}` })).toBeVisible();
  const list = page.getByRole('list', { name: 'Files' });
  for (const name of Object.keys(files))
    await expect(list.getByText(name, { exact: true })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all as ZIP' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`folder-${run}.zip`);
  const zip = await readFile(await download.path());
  // Stored entries (client-zip does not compress): each name and body appears in the archive.
  expect(zip.subarray(0, 4).toString('hex')).toBe('504b0304');
  for (const [name, body] of Object.entries(files)) {
    expect(zip.includes(Buffer.from(name))).toBe(true);
    expect(zip.includes(Buffer.from(body))).toBe(true);
  }
});

/** The stack's embedded database, as playwright.config.ts started it (port and password in DATA_DIR). */
function stackDatabaseUrl(): string {
  const dataDir = process.env.S3AM_E2E_DATA_DIR;
  if (!dataDir) throw new Error('S3AM_E2E_DATA_DIR is not set (see playwright.config.ts)');
  const { postgresPassword } = JSON.parse(
    readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'),
  ) as { postgresPassword: string };
  const port = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3];
  return `postgresql://postgres:${encodeURIComponent(postgresPassword)}@127.0.0.1:${port?.trim()}/s3am`;
}

test('a link past its expiry is refused with one clear page', async ({ browser, request }) => {
  const run = Date.now().toString(36);
  const key = `expiring-${run}/notes.txt`;
  await e2eS3.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: 'notes' }));
  const link = await share(request, { key, expiresInDays: 1 });
  const pathname = new URL(link.url).pathname;

  const page = await (await browser.newContext()).newPage();
  await page.goto(pathname);
  await expect(page.getByRole('heading', { name: 'notes.txt' })).toBeVisible();

  const db = new pg.Client({ connectionString: stackDatabaseUrl() });
  await db.connect();
  try {
    const moved = await db.query(
      "UPDATE shares SET expires_at = now() - interval '1 minute' WHERE id = $1",
      [link.id],
    );
    expect(moved.rowCount).toBe(1);
  } finally {
    await db.end();
  }
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'This link is no longer available' }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('expired');
  const listed = (await (await request.get('/api/shares', { headers: link.headers })).json()) as {
    items: { id: string; status: string }[];
  };
  expect(listed.items.find((item) => item.id === link.id)?.status).toBe('expired');
});
