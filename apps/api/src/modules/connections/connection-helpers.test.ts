// Setup help for admins against the real local S3 server: the IAM policy follows the grants,
// the CORS rule names the app's origin and exposes ETag, and "apply CORS" really changes the
// bucket (a browser preflight from the app's origin then passes) or explains the refusal.
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { ApplyCorsResult, ConnectionHelpers, ProblemSchema } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';

const ORIGIN = 'https://files.example.test';
let ctx: TestContext;
let token: string;

beforeAll(async () => {
  ctx = await createTestApp({ env: { PUBLIC_URL: ORIGIN, UPLOAD_STALE_AFTER_HOURS: '48' } });
  token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
});
afterAll(() => ctx.close());

const call = (method: 'GET' | 'POST', url: string, payload?: object, as = token) =>
  ctx.app.inject({ method, url, headers: bearer(as), ...(payload ? { payload } : {}) });

describe('connection helpers', () => {
  it('builds the policy from the grants: prefix-scoped actions for granted buckets', async () => {
    const id = await createLocalConnection(ctx.db, { buckets: [] });
    const user = await createUser(ctx.db);
    await ctx.db.grant.create({
      data: {
        userId: user.id,
        connectionId: id,
        bucket: 'shared-data',
        prefix: 'inbox/',
        actions: ['list', 'write'],
      },
    });
    const helpers = ConnectionHelpers.parse(
      (await call('GET', `/api/connections/${id}/helpers?profile=uploader`)).json(),
    );
    expect(helpers.buckets).toEqual(['shared-data']);
    const statements = helpers.iamPolicy.Statement;
    expect(statements.find((s) => s.Action.includes('s3:PutObject'))?.Resource).toEqual([
      'arn:aws:s3:::shared-data/inbox/*',
    ]);
    expect(statements.find((s) => s.Action.includes('s3:ListBucket'))?.Condition).toEqual({
      StringLike: { 's3:prefix': ['inbox/', 'inbox/*'] },
    });
    expect(statements.flatMap((s) => s.Action)).not.toContain('s3:GetObject');
    expect(helpers.cors.CORSRules[0]).toMatchObject({
      AllowedOrigins: [ORIGIN],
      ExposeHeaders: expect.arrayContaining(['ETag']) as unknown,
    });
    expect(helpers.lifecycle.Rules[0]?.AbortIncompleteMultipartUpload.DaysAfterInitiation).toBe(2);
  });

  it('applies the CORS rule: a preflight from the app origin is then allowed', async () => {
    // A bucket of its own: a new bucket has no CORS rule, so browsers are refused at first.
    const bucket = `cors-${Date.now()}`;
    await localS3Client().send(new CreateBucketCommand({ Bucket: bucket }));
    const id = await createLocalConnection(ctx.db, { buckets: [bucket] });
    const preflight = () =>
      fetch(`${localS3().endpoint}/${bucket}/some/key`, {
        method: 'OPTIONS',
        headers: {
          origin: ORIGIN,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type',
        },
      });
    expect((await preflight()).status).toBe(403);
    const result = ApplyCorsResult.parse(
      (await call('POST', `/api/connections/${id}/cors`, { bucket })).json(),
    );
    expect(result).toEqual({ applied: true });
    const response = await preflight();
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('explains why CORS could not be applied', async () => {
    const id = await createLocalConnection(ctx.db);
    const result = ApplyCorsResult.parse(
      (await call('POST', `/api/connections/${id}/cors`, { bucket: 'no-such-bucket-here' })).json(),
    );
    expect(result.applied).toBe(false);
    expect(result.failure?.reason).toBe('no_such_bucket');
  });

  it('is for admins only', async () => {
    const id = await createLocalConnection(ctx.db);
    const uploader = await accessTokenFor(ctx, await createUser(ctx.db));
    const response = await call('GET', `/api/connections/${id}/helpers`, undefined, uploader);
    expect(response.statusCode).toBe(403);
    expect(ProblemSchema.parse(response.json()).code).toBe('FORBIDDEN');
  });
});
