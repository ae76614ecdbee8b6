// Everyday file operations on the Files page (issue 23): previews of an image and a PDF, renaming
// a file and moving a folder (a queued job), deleting a folder after seeing its count, and a ZIP of
// three files assembled in the browser whose entries hash like the stored objects.
// Not here: restoring a version — the local S3 server keeps no versions (see versions tests).
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { expect, test, type Page } from '@playwright/test';
import { e2eS3 } from './files-steps.js';
import { E2E_ADMIN } from './fixtures.js';
import { adminBearer, signIn } from './session-steps.js';
import { zipEntries } from './zip-entries.js';

const run = `e2e-ops-${Date.now().toString(36)}`;
/** A 2×2 red PNG, built here so its checksums are right. */
function redPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.from([0, 255, 0, 0, 255, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat([row, row]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PNG = redPng();

/** A one-page PDF with a line of text, offsets computed so any reader accepts it. */
function onePagePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 24 Tf 40 100 Td (Hello PDF) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const put = (key: string, body: Buffer | string, type?: string) =>
  e2eS3.send(
    new PutObjectCommand({
      Bucket: 'uploads',
      Key: `${run}/${key}`,
      Body: body,
      ContentType: type,
    }),
  );
async function keysUnder(folder: string): Promise<string[]> {
  const page = await e2eS3.send(
    new ListObjectsV2Command({ Bucket: 'uploads', Prefix: `${run}/${folder}` }),
  );
  return (page.Contents ?? []).map((o) => (o.Key ?? '').slice(`${run}/${folder}`.length)).sort();
}

let connectionId = '';
test.beforeAll(async ({ request }) => {
  const locations = await request.get('/api/files/locations', {
    headers: await adminBearer(request),
  });
  const items = (
    (await locations.json()) as {
      items: { connectionId: string; connectionName: string; bucket: string }[];
    }
  ).items;
  const local =
    items.find((l) => l.bucket === 'uploads' && l.connectionName === 'Local storage') ??
    items.find((l) => l.bucket === 'uploads');
  connectionId = local?.connectionId ?? '';
  expect(connectionId).not.toBe('');
});

async function openFolder(page: Page, folder: string) {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: /Dashboard/ })).toBeVisible();
  const query = new URLSearchParams({
    connection: connectionId,
    bucket: 'uploads',
    root: '',
    prefix: `${run}/${folder}`,
  });
  await page.goto(`/files?${query}`);
  await expect(page.getByRole('table', { name: 'Folder contents' })).toBeVisible();
}

test('previews an image and the first page of a PDF in the details panel', async ({ page }) => {
  await put('preview/pixel.png', PNG, 'image/png');
  await put('preview/doc.pdf', onePagePdf(), 'application/pdf');
  await openFolder(page, 'preview/');
  const contents = page.getByRole('table', { name: 'Folder contents' });
  await contents.getByRole('button', { name: 'pixel.png', exact: true }).click();
  const image = page.getByRole('img', { name: 'pixel.png' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  await page.getByRole('button', { name: 'Close details' }).click();
  await contents.getByRole('button', { name: 'doc.pdf', exact: true }).click();
  const pdf = page.getByRole('img', { name: 'First page of doc.pdf' });
  await expect(pdf).toHaveAttribute('data-rendered', 'true', { timeout: 20_000 });
  // Something was drawn: not every pixel of the page is white.
  const inked = await pdf.evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    return data.some((value, i) => i % 4 !== 3 && value < 128);
  });
  expect(inked).toBe(true);
});

test('renames a file, then moves a folder as a job with progress', async ({ page }) => {
  await put('ops/a.txt', 'alpha');
  await put('ops/folder/x.txt', 'x');
  await put('ops/folder/y.txt', 'y');
  await openFolder(page, 'ops/');
  const contents = page.getByRole('table', { name: 'Folder contents' });
  await contents.getByRole('button', { name: 'a.txt', exact: true }).click();
  await page.getByRole('button', { name: 'Rename or move' }).click();
  const path = page.getByRole('dialog').getByLabel('New path');
  await path.fill(`${run}/ops/b.txt`);
  await path.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(contents.getByRole('button', { name: 'b.txt', exact: true })).toBeVisible();
  expect(await keysUnder('ops/')).toEqual(['b.txt', 'folder/x.txt', 'folder/y.txt']);

  await contents.getByRole('button', { name: 'folder', exact: true }).click();
  await page.getByRole('button', { name: 'Folder', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Rename or move folder…' }).click();
  await page.getByRole('dialog').getByLabel('New folder path').fill(`${run}/ops/moved/`);
  await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
  await expect(page.getByRole('dialog').getByText('Done.', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('dialog').getByText('Moved 2 of 2 objects')).toBeVisible();
  expect(await keysUnder('ops/')).toEqual(['b.txt', 'moved/x.txt', 'moved/y.txt']);
});

test('deletes a folder after showing how many objects it holds', async ({ page }) => {
  await put('trash/1.txt', 'one');
  await put('trash/deeper/2.txt', 'two');
  await openFolder(page, 'trash/');
  await page.getByRole('button', { name: 'Folder', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Delete folder…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('2 object(s), 6 B');
  await dialog.getByRole('button', { name: 'Delete folder' }).click();
  await expect(dialog.getByText('Done.', { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await keysUnder('trash/')).toEqual([]);
});

test('downloads three files as one ZIP assembled in the browser, entries equal to the objects', async ({
  page,
}) => {
  // No save picker in automation: the service worker hands the zip to the browser's downloads.
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  const files = {
    'one.bin': randomBytes(300_000),
    'two.txt': Buffer.from('two\n'),
    'sub/three.bin': randomBytes(70_000),
  };
  for (const [name, bytes] of Object.entries(files)) await put(`zip/${name}`, bytes);
  await openFolder(page, 'zip/');
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download folder as ZIP' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('zip.zip');
  const entries = zipEntries(readFileSync(await download.path()));
  const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
  expect([...entries.keys()].sort()).toEqual(Object.keys(files).sort());
  for (const [name, bytes] of Object.entries(files))
    expect(sha(entries.get(name)!)).toBe(sha(bytes));
});
