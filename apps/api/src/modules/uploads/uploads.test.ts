// Uploads against the real local S3 server: bytes go straight to S3 through the signed URLs,
// resume reads the truth from ListParts, bad part lists fail cleanly and lose nothing, and an
// upload id is useless to anyone but its owner.
import { randomBytes } from 'node:crypto';
import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { MiB, UploadedParts, UploadList, UploadView } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';
import {
  createAppWithLocalConnection,
  problemOf as problem,
  signedInGrantee,
  signParts,
} from '../../../test/uploads-kit.js';

const run = `uploads-${Date.now()}`;
const s3 = localS3Client();
let ctx: TestContext;
let connectionId: string;
let alice: string;
let bob: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection({
    env: { UPLOAD_SINGLE_PUT_MAX_BYTES: String(MiB), SESSION_IDLE_TIMEOUT_SECONDS: '86400' },
  }));
  alice = (await signedInGrantee(ctx, { connectionId, prefix: `${run}/alice/` })).token;
  bob = (await signedInGrantee(ctx, { connectionId, prefix: `${run}/bob/` })).token;
});
afterAll(() => ctx.close());

const call = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

async function start(token: string, key: string, size: number, extra: object = {}) {
  const response = await call(token, 'POST', '/api/uploads', {
    connectionId,
    bucket: 'uploads',
    key,
    size,
    contentType: 'application/octet-stream',
    ...extra,
  });
  expect(response.json()).toMatchObject({ key: expect.any(String) as unknown });
  return UploadView.parse(response.json());
}

const sign = (token: string, id: string, partNumbers: number[]) =>
  signParts(ctx, token, id, partNumbers);

/** PUTs one part to its presigned URL, as a browser would, and returns the ETag S3 gave it. */
async function sendPart(token: string, upload: UploadView, partNumber: number, body: Buffer) {
  const signed = await sign(token, upload.id, [partNumber]);
  const start = (partNumber - 1) * upload.partSize;
  const response = await fetch(signed.urls[0]!.url, {
    method: 'PUT',
    headers: signed.headers,
    body: new Uint8Array(body.subarray(start, Math.min(body.length, start + upload.partSize))),
  });
  expect(response.status).toBe(200);
  return response.headers.get('etag') ?? '';
}

async function objectBytes(key: string): Promise<Buffer> {
  const object = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

describe('multipart uploads', () => {
  it('uploads parts straight to S3 and completes into the same bytes', async () => {
    const body = randomBytes(12 * MiB);
    const upload = await start(alice, `${run}/alice/big.bin`, body.length);
    expect(upload).toMatchObject({ mode: 'multipart', partSize: 8 * MiB, partCount: 2 });
    const etags = [await sendPart(alice, upload, 1, body), await sendPart(alice, upload, 2, body)];
    const response = await call(alice, 'POST', `/api/uploads/${upload.id}/complete`, {
      parts: etags.map((etag, i) => ({ partNumber: i + 1, etag })),
    });
    expect(response.statusCode).toBe(200);
    expect(UploadView.parse(response.json())).toMatchObject({
      state: 'completed',
      size: body.length,
    });
    expect((await objectBytes(upload.key)).equals(body)).toBe(true);
    const audit = await ctx.db.auditEvent.findFirst({
      where: { action: 'upload.complete', targetId: upload.id },
    });
    expect(audit?.details).toMatchObject({ key: upload.key, size: body.length, parts: 2 });
  });

  it('signs up to 100 parts in one call, and only parts the upload has', async () => {
    const upload = await start(alice, `${run}/alice/many.bin`, 800 * MiB);
    expect(upload.partCount).toBe(100);
    const all = await sign(
      alice,
      upload.id,
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(new Set(all.urls.map((u) => u.url)).size).toBe(100);
    expect(all.urls[41]!.url).toContain('partNumber=42');
    const tooMany = await call(alice, 'POST', `/api/uploads/${upload.id}/parts`, {
      partNumbers: Array.from({ length: 101 }, (_, i) => i + 1),
    });
    expect(problem(tooMany).code).toBe('VALIDATION');
    const beyond = await call(alice, 'POST', `/api/uploads/${upload.id}/parts`, {
      partNumbers: [101],
    });
    expect(problem(beyond).code).toBe('UPLOAD_PARTS_INVALID');
  });

  it('resumes: ListParts tells which parts S3 already holds', async () => {
    const body = randomBytes(20 * MiB);
    const upload = await start(alice, `${run}/alice/resume.bin`, body.length);
    const first = await sendPart(alice, upload, 1, body);
    const listed = UploadedParts.parse(
      (await call(alice, 'GET', `/api/uploads/${upload.id}/parts`)).json(),
    );
    expect(listed).toEqual({
      parts: [{ partNumber: 1, etag: first, size: 8 * MiB }],
      nextMarker: null,
    });
    const rest = [await sendPart(alice, upload, 2, body), await sendPart(alice, upload, 3, body)];
    const done = await call(alice, 'POST', `/api/uploads/${upload.id}/complete`, {
      parts: [first, ...rest].map((etag, i) => ({ partNumber: i + 1, etag })),
    });
    expect(done.statusCode).toBe(200);
    expect((await objectBytes(upload.key)).equals(body)).toBe(true);
  });

  it('refuses a wrong ETag or a missing part, keeping the upload to fix and complete', async () => {
    const body = randomBytes(10 * MiB);
    const upload = await start(alice, `${run}/alice/fix.bin`, body.length);
    const one = await sendPart(alice, upload, 1, body);
    const missing = await call(alice, 'POST', `/api/uploads/${upload.id}/complete`, {
      parts: [
        { partNumber: 1, etag: one },
        { partNumber: 2, etag: '"0123456789abcdef0123456789abcdef"' },
      ],
    });
    expect(missing.statusCode).toBe(400);
    expect(problem(missing)).toMatchObject({ code: 'UPLOAD_PARTS_INVALID' });
    expect(problem(missing).detail).toContain('Part 2 was never uploaded');
    const two = await sendPart(alice, upload, 2, body);
    const wrong = await call(alice, 'POST', `/api/uploads/${upload.id}/complete`, {
      parts: [
        { partNumber: 1, etag: '"ffffffffffffffffffffffffffffffff"' },
        { partNumber: 2, etag: two },
      ],
    });
    expect(problem(wrong).detail).toContain("Part 1's ETag does not match");
    const short = await call(alice, 'POST', `/api/uploads/${upload.id}/complete`, {
      parts: [{ partNumber: 1, etag: one }],
    });
    expect(problem(short).code).toBe('UPLOAD_PARTS_INVALID');
    const state = UploadView.parse((await call(alice, 'GET', `/api/uploads/${upload.id}`)).json());
    expect(state.state).toBe('in_progress');
    const fixed = await call(alice, 'POST', `/api/uploads/${upload.id}/complete`, {
      parts: [
        { partNumber: 1, etag: one },
        { partNumber: 2, etag: two },
      ],
    });
    expect(fixed.statusCode).toBe(200);
    expect((await objectBytes(upload.key)).equals(body)).toBe(true);
  });

  it("answers another person's upload id exactly like an unknown one (404), on every route", async () => {
    const upload = await start(alice, `${run}/alice/private.bin`, 10 * MiB);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [method, path, payload] of [
      ['GET', '', undefined],
      ['POST', '/parts', { partNumbers: [1] }],
      ['GET', '/parts', undefined],
      ['POST', '/complete', { parts: [{ partNumber: 1, etag: 'x' }] }],
      ['DELETE', '', undefined],
    ] as const) {
      const response = await call(bob, method, `/api/uploads/${upload.id}${path}`, payload);
      const probe = await call(bob, method, `/api/uploads/${unknown}${path}`, payload);
      expect(response.statusCode).toBe(404);
      expect(problem(response).code).toBe('UPLOAD_NOT_FOUND');
      expect(probe.statusCode).toBe(404);
      expect(problem(response).detail).toBe(problem(probe).detail);
    }
    const listed = UploadList.parse((await call(bob, 'GET', '/api/uploads')).json());
    expect(listed.items.map((u) => u.id)).not.toContain(upload.id);
  });

  it('aborts: S3 drops the parts and the upload cannot be used again', async () => {
    const body = randomBytes(10 * MiB);
    const upload = await start(alice, `${run}/alice/abort.bin`, body.length);
    await sendPart(alice, upload, 1, body);
    const row = await ctx.db.upload.findUniqueOrThrow({ where: { id: upload.id } });
    expect((await call(alice, 'DELETE', `/api/uploads/${upload.id}`)).statusCode).toBe(204);
    await expect(
      s3.send(
        new ListPartsCommand({ Bucket: 'uploads', Key: upload.key, UploadId: row.s3UploadId! }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchUpload' });
    const again = await call(alice, 'POST', `/api/uploads/${upload.id}/parts`, {
      partNumbers: [1],
    });
    expect(problem(again).code).toBe('UPLOAD_NOT_IN_PROGRESS');
    const aborted = UploadList.parse(
      (await call(alice, 'GET', '/api/uploads?state=aborted')).json(),
    );
    expect(aborted.items.map((u) => u.id)).toContain(upload.id);
  });
});

describe('small files and destinations', () => {
  it('sends a small file as one presigned PUT with its type, metadata and tags', async () => {
    const upload = await start(alice, `${run}/alice/notes.txt`, 5, {
      contentType: 'text/plain',
      metadata: { project: 'apollo' },
      tags: { team: 'a' },
    });
    expect(upload).toMatchObject({ mode: 'single', partCount: 1 });
    const signed = await sign(alice, upload.id, [1]);
    const put = await fetch(signed.urls[0]!.url, {
      method: 'PUT',
      headers: signed.headers,
      body: 'hello',
    });
    expect(put.status).toBe(200);
    const done = await call(alice, 'POST', `/api/uploads/${upload.id}/complete`, {
      parts: [{ partNumber: 1, etag: put.headers.get('etag') ?? '' }],
    });
    expect(done.statusCode).toBe(200);
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'uploads', Key: upload.key }));
    expect(head.ContentType).toBe('text/plain');
    expect(head.Metadata).toEqual({ project: 'apollo' });
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'uploads', Key: upload.key }));
    expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'a' }]);
  });

  it("carries the connection's server-side encryption in the signed headers", async () => {
    const sseConnection = await createLocalConnection(ctx.db, { sseMode: 'AES256' });
    const admin = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
    const created = await call(admin, 'POST', '/api/uploads', {
      connectionId: sseConnection,
      bucket: 'uploads',
      key: `${run}/sse/secret.txt`,
      size: 6,
    });
    const upload = UploadView.parse(created.json());
    const signed = await sign(admin, upload.id, [1]);
    expect(signed.headers).toMatchObject({ 'x-amz-server-side-encryption': 'AES256' });
    expect(new URL(signed.urls[0]!.url).searchParams.get('X-Amz-SignedHeaders')).toContain(
      'x-amz-server-side-encryption',
    );
    const put = await fetch(signed.urls[0]!.url, {
      method: 'PUT',
      headers: signed.headers,
      body: 'secret',
    });
    expect(put.status).toBe(200);
  });

  it('applies the existing-key policy: reject, rename, overwrite', async () => {
    const key = `${run}/alice/taken.pdf`;
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: 'x' }));
    await s3.send(
      new PutObjectCommand({ Bucket: 'uploads', Key: `${run}/alice/taken (1).pdf`, Body: 'x' }),
    );
    const rejected = await call(alice, 'POST', '/api/uploads', {
      connectionId,
      bucket: 'uploads',
      key,
      size: 1,
    });
    expect(rejected.statusCode).toBe(409);
    expect(problem(rejected).code).toBe('OBJECT_EXISTS');
    expect((await start(alice, key, 1, { onExisting: 'rename' })).key).toBe(
      `${run}/alice/taken (2).pdf`,
    );
    // Overwriting is deleting: alice may write here but not delete.
    const overwrite = await call(alice, 'POST', '/api/uploads', {
      connectionId,
      bucket: 'uploads',
      key,
      size: 1,
      onExisting: 'overwrite',
    });
    expect(problem(overwrite)).toMatchObject({ status: 403, code: 'GRANT_DENIED' });
  });

  it('refuses keys outside the grants, traversal, and viewers', async () => {
    const outside = await call(alice, 'POST', '/api/uploads', {
      connectionId,
      bucket: 'uploads',
      key: `${run}/bob/x.bin`,
      size: 1,
    });
    expect(problem(outside)).toMatchObject({ status: 403, code: 'GRANT_DENIED' });
    const traversal = await call(alice, 'POST', '/api/uploads', {
      connectionId,
      bucket: 'uploads',
      key: `${run}/alice/../bob/x.bin`,
      size: 1,
    });
    expect(problem(traversal).code).toBe('INVALID_KEY');
    const viewer = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'viewer' }));
    const refused = await call(viewer, 'POST', '/api/uploads', {
      connectionId,
      bucket: 'uploads',
      key: `${run}/alice/x.bin`,
      size: 1,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('explains invalid input instead of failing', async () => {
    const response = await call(alice, 'POST', '/api/uploads', {
      connectionId,
      bucket: 'uploads',
      key: `${run}/alice/x.bin`,
      size: 6 * 1024 ** 4,
    });
    expect(problem(response).code).toBe('VALIDATION');
    expect(problem(response).errors?.[0]?.path).toBe('body.size');
  });
});

describe('configured limits', () => {
  let limited: TestContext;
  let token: string;
  beforeAll(async () => {
    limited = await createTestApp({
      env: {
        UPLOAD_MAX_SIZE_BYTES: '1000',
        UPLOAD_ALLOWED_EXTENSIONS: 'pdf,.CSV',
        UPLOAD_ALLOWED_CONTENT_TYPES: 'application/pdf,text/*',
      },
    });
    token = await accessTokenFor(limited, await createUser(limited.db, { role: 'admin' }));
  });
  afterAll(() => limited.close());

  const attempt = (key: string, size: number, contentType: string) =>
    limited.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: bearer(token),
      payload: { connectionId, bucket: 'uploads', key, size, contentType },
    });

  it('refuses files that are too large or of a type not allowed', async () => {
    const large = await attempt(`${run}/limits/a.pdf`, 1001, 'application/pdf');
    expect(problem(large)).toMatchObject({ status: 413, code: 'UPLOAD_TOO_LARGE' });
    const extension = await attempt(`${run}/limits/a.exe`, 10, 'application/pdf');
    expect(problem(extension)).toMatchObject({ status: 415, code: 'UPLOAD_TYPE_NOT_ALLOWED' });
    const type = await attempt(`${run}/limits/a.pdf`, 10, 'application/zip');
    expect(problem(type).code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    expect((await attempt(`${run}/limits/a.csv`, 10, 'text/csv')).statusCode).toBe(201);
  });
});
