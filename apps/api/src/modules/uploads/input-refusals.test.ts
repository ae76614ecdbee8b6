// Input S3 would refuse, or would store in a way that loses data, is refused by us first with a
// 400 and a stable code (never a 502 "S3 answered URIError"), on the REST and Uppy routes alike.
import {
  ProblemSchema,
  UPLOAD_COOKIE,
  UppyCreateMultipartResponse,
  type ErrorCode,
} from '@s3am/contracts';
import { bearer, type TestContext } from '../../../test/test-app.js';
import { createAppWithLocalConnection, signedInGrantee } from '../../../test/uploads-kit.js';
import { isWellFormed } from '../../lib/key-rules.js';

const run = `refusals-${Date.now()}`;
let ctx: TestContext;
let connectionId: string;
let token: string;
let cookie: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection());
  const grantee = await signedInGrantee(ctx, { connectionId, prefix: `${run}/` });
  token = grantee.token;
  cookie = grantee.uploadCookie!;
});
afterAll(() => ctx.close());

function expectProblem(response: { statusCode: number; json: () => unknown }, code: ErrorCode) {
  expect({ status: response.statusCode, code: ProblemSchema.parse(response.json()).code }).toEqual({
    status: 400,
    code,
  });
}

const createUpload = (key: string, size: number) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: bearer(token),
    payload: { connectionId, bucket: 'uploads', key, size, contentType: 'video/mp4' },
  });

const uppyCreate = (filename: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/s3/multipart',
    cookies: { [UPLOAD_COOKIE]: cookie },
    payload: {
      filename,
      type: 'video/mp4',
      metadata: { connectionId, bucket: 'uploads', prefix: run },
    },
  });

it('refuses a key with a lone surrogate (a long name cut inside an emoji) with 400 INVALID_KEY', async () => {
  expectProblem(await createUpload(`${run}/holiday-\uD83D.mp4`, 10), 'INVALID_KEY');
  expectProblem(await createUpload(`${run}/\uDE00.mp4`, 10), 'INVALID_KEY');
});

it('refuses a Uppy file name with a lone surrogate with 400 INVALID_KEY', async () => {
  expectProblem(await uppyCreate('holiday-\uD83D.mp4'), 'INVALID_KEY');
});

it('cuts long Uppy file names on code points, never inside a surrogate pair', async () => {
  const created = await uppyCreate(`${'\u{1F3D6}'.repeat(120)}.mp4`); // 480 bytes of emoji
  expect(created.statusCode).toBe(200);
  const { key, uploadId } = UppyCreateMultipartResponse.parse(created.json());
  const name = key.slice(run.length + 1);
  expect(isWellFormed(name)).toBe(true);
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
  expect(name).toBe(`${'\u{1F3D6}'.repeat(62)}.mp4`);
  const aborted = await ctx.app.inject({
    method: 'DELETE',
    url: `/s3/multipart/${uploadId}?key=${encodeURIComponent(key)}`,
    cookies: { [UPLOAD_COOKIE]: cookie },
  });
  expect(aborted.statusCode).toBe(200);
});

it('refuses content for a key ending in / (listings would show a folder and hide the bytes)', async () => {
  const refused = await createUpload(`${run}/reports/`, 5);
  expectProblem(refused, 'INVALID_KEY');
  expect(ProblemSchema.parse(refused.json()).detail).toMatch(/folder/);
  expect(await ctx.db.upload.count({ where: { key: `${run}/reports/` } })).toBe(0);
});
