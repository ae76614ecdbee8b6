// Steps shared by the Files page specs: an S3 client on the stack's local server to seed and
// inspect the bucket, the local connection's id, and opening a folder of the Files page.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN, E2E_LOCAL_S3, E2E_LOCAL_S3_ENDPOINT } from './fixtures.js';
import { adminBearer, signIn } from './session-steps.js';

export const e2eS3 = new S3Client({
  endpoint: E2E_LOCAL_S3_ENDPOINT,
  region: 'us-east-1',
  forcePathStyle: true,
  credentials: {
    accessKeyId: E2E_LOCAL_S3.accessKeyId,
    secretAccessKey: E2E_LOCAL_S3.secretAccessKey,
  },
  // The local server refuses the SDK's default streamed checksums and sends none to validate.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

export async function putObject(
  bucket: string,
  key: string,
  body: Buffer | string,
  contentType?: string,
): Promise<void> {
  await e2eS3.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
  );
}

/** The id of the stack's own local connection (the one holding the `uploads` bucket). */
export async function localConnectionId(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/files/locations', {
    headers: await adminBearer(request),
  });
  const items = (
    (await response.json()) as {
      items: { connectionId: string; connectionName: string; bucket: string }[];
    }
  ).items;
  const local =
    items.find((l) => l.bucket === 'uploads' && l.connectionName === 'Local storage') ??
    items.find((l) => l.bucket === 'uploads');
  expect(local?.connectionId ?? '').not.toBe('');
  return local?.connectionId ?? '';
}

/** Signs the admin in and opens `prefix` of `bucket` on the Files page. */
export async function openFilesFolder(
  page: Page,
  connectionId: string,
  bucket: string,
  prefix: string,
): Promise<void> {
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole('heading', { name: /Dashboard/ })).toBeVisible();
  const query = new URLSearchParams({ connection: connectionId, bucket, root: '', prefix });
  await page.goto(`/files?${query}`);
  await expect(page.getByRole('table', { name: 'Folder contents' })).toBeVisible();
}
