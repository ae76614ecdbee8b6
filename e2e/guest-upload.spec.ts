// A guest upload request used by someone without an account: a 40 MiB file goes from an
// anonymous browser context straight to S3 in parts (the app's engine, against the request's
// scoped uploads API), lands in the request's folder byte for byte, and the owner is notified.
import { createHash, randomBytes } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import { e2eS3 } from './files-steps.js';
import { adminBearer } from './session-steps.js';

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('an anonymous guest sends a 40 MiB file through an upload request and the owner is notified', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const headers = await adminBearer(request);
  const locations = (await (await request.get('/api/files/locations', { headers })).json()) as {
    items: { connectionId: string; bucket: string }[];
  };
  const connectionId = locations.items.find((item) => item.bucket === 'uploads')!.connectionId;
  const created = await request.post('/api/upload-requests', {
    headers,
    data: {
      connectionId,
      bucket: 'uploads',
      prefix: `inbox-${run}/`,
      title: 'Send us the scans',
      maxFiles: 5,
    },
  });
  expect(created.status()).toBe(201);
  const link = (await created.json()) as { id: string; url: string };

  const guest = await browser.newContext();
  const page = await guest.newPage();
  const parts: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'PUT' && sent.url().includes('partNumber=')) parts.push(sent.url());
  });
  await page.goto(new URL(link.url).pathname);
  await expect(page.getByRole('heading', { name: 'Send us the scans' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Limits' })).toContainText('5 more file(s) accepted');
  const bytes = randomBytes(40 * MiB);
  await page.getByLabel('Files to send').setInputFiles({
    name: 'scan.bin',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  const sent = page.getByRole('list', { name: 'Sent files' });
  await expect(sent.getByText('Received · 40.0 MiB')).toBeVisible({ timeout: 90_000 });
  expect(parts.length).toBeGreaterThan(1);
  await guest.close();

  const object = await e2eS3.send(
    new GetObjectCommand({ Bucket: 'uploads', Key: `inbox-${run}/scan.bin` }),
  );
  expect(sha256(await object.Body!.transformToByteArray())).toBe(sha256(bytes));

  const list = (await (await request.get('/api/upload-requests', { headers })).json()) as {
    items: { id: string; unseenFiles: number; files: { key: string }[] }[];
  };
  const mine = list.items.find((item) => item.id === link.id)!;
  expect(mine.unseenFiles).toBe(1);
  expect(mine.files[0]!.key).toBe(`inbox-${run}/scan.bin`);
});
