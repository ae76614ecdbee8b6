// A presigned URL allows exactly what the API decided: the single-PUT URL binds size, type and
// what it may replace (S3 refuses anything else), lives minutes, and cannot replace the object
// again after completion; what does reach S3 unchecked is removed at completion. Overwriting is
// deleting: it needs the delete right.
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { MiB, ProblemSchema, UploadView } from '@s3am/contracts';
import { bearer, localS3Client, type TestContext } from '../../../test/test-app.js';
import {
  createAppWithLocalConnection,
  signedInGrantee,
  signParts,
} from '../../../test/uploads-kit.js';

const run = `policy-${Date.now()}`;
const s3 = localS3Client();
let ctx: TestContext;
let connectionId: string;
let writer: string;
let writerId: string;
let deleter: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection({
    env: { UPLOAD_SINGLE_PUT_MAX_BYTES: String(MiB), SESSION_IDLE_TIMEOUT_SECONDS: '86400' },
  }));
  const w = await signedInGrantee(ctx, { connectionId, prefix: `${run}/data/` });
  writerId = w.user.id;
  writer = w.token;
  deleter = (
    await signedInGrantee(ctx, {
      connectionId,
      prefix: `${run}/data/`,
      actions: ['list', 'write', 'delete'],
    })
  ).token;
});
afterAll(() => ctx.close());

const call = (token: string, method: 'POST' | 'PATCH', url: string, payload: object) =>
  ctx.app.inject({ method, url, headers: bearer(token), payload });

async function start(token: string, key: string, size: number, extra: object = {}) {
  const response = await call(token, 'POST', '/api/uploads', {
    connectionId,
    bucket: 'uploads',
    key,
    size,
    contentType: 'text/plain',
    ...extra,
  });
  expect(response.statusCode).toBe(201);
  return UploadView.parse(response.json());
}

async function signSingle(token: string, id: string) {
  const signed = await signParts(ctx, token, id, [1]);
  return { url: signed.urls[0]!.url, headers: signed.headers, expiresAt: signed.expiresAt };
}

const put = (
  url: string,
  headers: Record<string, string>,
  body: string | Uint8Array<ArrayBuffer>,
) => fetch(url, { method: 'PUT', headers, body });

const complete = (token: string, id: string, etag: string) =>
  call(token, 'POST', `/api/uploads/${id}/complete`, { parts: [{ partNumber: 1, etag }] });

async function exists(key: string): Promise<boolean> {
  return s3
    .send(new HeadObjectCommand({ Bucket: 'uploads', Key: key }))
    .then(() => true)
    .catch(() => false);
}

async function text(key: string): Promise<string> {
  const object = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: key }));
  return object.Body!.transformToString();
}

describe('single-PUT URLs', () => {
  it('refuses a body larger than declared, with another type: nothing is stored', async () => {
    const upload = await start(writer, `${run}/data/small.txt`, 1);
    const signed = await signSingle(writer, upload.id);
    const attack = await put(
      signed.url,
      { ...signed.headers, 'content-type': 'text/html' },
      new Uint8Array(10 * MiB),
    );
    expect(attack.status).toBe(403);
    // Same type as declared, still the wrong size.
    const bigger = await put(signed.url, signed.headers, new Uint8Array(2));
    expect(bigger.status).toBe(403);
    expect(await exists(upload.key)).toBe(false);
  });

  it('refuses the declared size with another content type', async () => {
    const upload = await start(writer, `${run}/data/typed.txt`, 5);
    const signed = await signSingle(writer, upload.id);
    const other = await put(
      signed.url,
      { ...signed.headers, 'content-type': 'text/html' },
      'hello',
    );
    expect(other.status).toBe(403);
    expect(await exists(upload.key)).toBe(false);
    const right = await put(signed.url, signed.headers, 'hello');
    expect(right.status).toBe(200);
    expect((await complete(writer, upload.id, right.headers.get('etag') ?? '')).statusCode).toBe(
      200,
    );
  });

  it('lives minutes, not an hour', async () => {
    const upload = await start(writer, `${run}/data/ttl.txt`, 5);
    const signed = await signSingle(writer, upload.id);
    expect(new URL(signed.url).searchParams.get('X-Amz-Expires')).toBe('300');
    const signedHeaders = new URL(signed.url).searchParams.get('X-Amz-SignedHeaders') ?? '';
    expect(signedHeaders.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'if-none-match']),
    );
  });

  it('cannot replace the object after completion, nor after the owner is disabled', async () => {
    const upload = await start(writer, `${run}/data/once.txt`, 5);
    const signed = await signSingle(writer, upload.id);
    const first = await put(signed.url, signed.headers, 'hello');
    expect(first.status).toBe(200);
    expect((await complete(writer, upload.id, first.headers.get('etag') ?? '')).statusCode).toBe(
      200,
    );
    const replay = await put(signed.url, signed.headers, 'HACKS');
    expect(replay.status).toBe(412);
    await ctx.db.user.update({ where: { id: writerId }, data: { disabled: true } });
    try {
      expect((await put(signed.url, signed.headers, 'HACKS')).status).toBe(412);
    } finally {
      await ctx.db.user.update({ where: { id: writerId }, data: { disabled: false } });
    }
    expect(await text(upload.key)).toBe('hello');
  });

  it('removes an object that is not what was allowed, fails the upload and audits it', async () => {
    const upload = await start(writer, `${run}/data/swapped.txt`, 5);
    // Something other than our URL wrote there (another tool, a replayed URL on a lax server).
    await s3.send(
      new PutObjectCommand({
        Bucket: 'uploads',
        Key: upload.key,
        Body: '<script>alert(1)</script>',
        ContentType: 'text/html',
      }),
    );
    const response = await complete(writer, upload.id, 'whatever');
    expect(response.statusCode).toBe(400);
    expect(ProblemSchema.parse(response.json()).code).toBe('UPLOAD_PARTS_INVALID');
    expect(await exists(upload.key)).toBe(false);
    const row = await ctx.db.upload.findUniqueOrThrow({ where: { id: upload.id } });
    expect(row.state).toBe('failed');
    const event = await ctx.db.auditEvent.findFirst({
      where: { action: 'upload.rejected', targetId: upload.id },
    });
    expect(event?.details).toMatchObject({ key: upload.key, removed: 'yes' });
  });
});

describe('overwriting is deleting', () => {
  it('refuses an overwrite to someone with write but no delete; the old object stays', async () => {
    const key = `${run}/data/existing.txt`;
    await s3.send(
      new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: 'twenty-eight bytes of text..' }),
    );
    const refused = await call(writer, 'POST', '/api/uploads', {
      connectionId,
      bucket: 'uploads',
      key,
      size: 9,
      contentType: 'text/plain',
      onExisting: 'overwrite',
    });
    expect(refused.statusCode).toBe(403);
    expect(ProblemSchema.parse(refused.json()).code).toBe('GRANT_DENIED');
    expect(await text(key)).toBe('twenty-eight bytes of text..');
    // A new key needs no delete right, even with onExisting overwrite.
    expect((await start(writer, `${run}/data/new.txt`, 1, { onExisting: 'overwrite' })).key).toBe(
      `${run}/data/new.txt`,
    );
  });

  it('lets someone with delete replace it once, bound to the replaced ETag, and audits that', async () => {
    const key = `${run}/data/replace-me.txt`;
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: 'old' }));
    const upload = await start(deleter, key, 3, { onExisting: 'overwrite' });
    const signed = await signSingle(deleter, upload.id);
    expect(Object.keys(signed.headers)).toContain('if-match');
    const first = await put(signed.url, signed.headers, 'new');
    expect(first.status).toBe(200);
    expect((await complete(deleter, upload.id, first.headers.get('etag') ?? '')).statusCode).toBe(
      200,
    );
    expect((await put(signed.url, signed.headers, 'bad')).status).toBe(412);
    expect(await text(key)).toBe('new');
    const event = await ctx.db.auditEvent.findFirst({
      where: { action: 'upload.start', targetId: upload.id },
    });
    expect(event?.details).toMatchObject({ replaces: 'object' });
  });
});
