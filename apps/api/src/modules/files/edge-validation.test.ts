// Input S3 would refuse is refused at the edge with 400 and the field named (bucket names by S3's
// rules, everywhere a bucket is accepted), and S3 failures in the file browser are explained
// answers with a stable code, never a 500.
import { randomUUID } from 'node:crypto';
import { bucketNameProblem } from '@s3am/contracts';
import { seal } from '../../lib/crypto-envelope.js';
import { CONNECTION_SECRET_AAD } from '../connections/s3-client.js';
import {
  TEST_KEYRING,
  accessTokenFor,
  bearer,
  createUser,
  localS3,
  type TestContext,
} from '../../../test/test-app.js';
import { createAppWithLocalConnection, problemOf as problem } from '../../../test/uploads-kit.js';

let ctx: TestContext;
let admin: string;
let adminId: string;
let connectionId: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection());
  const user = await createUser(ctx.db, { role: 'admin' });
  adminId = user.id;
  admin = await accessTokenFor(ctx, user);
});
afterAll(() => ctx.close());

describe('bucket names follow S3 rules everywhere a bucket is accepted', () => {
  const bad = [
    'a?x=y',
    'UPPER',
    'a',
    'has_underscore',
    '-dash',
    'two..dots',
    '192.168.1.1',
    'xn--x',
  ];

  it.each(bad)('refuses %s in files, uploads, grants and CORS', async (bucket) => {
    const calls = [
      ctx.app.inject({
        method: 'GET',
        url: `/api/files?connectionId=${connectionId}&bucket=${encodeURIComponent(bucket)}`,
        headers: bearer(admin),
      }),
      ctx.app.inject({
        method: 'POST',
        url: '/api/files/download-url',
        headers: bearer(admin),
        payload: { connectionId, bucket, key: 'x.txt' },
      }),
      ctx.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: bearer(admin),
        payload: { connectionId, bucket, key: 'x.txt', size: 1 },
      }),
      ctx.app.inject({
        method: 'POST',
        url: '/api/grants',
        headers: bearer(admin),
        payload: { userId: adminId, connectionId, bucket, prefix: '', actions: ['list'] },
      }),
      ctx.app.inject({
        method: 'POST',
        url: `/api/connections/${connectionId}/cors`,
        headers: bearer(admin),
        payload: { bucket },
      }),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.statusCode).toBe(400);
      const body = problem(response);
      expect(body.code).toBe('VALIDATION');
      expect(JSON.stringify(body)).toContain('bucket');
    }
  });

  it('refuses a bad bucket in Uppy metadata', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/s3/multipart',
      headers: bearer(admin),
      payload: { filename: 'a.bin', metadata: { connectionId, bucket: 'a?x=y', prefix: '' } },
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).detail).toContain('metadata.bucket');
  });

  it('accepts names S3 accepts', () => {
    for (const name of ['uploads', 'my.bucket-1', 'abc', 'a'.repeat(63)])
      expect(bucketNameProblem(name)).toBeNull();
    expect(bucketNameProblem('a'.repeat(64))).not.toBeNull();
    expect(bucketNameProblem('bucket-s3alias')).not.toBeNull();
  });
});

describe('S3 failures in the file browser', () => {
  it('answers a wrong secret with 502 STORAGE_ERROR and an explanation, on every call', async () => {
    const s3 = localS3();
    const wrong = await ctx.db.s3Connection.create({
      data: {
        name: `wrong-${randomUUID()}`,
        endpoint: s3.endpoint,
        forcePathStyle: true,
        authMode: 'static_keys',
        accessKeyId: s3.accessKeyId,
        secretCiphertext: seal(TEST_KEYRING, 'not-the-secret', CONNECTION_SECRET_AAD),
        buckets: ['uploads'],
      },
    });
    const ref = { connectionId: wrong.id, bucket: 'uploads', key: 'x.txt' };
    const responses = await Promise.all([
      ctx.app.inject({
        method: 'GET',
        url: `/api/files?connectionId=${wrong.id}&bucket=uploads&prefix=odd%2F`,
        headers: bearer(admin),
      }),
      ctx.app.inject({
        method: 'GET',
        url: `/api/files/object?connectionId=${wrong.id}&bucket=uploads&key=x.txt`,
        headers: bearer(admin),
      }),
      ctx.app.inject({
        method: 'POST',
        url: '/api/files/delete',
        headers: bearer(admin),
        payload: { connectionId: wrong.id, bucket: 'uploads', keys: ['x.txt'] },
      }),
      ctx.app.inject({
        method: 'POST',
        url: '/api/files/folder',
        headers: bearer(admin),
        payload: ref,
      }),
    ]);
    for (const response of responses) {
      expect(response.statusCode).toBe(502);
      const body = problem(response);
      expect(body.code).toBe('STORAGE_ERROR');
      expect(body.detail).not.toContain('not-the-secret');
    }
  });
});
