// An unmodified Uppy (@uppy/core + @uppy/aws-s3, companionEndpoint = our API) uploads through
// the Companion-compatible routes in Chromium: a 110 MiB file as multipart, a small one as a
// presigned POST. Auth is the /s3 cookie set at sign-in; the stored bytes must be the file's.
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import { E2E_ADMIN } from './fixtures.js';

/** Uppy bundled for the page, exposing one function that uploads generated files. */
async function uppyBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import Uppy from '@uppy/core';
        import AwsS3 from '@uppy/aws-s3';
        window.uploadWithUppy = async (files, meta) => {
          const uppy = new Uppy({ autoProceed: false }).use(AwsS3, { companionEndpoint: location.origin });
          const hashes = {};
          for (const { name, size, seed } of files) {
            const bytes = new Uint8Array(size);
            for (let i = 0; i < size; i += 4096) bytes[i] = (i / 4096 + seed) % 251;
            hashes[name] = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))
              .map((b) => b.toString(16).padStart(2, '0')).join('');
            uppy.addFile({ name, type: 'application/octet-stream', data: new Blob([bytes]), meta });
          }
          const result = await uppy.upload();
          return {
            hashes,
            successful: result.successful.map((f) => ({ name: f.name, key: f.response.body.key })),
            failed: result.failed.map((f) => ({ name: f.name, error: String(f.error) })),
          };
        };`,
      resolveDir: import.meta.dirname,
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

test('Uppy uploads through the Companion routes: multipart and presigned POST', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/login');
  const login = await page.request.post('/api/auth/login', { data: E2E_ADMIN });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };
  const connections = (await (
    await page.request.get('/api/connections', { headers: auth })
  ).json()) as {
    items: { id: string; managedLocal: boolean }[];
  };
  const connectionId = connections.items.find((c) => c.managedLocal)!.id;
  const prefix = `uppy-${Date.now()}`;

  // The app's CSP runs only same-origin script files (no inline scripts): serve the bundle from
  // a path of the app's own origin.
  const bundle = await uppyBundle();
  await page.route('**/e2e-uppy-bundle.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: bundle }),
  );
  await page.addScriptTag({ url: '/e2e-uppy-bundle.js' });
  const files = [
    { name: 'big.bin', size: 110 * 1024 * 1024, seed: 3 },
    { name: 'small.bin', size: 64 * 1024, seed: 5 },
  ];
  const result = await page.evaluate(
    ([list, meta]) =>
      (
        window as unknown as {
          uploadWithUppy: (
            f: typeof list,
            m: typeof meta,
          ) => Promise<{
            hashes: Record<string, string>;
            successful: { name: string; key: string }[];
            failed: { name: string; error: string }[];
          }>;
        }
      ).uploadWithUppy(list, meta),
    [files, { connectionId, bucket: 'uploads', prefix }] as const,
  );
  expect(result.failed).toEqual([]);
  expect(result.successful.map((f) => f.key).sort()).toEqual(
    [`${prefix}/big.bin`, `${prefix}/small.bin`].sort(),
  );

  for (const file of result.successful) {
    const link = await page.request.post('/api/files/download-url', {
      headers: auth,
      data: { connectionId, bucket: 'uploads', key: file.key },
    });
    const { url } = (await link.json()) as { url: string };
    const body = await (await page.request.get(url)).body();
    expect(createHash('sha256').update(body).digest('hex')).toBe(result.hashes[file.name]);
  }
  // The multipart one went through our upload records (the POST one is audited instead).
  const uploads = (await (
    await page.request.get('/api/uploads?state=completed', { headers: auth })
  ).json()) as { items: { key: string; partCount: number }[] };
  expect(uploads.items.find((u) => u.key === `${prefix}/big.bin`)?.partCount).toBeGreaterThan(1);
});
