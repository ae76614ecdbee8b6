// Uppy's Companion S3 protocol against the real local S3 server, called the way @uppy/aws-s3
// calls it: no Authorization header, only the /s3-scoped cookie set at sign-in.
import { randomBytes } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import {
  MiB,
  ProblemSchema,
  UPLOAD_COOKIE,
  UppyCompleteResponse,
  UppyCreateMultipartResponse,
  UppyParamsResponse,
  UppyPartList,
  UppySignedPart,
} from '@s3am/contracts';
import {
  createLocalConnection,
  createTestApp,
  createUser,
  grantOnUploads,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';

const run = `uppy-${Date.now()}`;
let ctx: TestContext;
let connectionId: string;
let cookie: string;
let otherCookie: string;

async function uploadCookieFor(user: { email: string; password: string }) {
  const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: user });
  const set = login.cookies.find((c) => c.name === UPLOAD_COOKIE);
  expect(set).toMatchObject({ path: '/s3', httpOnly: true, sameSite: 'Strict' });
  return set!.value;
}

beforeAll(async () => {
  ctx = await createTestApp();
  connectionId = await createLocalConnection(ctx.db);
  const user = await createUser(ctx.db);
  await grantOnUploads(ctx.db, { userId: user.id, connectionId, prefix: `${run}/` });
  cookie = await uploadCookieFor(user);
  otherCookie = await uploadCookieFor(await createUser(ctx.db));
});
afterAll(() => ctx.close());

const companion = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, as = cookie) =>
  ctx.app.inject({
    method,
    url,
    cookies: { [UPLOAD_COOKIE]: as },
    ...(payload ? { payload } : {}),
  });

async function storedBytes(key: string): Promise<Buffer> {
  const object = await localS3Client().send(new GetObjectCommand({ Bucket: 'uploads', Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

it('runs a multipart upload through the Companion routes into the granted prefix', async () => {
  const body = randomBytes(7 * MiB);
  const created = UppyCreateMultipartResponse.parse(
    (
      await companion('POST', '/s3/multipart', {
        filename: 'clip/../film.mp4',
        type: 'video/mp4',
        metadata: { connectionId, bucket: 'uploads', prefix: run, name: 'film.mp4' },
      })
    ).json(),
  );
  expect(created).toMatchObject({ bucket: 'uploads', key: `${run}/clip_.._film.mp4` });
  const query = `?key=${encodeURIComponent(created.key)}`;
  const parts = [body.subarray(0, 5 * MiB), body.subarray(5 * MiB)];
  const etags: string[] = [];
  for (const [index, part] of parts.entries()) {
    const signed = UppySignedPart.parse(
      (await companion('GET', `/s3/multipart/${created.uploadId}/${index + 1}${query}`)).json(),
    );
    const put = await fetch(signed.url, { method: 'PUT', body: new Uint8Array(part) });
    etags.push(put.headers.get('etag') ?? '');
  }
  const listed = UppyPartList.parse(
    (await companion('GET', `/s3/multipart/${created.uploadId}${query}`)).json(),
  );
  expect(listed.map((p) => p.PartNumber)).toEqual([1, 2]);
  const done = UppyCompleteResponse.parse(
    (
      await companion('POST', `/s3/multipart/${created.uploadId}/complete${query}`, {
        parts: etags.map((ETag, i) => ({ PartNumber: i + 1, ETag })),
      })
    ).json(),
  );
  expect(done.location).toContain(`/uploads/${run}/`);
  expect((await storedBytes(created.key)).equals(body)).toBe(true);
  const row = await ctx.db.upload.findUniqueOrThrow({ where: { id: created.uploadId } });
  expect(row).toMatchObject({ state: 'completed', size: BigInt(body.length), partCount: 2 });
});

it('hands out a presigned POST for small files that S3 accepts', async () => {
  const params = UppyParamsResponse.parse(
    (
      await companion(
        'GET',
        `/s3/params?filename=note.txt&type=text/plain&metadata[connectionId]=${connectionId}&metadata[bucket]=uploads&metadata[prefix]=${run}`,
      )
    ).json(),
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(params.fields)) form.append(name, value);
  form.append('file', new Blob(['hello uppy']), 'note.txt');
  const post = await fetch(params.url, { method: 'POST', body: form });
  expect(post.status).toBeLessThan(300);
  expect((await storedBytes(`${run}/note.txt`)).toString()).toBe('hello uppy');
});

it('refuses callers without the cookie, other people, and destinations outside the grants', async () => {
  const anonymous = await ctx.app.inject({
    method: 'POST',
    url: '/s3/multipart',
    payload: { filename: 'x' },
  });
  expect(ProblemSchema.parse(anonymous.json()).code).toBe('UNAUTHENTICATED');
  const outside = await companion('POST', '/s3/multipart', {
    filename: 'x.bin',
    metadata: { connectionId, bucket: 'uploads', prefix: 'elsewhere' },
  });
  expect(ProblemSchema.parse(outside.json()).code).toBe('GRANT_DENIED');
  const created = UppyCreateMultipartResponse.parse(
    (
      await companion('POST', '/s3/multipart', {
        filename: 'mine.bin',
        metadata: { connectionId, bucket: 'uploads', prefix: run },
      })
    ).json(),
  );
  const stolen = await companion(
    'GET',
    `/s3/multipart/${created.uploadId}/1?key=${encodeURIComponent(created.key)}`,
    undefined,
    otherCookie,
  );
  expect(stolen.statusCode).toBe(404);
  expect(ProblemSchema.parse(stolen.json()).code).toBe('UPLOAD_NOT_FOUND');
  const wrongKey = await companion('GET', `/s3/multipart/${created.uploadId}/1?key=other`);
  expect(wrongKey.statusCode).toBe(400);
});
