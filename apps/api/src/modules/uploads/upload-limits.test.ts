// GET /api/uploads/limits: what may be uploaded, readable before a file is picked.
import { ProblemSchema, UploadLimits } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  type TestContext,
} from '../../../test/test-app.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp({
    env: {
      UPLOAD_MAX_SIZE_BYTES: '1048576',
      UPLOAD_ALLOWED_EXTENSIONS: '.PDF, .csv',
      UPLOAD_ALLOWED_CONTENT_TYPES: 'image/*,application/pdf',
      UPLOAD_SINGLE_PUT_MAX_BYTES: '65536',
    },
  });
});
afterAll(() => ctx.close());

it('tells an uploader the size, extension and type limits and the single-PUT size', async () => {
  const user = await createUser(ctx.db, { role: 'uploader' });
  const response = await ctx.app.inject({
    method: 'GET',
    url: '/api/uploads/limits',
    headers: bearer(await accessTokenFor(ctx, user)),
  });
  expect(response.statusCode).toBe(200);
  expect(UploadLimits.parse(response.json())).toEqual({
    maxSize: 1048576,
    allowedExtensions: ['.pdf', '.csv'],
    allowedContentTypes: ['image/*', 'application/pdf'],
    singlePutMaxBytes: 65536,
    maxUploadsPerBatch: 100,
  });
});

it('refuses people who cannot upload, and anonymous callers', async () => {
  const viewer = await createUser(ctx.db, { role: 'viewer' });
  const denied = await ctx.app.inject({
    method: 'GET',
    url: '/api/uploads/limits',
    headers: bearer(await accessTokenFor(ctx, viewer)),
  });
  expect(denied.statusCode).toBe(403);
  const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/uploads/limits' });
  expect(anonymous.statusCode).toBe(401);
  expect(ProblemSchema.parse(anonymous.json()).code).toBe('UNAUTHENTICATED');
});
