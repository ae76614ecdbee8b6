// Batches of small files: one call creates and signs many single-PUT uploads, one call completes
// them; every item is checked like a single call and fails on its own.
import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import {
  CompleteUploadBatchResponse,
  CreateUploadBatchResponse,
  MiB,
  ProblemSchema,
} from '@s3am/contracts';
import { bearer, grantOnUploads, localS3Client, type TestContext } from '../../../test/test-app.js';
import { createAppWithLocalConnection, signedInGrantee } from '../../../test/uploads-kit.js';
import { verifyAuditChain } from '../audit/audit.service.js';

const run = `batches-${Date.now()}`;
const s3 = localS3Client();
let ctx: TestContext;
let connectionId: string;
let token: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection({
    env: { UPLOAD_SINGLE_PUT_MAX_BYTES: String(MiB) },
  }));
  ({ token } = await signedInGrantee(ctx, { connectionId, prefix: `${run}/mine/` }));
});
afterAll(() => ctx.close());

const post = (url: string, payload: object) =>
  ctx.app.inject({ method: 'POST', url, headers: bearer(token), payload });

const item = (key: string, size: number, extra: object = {}) => ({
  connectionId,
  bucket: 'uploads',
  key,
  size,
  contentType: 'text/plain',
  ...extra,
});

type Created = Extract<CreateUploadBatchResponse['items'][number], { ok: true }>;

function created(result: CreateUploadBatchResponse['items'][number] | undefined): Created {
  if (!result?.ok) throw new Error(`item failed: ${JSON.stringify(result)}`);
  return result;
}

async function putAll(items: Created[], bodies: string[]) {
  const etags: { id: string; etag: string }[] = [];
  for (const [index, result] of items.entries()) {
    const put = await fetch(result.url, {
      method: 'PUT',
      headers: result.headers,
      body: bodies[index],
    });
    expect(put.status).toBe(200);
    etags.push({ id: result.upload.id, etag: put.headers.get('etag') ?? '' });
  }
  return etags;
}

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

it("applies each item's existing-key policy: reject and rename by a listing, overwrite signs if-match", async () => {
  const folder = `${run}/mine/policies`;
  for (const name of ['taken.txt', 'renamed.txt', 'replaced.txt'])
    await s3.send(
      new PutObjectCommand({ Bucket: 'uploads', Key: `${folder}/${name}`, Body: 'old' }),
    );
  const answer = CreateUploadBatchResponse.parse(
    (
      await post('/api/uploads/batch', {
        items: [
          item(`${folder}/taken.txt`, 3),
          item(`${folder}/renamed.txt`, 3, { onExisting: 'rename' }),
          item(`${folder}/replaced.txt`, 3, { onExisting: 'overwrite' }),
          item(`${folder}/free.txt`, 3),
        ],
      })
    ).json(),
  );
  expect(answer.items[0]).toMatchObject({ ok: false, error: { code: 'OBJECT_EXISTS' } });
  expect(created(answer.items[1]).upload.key).toBe(`${folder}/renamed (1).txt`);
  expect(created(answer.items[1]).headers).toMatchObject({ 'if-none-match': '*' });
  // Overwriting is deleting: a write grant alone does not allow it.
  expect(answer.items[2]).toMatchObject({
    ok: false,
    error: { code: 'GRANT_DENIED', detail: expect.stringContaining('"delete"') as unknown },
  });
  expect(created(answer.items[3]).upload.key).toBe(`${folder}/free.txt`);

  const user = await ctx.db.grant.findFirstOrThrow({ where: { prefix: `${run}/mine/` } });
  await grantOnUploads(ctx.db, {
    userId: user.userId!,
    connectionId,
    prefix: `${folder}/`,
    actions: ['list', 'write', 'delete'],
  });
  const again = CreateUploadBatchResponse.parse(
    (
      await post('/api/uploads/batch', {
        items: [item(`${folder}/replaced.txt`, 3, { onExisting: 'overwrite' })],
      })
    ).json(),
  );
  const replaced = created(again.items[0]);
  expect(replaced.headers['if-match']).toBeDefined();
  await putAll([replaced], ['new']);
  const object = await s3.send(
    new GetObjectCommand({ Bucket: 'uploads', Key: replaced.upload.key }),
  );
  expect(await object.Body!.transformToString()).toBe('new');
});

it('completes what the PUTs stored, tags it, and leaves a valid audit chain with one event per file', async () => {
  const keys = Array.from({ length: 12 }, (_, i) => `${run}/mine/done/${i}.txt`);
  const answer = CreateUploadBatchResponse.parse(
    (
      await post('/api/uploads/batch', {
        items: keys.map((key, i) => item(key, `file ${i}`.length, { tags: { team: 'qa' } })),
      })
    ).json(),
  );
  const results = answer.items.map(created);
  const etags = await putAll(
    results,
    keys.map((_, i) => `file ${i}`),
  );
  const done = CompleteUploadBatchResponse.parse(
    (await post('/api/uploads/batch/complete', { items: etags })).json(),
  );
  expect(done.items.every((result) => result.ok && result.upload.state === 'completed')).toBe(true);
  const first = done.items[0]!;
  if (!first.ok) throw new Error('first failed');
  expect(first.upload.etag).toBe(etags[0]!.etag);
  const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'uploads', Key: keys[0]! }));
  expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'qa' }]);

  const ids = results.map((result) => result.upload.id);
  const events = await ctx.db.auditEvent.findMany({ where: { targetId: { in: ids } } });
  expect(events.filter((event) => event.action === 'upload.start')).toHaveLength(12);
  expect(events.filter((event) => event.action === 'upload.complete')).toHaveLength(12);
  expect((await verifyAuditChain(ctx.db)).ok).toBe(true);

  // Completing them again is refused item by item.
  const again = CompleteUploadBatchResponse.parse(
    (await post('/api/uploads/batch/complete', { items: etags.slice(0, 1) })).json(),
  );
  expect(again.items[0]).toMatchObject({ ok: false, error: { code: 'UPLOAD_NOT_IN_PROGRESS' } });
});

it('refuses a completion whose object is missing or is not what the upload allowed', async () => {
  const missing = `${run}/mine/check/missing.txt`;
  const wrong = `${run}/mine/check/wrong.txt`;
  const answer = CreateUploadBatchResponse.parse(
    (await post('/api/uploads/batch', { items: [item(missing, 5), item(wrong, 5)] })).json(),
  );
  const [never, other] = answer.items.map(created);
  // Someone with the storage's own keys writes other bytes (another size) at the key.
  await s3.send(
    new PutObjectCommand({
      Bucket: 'uploads',
      Key: wrong,
      Body: 'other bytes',
      ContentType: 'text/plain',
    }),
  );
  const done = CompleteUploadBatchResponse.parse(
    (
      await post('/api/uploads/batch/complete', {
        items: [
          { id: never!.upload.id, etag: '"00000000000000000000000000000000"' },
          { id: other!.upload.id, etag: '"00000000000000000000000000000000"' },
        ],
      })
    ).json(),
  );
  expect(done.items[0]).toMatchObject({ ok: false, error: { code: 'UPLOAD_PARTS_INVALID' } });
  expect(done.items[1]).toMatchObject({ ok: false, error: { code: 'UPLOAD_PARTS_INVALID' } });
  // What the API did not allow does not stay behind.
  await expect(s3.send(new HeadObjectCommand({ Bucket: 'uploads', Key: wrong }))).rejects.toThrow();
});

it("refuses items outside the caller's grants one by one, audited as denied", async () => {
  const answer = CreateUploadBatchResponse.parse(
    (
      await post('/api/uploads/batch', {
        items: [item(`${run}/other/a.txt`, 1), item(`${run}/mine/ok.txt`, 1)],
      })
    ).json(),
  );
  expect(answer.items[0]).toMatchObject({ ok: false, error: { code: 'GRANT_DENIED' } });
  expect(answer.items[1]).toMatchObject({ ok: true });
  const denied = await ctx.db.auditEvent.findMany({
    where: { outcome: 'denied', targetId: `uploads/${run}/other/a.txt` },
  });
  expect(denied).toHaveLength(1);
});
