// A person picks a folder whose sub-folders hold files with the same name, size and modification
// time (a/readme.txt and b/readme.txt, two empty .keep files): each is its own upload, because
// the queue tells uploads apart by destination key, and all five files are stored.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './fixtures.js';
import { adminBearer, openUploadsPage, signIn } from './session-steps.js';

const MTIME = new Date('2026-02-02T10:00:00Z');

test('stores every file of a folder whose sub-folders repeat a name, size and time', async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 's3am-e2e-folder-'));
  const folder = `batch-${Date.now()}`;
  const files: Record<string, string> = {
    'a/readme.txt': 'first readme....',
    'b/readme.txt': 'second readme...', // same size as the first
    'a/.keep': '',
    'b/.keep': '',
    'c/notes.txt': 'notes',
  };
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, folder, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    utimesSync(file, MTIME, MTIME);
  }

  try {
    await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
    await openUploadsPage(page);

    await page.getByTestId('upload-folder-input').setInputFiles(path.join(dir, folder));
    const rows = page.getByTestId('upload-row');
    await expect(rows).toHaveCount(5);
    await expect(page.getByText(/already in the queue/)).toHaveCount(0);
    for (let index = 0; index < 5; index++)
      await expect(rows.nth(index)).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });

    // In the bucket: five objects, each with its own file's bytes.
    const headers = await adminBearer(page.request);
    const listed = (await (
      await page.request.get('/api/uploads?state=completed&limit=200', { headers })
    ).json()) as { items: { key: string; bucket: string; connectionId: string }[] };
    const ours = listed.items.filter((item) => item.key.includes(`${folder}/`));
    expect(ours.map((item) => item.key.slice(item.key.indexOf(`${folder}/`))).sort()).toEqual(
      Object.keys(files)
        .map((relative) => `${folder}/${relative}`)
        .sort(),
    );
    for (const item of ours) {
      const relative = item.key.slice(item.key.indexOf(`${folder}/`) + folder.length + 1);
      const link = await page.request.post('/api/files/download-url', {
        headers,
        data: { connectionId: item.connectionId, bucket: item.bucket, key: item.key },
      });
      expect(link.ok()).toBe(true);
      const { url } = (await link.json()) as { url: string };
      const body = await (await page.request.get(url)).text();
      expect(body).toBe(files[relative]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
