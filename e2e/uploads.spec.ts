// A person drops a 200 MiB file on the Uploads page, reloads mid-upload, selects the file again:
// the upload resumes without re-sending the parts S3 holds, completes, and the object is the file.
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page, type Response, type Route } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';
import { adminBearer, openUploadsPage, signIn } from './session-steps.js';

const MiB = 1024 * 1024;
const FILE_SIZE = 200 * MiB;
/** Parts let through before the reload; the others are held so the reload comes mid-upload. */
const PARTS_BEFORE_RELOAD = 4;

function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/** 200 MiB that differ from part to part (a repeated block would hide a part sent twice or out of place). */
function writeTestFile(file: string): void {
  const buffer = Buffer.alloc(FILE_SIZE);
  for (let offset = 0; offset < FILE_SIZE; offset += 4) buffer.writeUInt32LE(offset / 4, offset);
  writeFileSync(file, buffer);
}

function partNumberOf(url: string): number | null {
  const value = new URL(url).searchParams.get('partNumber');
  return value === null ? null : Number(value);
}

/** Drops files on the drop zone the way a browser does: a drop event carrying a DataTransfer. */
async function dropFile(page: Page, file: string): Promise<void> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'e2e-drop-source';
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#e2e-drop-source').setInputFiles(file);
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#e2e-drop-source');
    const zone = document.querySelector('[data-testid="upload-drop-zone"]');
    if (!input?.files || !zone) throw new Error('drop source or zone missing');
    const dataTransfer = new DataTransfer();
    for (const picked of Array.from(input.files)) dataTransfer.items.add(picked);
    zone.dispatchEvent(
      new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer }),
    );
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
    input.remove();
  });
}

test('resumes a 200 MiB upload after a reload without re-sending finished parts', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 's3am-e2e-upload-'));
  const file = path.join(dir, `resume-${Date.now()}.bin`);
  writeTestFile(file);
  const expectedSha = await sha256OfFile(file);

  try {
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await expect(page.getByRole('heading', { name: /Dashboard/ })).toBeVisible();
    await openUploadsPage(page);

    // Let a few parts reach S3 and hold the rest, so the reload surely comes mid-upload.
    const isPartPut = (method: string, url: string) =>
      method === 'PUT' && partNumberOf(url) !== null && new URL(url).searchParams.has('uploadId');
    const finishedBeforeReload = new Set<number>();
    const held: Route[] = [];
    let released = 0;
    const onResponse = (response: Response) => {
      const request = response.request();
      if (isPartPut(request.method(), request.url()) && response.ok())
        finishedBeforeReload.add(partNumberOf(request.url()) ?? 0);
    };
    page.on('response', onResponse);
    await page.route(
      (url) => url.searchParams.has('partNumber'),
      async (route) => {
        const request = route.request();
        if (!isPartPut(request.method(), request.url())) return route.fallback();
        if (released >= PARTS_BEFORE_RELOAD) {
          held.push(route);
          return;
        }
        released++;
        await route.continue();
      },
    );

    await dropFile(page, file);
    const row = page.getByTestId('upload-row');
    await expect(row).toHaveCount(1);
    // Wait on the event, not a timer: parts are in S3 and the page shows progress.
    await expect
      .poll(() => finishedBeforeReload.size, { timeout: 60_000 })
      .toBe(PARTS_BEFORE_RELOAD);
    await expect(row.getByTestId('upload-percent')).not.toHaveText('0 %');

    page.off('response', onResponse);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();
    for (const route of held) await route.abort().catch(() => undefined);

    // After the reload the upload waits for its file.
    const pending = page.getByTestId('pending-upload');
    await expect(page.getByText(/Waiting for the file — select it again to resume/)).toBeVisible();
    await expect(pending).toHaveCount(1);
    await expect(pending).toContainText(path.basename(file));

    const sentAfterResume: number[] = [];
    page.on('request', (request) => {
      const partNumber = partNumberOf(request.url());
      if (request.method() === 'PUT' && partNumber !== null) sentAfterResume.push(partNumber);
    });
    await page.getByTestId('upload-file-input').setInputFiles(file);

    // It continues: the first progress shown is above 0 and says what was already there.
    const resumedRow = page.getByTestId('upload-row');
    await expect(resumedRow.getByTestId('upload-resumed')).toContainText('already in the bucket');
    await expect(pending).toHaveCount(0);
    await expect(resumedRow).toHaveAttribute('data-state', 'completed', { timeout: 180_000 });
    for (const partNumber of finishedBeforeReload)
      expect(sentAfterResume).not.toContain(partNumber);
    expect(sentAfterResume.length).toBeGreaterThan(0);

    // The object in the bucket is byte for byte the file.
    const headers = await adminBearer(page.request);
    const completed = (await (
      await page.request.get('/api/uploads?state=completed', { headers })
    ).json()) as { items: { key: string; bucket: string; connectionId: string; size: number }[] };
    const upload = completed.items.find((item) => item.key.endsWith(path.basename(file)));
    expect(upload?.size).toBe(FILE_SIZE);
    const link = await page.request.post('/api/files/download-url', {
      headers,
      data: { connectionId: upload?.connectionId, bucket: upload?.bucket, key: upload?.key },
    });
    expect(link.ok()).toBe(true);
    const { url } = (await link.json()) as { url: string };
    const download = await page.request.get(url, { timeout: 120_000 });
    expect(download.ok()).toBe(true);
    const body = await download.body();
    expect(body.length).toBe(FILE_SIZE);
    expect(createHash('sha256').update(body).digest('hex')).toBe(expectedSha);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
