// Values that S3 receives as HTTP headers (content type, x-amz-meta-*) are checked at the edge:
// a line break, a control or a non-ASCII character is a 400 VALIDATION naming the field, for the
// REST uploads API and the Uppy routes alike, never a 502 or a header signed into a URL.
import { ProblemSchema, UPLOAD_COOKIE, UploadView } from '@s3am/contracts';
import { bearer, type TestContext } from '../../../test/test-app.js';
import { createAppWithLocalConnection, signedInGrantee } from '../../../test/uploads-kit.js';

const run = `headers-${Date.now()}`;
let ctx: TestContext;
let connectionId: string;
let token: string;
let uploadCookie: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection());
  const grantee = await signedInGrantee(ctx, { connectionId, prefix: `${run}/` });
  uploadCookie = grantee.uploadCookie!;
  token = grantee.token;
});
afterAll(() => ctx.close());

let counter = 0;
function startUpload(fields: Record<string, unknown>, size = 10) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: bearer(token),
    payload: {
      connectionId,
      bucket: 'uploads',
      key: `${run}/file-${++counter}.txt`,
      size,
      ...fields,
    },
  });
}

function expectValidation(
  response: { statusCode: number; json: () => unknown },
  path: string,
): void {
  expect(response.statusCode).toBe(400);
  const problem = ProblemSchema.parse(response.json());
  expect(problem.code).toBe('VALIDATION');
  expect(problem.errors?.map((error) => error.path)).toContain(path);
}

const BAD_CONTENT_TYPES: [string, string][] = [
  ['a CRLF header injection', 'text/plain\r\nx-amz-acl: public-read'],
  ['a bare line feed', 'text/plain\n'],
  ['a NUL byte', 'text/plain\u0000'],
  ['a non-ASCII parameter', 'text/plain; charset=ütf-8'],
  ['no subtype', 'text'],
];

describe('REST uploads', () => {
  it.each(BAD_CONTENT_TYPES)('refuses a contentType with %s', async (_label, contentType) => {
    expectValidation(await startUpload({ contentType }), 'body.contentType');
  });

  it.each([
    ['a CRLF', 'ok\r\nx-amz-acl: public-read'],
    ['a tab', 'a\tb'],
    ['a non-ASCII letter', 'Zürich'],
    ['an emoji', 'report 📄'],
  ])('refuses a metadata value with %s, naming the entry', async (_label, value) => {
    expectValidation(
      await startUpload({ metadata: { project: 'apollo', note: value } }),
      'body.metadata.note',
    );
  });

  it('refuses a multipart upload with a bad metadata value before anything reaches S3', async () => {
    expectValidation(
      await startUpload({ metadata: { note: 'line\nbreak' } }, 64 * 1024 * 1024),
      'body.metadata.note',
    );
  });

  it('refuses tags S3 would refuse at completion (line breaks, other punctuation)', async () => {
    expectValidation(await startUpload({ tags: { team: 'a\nb' } }), 'body.tags.team');
    expectValidation(await startUpload({ tags: { team: 'a;b' } }), 'body.tags.team');
  });

  it('accepts media type parameters, printable metadata and Unicode tags', async () => {
    const response = await startUpload({
      contentType: 'text/plain; charset="utf-8"',
      metadata: { note: 'Zurich, 2026 (draft) #3' },
      tags: { city: 'Zürich' },
    });
    expect(response.statusCode).toBe(201);
    expect(UploadView.parse(response.json()).contentType).toBe('text/plain; charset="utf-8"');
  });
});

describe('Uppy routes', () => {
  const companion = (method: 'GET' | 'POST', url: string, payload?: object) =>
    ctx.app.inject({
      method,
      url,
      cookies: { [UPLOAD_COOKIE]: uploadCookie },
      ...(payload ? { payload } : {}),
    });
  const destination = { connectionId, bucket: 'uploads', prefix: run };

  it.each(BAD_CONTENT_TYPES)(
    'refuses a presigned POST for a type with %s',
    async (_label, type) => {
      const query = new URLSearchParams({ filename: 'a.txt', type });
      for (const [name, value] of Object.entries(destination))
        query.set(`metadata[${name}]`, value);
      expectValidation(await companion('GET', `/s3/params?${query}`), 'querystring.type');
    },
  );

  it.each(BAD_CONTENT_TYPES)('refuses a multipart upload for a type with %s', async (_l, type) => {
    expectValidation(
      await companion('POST', '/s3/multipart', { filename: 'a.bin', type, metadata: destination }),
      'body.type',
    );
  });

  it('still accepts a file whose type the browser does not know (empty)', async () => {
    const response = await companion('POST', '/s3/multipart', {
      filename: 'unknown.bin',
      type: '',
      metadata: { ...destination, name: 'Ünïcode name.bin' },
    });
    expect(response.statusCode).toBe(200);
  });
});
