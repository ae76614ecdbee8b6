// Quotas enforced on real uploads (real PostgreSQL, the real local S3 server, bytes PUT to
// presigned URLs): refused at create with a clear problem+json, checked again at completion
// (a single PUT over the quota is removed; a multipart upload keeps its parts until there is
// room), batches count their own files, guests count against the request's owner, and completed
// uploads add to the usage at once.
import { randomBytes } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import {
  CompleteUploadBatchResponse,
  CreatedUploadRequestLink,
  CreateUploadBatchResponse,
  MiB,
  MyQuota,
  UploadView,
} from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createUser,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';
import {
  createAppWithLocalConnection,
  problemOf,
  signedInGrantee,
  signParts,
} from '../../../test/uploads-kit.js';

const run = `quota-enf-${Date.now()}`;
const s3 = localS3Client();
let ctx: TestContext;
let connectionId: string;
let admin: string;
let alice: { token: string; id: string };

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection({
    env: { UPLOAD_SINGLE_PUT_MAX_BYTES: String(MiB) },
  }));
  admin = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
  const grantee = await signedInGrantee(ctx, { connectionId, prefix: `${run}/alice/` });
  alice = { token: grantee.token, id: grantee.user.id };
});
afterAll(() => ctx.close());

const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const setQuota = (maxBytes: number | null, maxObjects: number | null = null) =>
  call(admin, 'PUT', `/api/quotas/users/${alice.id}`, { maxBytes, maxObjects });
const item = (name: string, size: number) => ({
  connectionId,
  bucket: 'uploads',
  key: `${run}/alice/${name}`,
  size,
  contentType: 'application/octet-stream',
});
const start = (name: string, size: number) =>
  call(alice.token, 'POST', '/api/uploads', item(name, size));
const mine = async () =>
  MyQuota.parse((await call(alice.token, 'GET', '/api/quotas/me')).json()).quotas[0]!;
const exists = (key: string) =>
  s3.send(new HeadObjectCommand({ Bucket: 'uploads', Key: key })).then(
    () => true,
    () => false,
  );

/** Sends a single-PUT upload's bytes; returns the ETag S3 answered. */
async function put(upload: UploadView, body: Buffer): Promise<string> {
  const signed = await signParts(ctx, alice.token, upload.id, [1]);
  const response = await fetch(signed.urls[0]!.url, {
    method: 'PUT',
    headers: signed.headers,
    body: new Uint8Array(body),
  });
  expect(response.status).toBe(200);
  return response.headers.get('etag') ?? '';
}

it('refuses an upload larger than the room left, at create, with a clear problem+json', async () => {
  await setQuota(5000, 10);
  const response = await start('too-big.bin', 6000);
  expect(response.statusCode).toBe(403);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const problem = problemOf(response);
  expect(problem.code).toBe('QUOTA_EXCEEDED');
  expect(problem.detail).toBe(
    'Your quota allows 5,000 bytes and 5,000 are left; this file needs 6,000. ' +
      'Delete files or ask an administrator for more room.',
  );
  expect(await ctx.db.upload.count({ where: { key: `${run}/alice/too-big.bin` } })).toBe(0);
});

it('counts unfinished uploads at create, and completed ones in the usage at once', async () => {
  const first = UploadView.parse((await start('one.bin', 3000)).json());
  // 3,000 are promised to the unfinished upload: 3,000 more do not fit in 5,000.
  expect(problemOf(await start('two.bin', 3000)).code).toBe('QUOTA_EXCEEDED');
  const etag = await put(first, randomBytes(3000));
  const done = await call(alice.token, 'POST', `/api/uploads/${first.id}/complete`, {
    parts: [{ partNumber: 1, etag }],
  });
  expect(done.statusCode).toBe(200);
  expect(await mine()).toMatchObject({ usedBytes: 3000, usedObjects: 1 });
});

it('checks again at completion: a single PUT over the quota is removed and the upload fails', async () => {
  const upload = UploadView.parse((await start('late.bin', 1500)).json());
  const etag = await put(upload, randomBytes(1500));
  await setQuota(4000, 10); // lowered meanwhile: 3,000 used + 1,500 > 4,000
  const response = await call(alice.token, 'POST', `/api/uploads/${upload.id}/complete`, {
    parts: [{ partNumber: 1, etag }],
  });
  expect(response.statusCode).toBe(403);
  expect(problemOf(response)).toMatchObject({ code: 'QUOTA_EXCEEDED' });
  expect(problemOf(response).detail).toContain('The object was removed.');
  expect(await exists(upload.key)).toBe(false);
  expect((await ctx.db.upload.findUnique({ where: { id: upload.id } }))?.state).toBe('failed');
  expect(await mine()).toMatchObject({ usedBytes: 3000, usedObjects: 1 });
});

it('a multipart upload over the quota at completion keeps its parts and completes once there is room', async () => {
  await setQuota(10 * MiB, 10);
  const body = randomBytes(2 * MiB);
  const upload = UploadView.parse((await start('parts.bin', body.length)).json());
  expect(upload.mode).toBe('multipart');
  const signed = await signParts(ctx, alice.token, upload.id, [1]);
  const sent = await fetch(signed.urls[0]!.url, { method: 'PUT', body: new Uint8Array(body) });
  const parts = [{ partNumber: 1, etag: sent.headers.get('etag') ?? '' }];
  await setQuota(MiB, 10);
  const refused = await call(alice.token, 'POST', `/api/uploads/${upload.id}/complete`, { parts });
  expect(problemOf(refused).code).toBe('QUOTA_EXCEEDED');
  expect(await exists(upload.key)).toBe(false);
  expect((await ctx.db.upload.findUnique({ where: { id: upload.id } }))?.state).toBe('in_progress');
  await setQuota(10 * MiB, 10);
  const done = await call(alice.token, 'POST', `/api/uploads/${upload.id}/complete`, { parts });
  expect(done.statusCode).toBe(200);
  expect(await mine()).toMatchObject({ usedBytes: 3000 + body.length, usedObjects: 2 });
});

it('a batch counts its own files: the file beyond the file limit fails on its own', async () => {
  await setQuota(null, 4); // 2 files stored: room for 2 more
  const created = CreateUploadBatchResponse.parse(
    (
      await call(alice.token, 'POST', '/api/uploads/batch', {
        items: [item('b1.txt', 10), item('b2.txt', 10), item('b3.txt', 10)],
      })
    ).json(),
  );
  expect(created.items.map((i) => i.ok)).toEqual([true, true, false]);
  const refused = created.items[2]!;
  if (refused.ok) throw new Error('expected a refusal');
  expect(refused.error.code).toBe('QUOTA_EXCEEDED');

  const etags: { id: string; etag: string }[] = [];
  for (const entry of created.items)
    if (entry.ok) {
      const response = await fetch(entry.url, {
        method: 'PUT',
        headers: entry.headers,
        body: 'x'.repeat(10),
      });
      etags.push({ id: entry.upload.id, etag: response.headers.get('etag') ?? '' });
    }
  await setQuota(null, 3); // lowered meanwhile: room for one of the two
  const completed = CompleteUploadBatchResponse.parse(
    (await call(alice.token, 'POST', '/api/uploads/batch/complete', { items: etags })).json(),
  );
  expect(completed.items.map((i) => i.ok)).toEqual([true, false]);
  const late = completed.items[1]!;
  if (late.ok) throw new Error('expected a refusal');
  expect(late.error.code).toBe('QUOTA_EXCEEDED');
  expect(await exists(`${run}/alice/b2.txt`)).toBe(false);
  expect(await mine()).toMatchObject({ usedObjects: 3 });
});

it("guests' uploads count against the request owner's quota", async () => {
  await setQuota(3000 + 2 * MiB + 10 + 100, 100); // 100 bytes left
  const created = await call(alice.token, 'POST', '/api/upload-requests', {
    connectionId,
    bucket: 'uploads',
    prefix: `${run}/alice/inbox/`,
    expiresInDays: 1,
  });
  const link = CreatedUploadRequestLink.parse(created.json());
  const token = link.url.split('/u/')[1]!;
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/upload-requests/${token}/uploads`,
    payload: { key: 'report.pdf', size: 500, contentType: 'application/pdf' },
  });
  expect(response.statusCode).toBe(403);
  expect(problemOf(response)).toMatchObject({ code: 'QUOTA_EXCEEDED' });
  // Guests learn that there is no room, not the owner's numbers.
  expect(problemOf(response).detail).toBe(
    'The person who asked for these files has no storage room left for this one; ask them to make room.',
  );
  const small = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/upload-requests/${token}/uploads`,
    payload: { key: 'note.txt', size: 50, contentType: 'text/plain' },
  });
  expect(small.statusCode).toBe(201);
});
