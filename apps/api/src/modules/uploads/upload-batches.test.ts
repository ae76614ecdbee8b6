// Batches of small files: one call creates and signs many single-PUT uploads, one call completes
// them; every item is checked like a single call and fails on its own.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  CompleteUploadBatchResponse,
  CreateUploadBatchResponse,
  MiB,
  ProblemSchema,
} from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  grantOnUploads,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';

const run = `batches-${Date.now()}`;
const s3 = localS3Client();
let ctx: TestContext;
let connectionId: string;
let token: string;

beforeAll(async () => {
  ctx = await createTestApp({ env: { UPLOAD_SINGLE_PUT_MAX_BYTES: String(MiB) } });
  connectionId = await createLocalConnection(ctx.db);
  const user = await createUser(ctx.db);
  await grantOnUploads(ctx.db, { userId: user.id, connectionId, prefix: `${run}/mine/` });
  token = await accessTokenFor(ctx, user);
});
afterAll(() => ctx.close());

const post = (url: string, payload: object) =>
  ctx.app.inject({ method: 'POST', url, headers: bearer(token), payload });

const item = (key: string, size: number) => ({
  connectionId,
  bucket: 'uploads',
  key,
  size,
  contentType: 'text/plain',
});

it('creates, signs and completes many small files in two calls; refusals stay per item', async () => {
  const files = Array.from({ length: 30 }, (_, i) => ({
    key: `${run}/mine/folder/file-${i}.txt`,
    body: `content of file ${i}`,
  }));
  const created = await post('/api/uploads/batch', {
    items: [
      ...files.map((file) => item(file.key, file.body.length)),
      item(`${run}/elsewhere/x.txt`, 1),
      item(`${run}/mine/too-big.bin`, 2 * MiB),
    ],
  });
  expect(created.statusCode).toBe(200);
  const answer = CreateUploadBatchResponse.parse(created.json());
  expect(answer.items).toHaveLength(32);
  expect(answer.items[30]).toMatchObject({ ok: false, error: { code: 'GRANT_DENIED' } });
  expect(answer.items[31]).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

  const etags: { id: string; etag: string }[] = [];
  for (const [index, file] of files.entries()) {
    const result = answer.items[index]!;
    if (!result.ok) throw new Error(`item ${index} failed: ${result.error.code}`);
    expect(result.upload.key).toBe(file.key);
    const put = await fetch(result.url, {
      method: 'PUT',
      headers: result.headers,
      body: file.body,
    });
    expect(put.status).toBe(200);
    etags.push({ id: result.upload.id, etag: put.headers.get('etag') ?? '' });
  }
  const unknown = '00000000-0000-4000-8000-000000000000';
  const completed = await post('/api/uploads/batch/complete', {
    items: [...etags, { id: unknown, etag: 'x' }],
  });
  expect(completed.statusCode).toBe(200);
  const done = CompleteUploadBatchResponse.parse(completed.json());
  expect(done.items.slice(0, 30).every((result) => result.ok)).toBe(true);
  expect(done.items[30]).toMatchObject({
    ok: false,
    id: unknown,
    error: { code: 'UPLOAD_NOT_FOUND' },
  });
  const object = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: files[7]!.key }));
  expect(await object.Body!.transformToString()).toBe('content of file 7');
});

it('refuses more than 100 items with a clear error', async () => {
  const response = await post('/api/uploads/batch', {
    items: Array.from({ length: 101 }, (_, i) => item(`${run}/mine/${i}.txt`, 1)),
  });
  expect(response.statusCode).toBe(400);
  expect(ProblemSchema.parse(response.json()).code).toBe('VALIDATION');
});
