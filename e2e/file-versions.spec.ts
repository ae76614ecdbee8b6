// Object versions on the Files page (issue 23): a bucket of the stack's local S3 server with
// versioning on, two versions of one object; the details panel lists both, restoring the older
// one makes its bytes the latest again, and the panel then shows three versions.
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
} from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN, E2E_LOCAL_S3, E2E_LOCAL_S3_ENDPOINT } from './fixtures.js';
import { e2eS3, putObject } from './files-steps.js';
import { adminBearer, signIn } from './session-steps.js';

const run = Date.now().toString(36);
const bucket = `e2e-versions-${run}`;
const OLD_BYTES = 'First draft: the numbers we agreed on.\n';
const NEW_BYTES = 'Second draft: somebody changed the numbers.\n';

test('restores the older version of an object from its details panel', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  await e2eS3.send(new CreateBucketCommand({ Bucket: bucket }));
  await e2eS3.send(
    new PutBucketVersioningCommand({
      Bucket: bucket,
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  await putObject(bucket, 'report.txt', OLD_BYTES, 'text/plain');
  await putObject(bucket, 'report.txt', NEW_BYTES, 'text/plain');

  // A connection of its own for the versioned bucket, so other specs' `uploads` stays unversioned.
  const created = await request.post('/api/connections', {
    headers: await adminBearer(request),
    data: {
      name: `Versioned ${run}`,
      endpoint: E2E_LOCAL_S3_ENDPOINT,
      forcePathStyle: true,
      authMode: 'static_keys',
      accessKeyId: E2E_LOCAL_S3.accessKeyId,
      secretAccessKey: E2E_LOCAL_S3.secretAccessKey,
      buckets: [bucket],
    },
  });
  expect(created.status()).toBe(201);
  const connectionId = ((await created.json()) as { id: string }).id;

  // Straight to the Files page once signed in (the shell's navigation shows it), with room for
  // a machine shared by several suites: pages took over 10 s to render at load 20 on 2 cores.
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible({ timeout: 30_000 });
  await page.goto(
    `/files?${new URLSearchParams({ connection: connectionId, bucket, root: '', prefix: '' })}`,
  );
  await expect(page.getByRole('table', { name: 'Folder contents' })).toBeVisible({
    timeout: 30_000,
  });
  await page
    .getByRole('table', { name: 'Folder contents' })
    .getByRole('button', { name: 'report.txt', exact: true })
    .click();
  const panel = page.getByRole('region', { name: 'Versions' });
  const rows = panel.getByTestId('object-version');
  await expect(rows).toHaveCount(2);
  await expect(panel.getByRole('heading', { name: 'Versions (2)' })).toBeVisible();
  // numbered from the oldest: both were written within one second, so their dates look alike
  await expect(rows.nth(0)).toContainText('#2');
  await expect(rows.nth(1)).toContainText('#1');
  await expect(rows.nth(0)).toContainText('Latest');
  await expect(rows.nth(0)).toContainText(`${NEW_BYTES.length} B`);
  await expect(rows.nth(1)).toContainText(`${OLD_BYTES.length} B`);
  await panel.scrollIntoViewIfNeeded();
  await testInfo.attach('versions-panel', {
    body: await panel.screenshot(),
    contentType: 'image/png',
  });

  // Only older versions can be restored; the latest has nothing to restore.
  await expect(rows.nth(0).getByRole('button', { name: /^Restore/ })).toHaveCount(0);
  await rows
    .nth(1)
    .getByRole('button', { name: /^Restore version #1 of / })
    .click();
  await expect(panel.getByRole('alert')).toContainText('Version #1 of');
  await expect(panel.getByRole('alert')).toContainText('now the latest version (#3)');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('#3');
  await expect(rows.nth(0)).toContainText('Latest');
  await expect(rows.nth(0)).toContainText(`${OLD_BYTES.length} B`);
  await testInfo.attach('versions-panel-restored', {
    body: await panel.screenshot(),
    contentType: 'image/png',
  });

  const latest = await e2eS3.send(new GetObjectCommand({ Bucket: bucket, Key: 'report.txt' }));
  expect(await latest.Body?.transformToString()).toBe(OLD_BYTES);
  const versions = await e2eS3.send(
    new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'report.txt' }),
  );
  expect(versions.Versions?.length).toBe(3);
});
