// How the API reaches S3 once a connection is saved: a frozen S3 server (SIGSTOP on a real local
// S3 process of this test's own) answers 504 S3_TIMEOUT instead of hanging, and the endpoint
// policy in force now (not the one when the connection was saved) decides every new socket.
import { mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConnectionTestResult, ConnectionView, ProblemSchema } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3,
  testTmpDir,
  type TestContext,
} from '../../../test/test-app.js';
import {
  createConnectionTo,
  killProcess,
  startOwnLocalS3,
  type OwnLocalS3,
} from '../../../test/upload-engine-kit.js';

const problemCode = (response: { json: () => unknown }) =>
  ProblemSchema.parse(response.json()).code;

describe('a frozen S3 server', () => {
  let s3: OwnLocalS3;
  let ctx: TestContext;
  let token: string;
  let connectionId: string;

  beforeAll(async () => {
    s3 = await startOwnLocalS3(await mkdtemp(path.join(testTmpDir(), 'frozen-s3-')));
    // Short timeouts keep the test quick; the production defaults are seconds, not minutes.
    ctx = await createTestApp({
      env: { S3_CONNECT_TIMEOUT_MS: '500', S3_REQUEST_TIMEOUT_MS: '500' },
    });
    token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
    connectionId = await createConnectionTo(ctx.db, s3.endpoint);
  });
  afterAll(async () => {
    await ctx.close();
    if (s3.process.signalCode === null) s3.process.kill('SIGCONT');
    await killProcess(s3.process);
  });

  const get = (url: string) => ctx.app.inject({ url, headers: bearer(token) });
  const listing = () => get(`/api/files?connectionId=${connectionId}&bucket=uploads&prefix=`);

  it('answers 504 S3_TIMEOUT for listings, object details and the connection test explains it', async () => {
    await expect(listing()).resolves.toMatchObject({ statusCode: 200 });
    s3.process.kill('SIGSTOP');
    try {
      const list = await listing();
      expect(list.statusCode).toBe(504);
      expect(list.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problemCode(list)).toBe('S3_TIMEOUT');

      const details = await get(
        `/api/files/object?connectionId=${connectionId}&bucket=uploads&key=${encodeURIComponent('a/b.txt')}`,
      );
      expect(details.statusCode).toBe(504);
      expect(problemCode(details)).toBe('S3_TIMEOUT');

      const test = await ctx.app.inject({
        method: 'POST',
        url: `/api/connections/${connectionId}/test`,
        headers: bearer(token),
      });
      expect(test.statusCode).toBe(200);
      const result = ConnectionTestResult.parse(test.json());
      expect(result).toMatchObject({ ok: false, failure: { reason: 'unreachable' } });
      expect(result.failure?.message).toMatch(/did not answer in time/);
    } finally {
      s3.process.kill('SIGCONT');
    }
    await expect(listing()).resolves.toMatchObject({ statusCode: 200 });
  });
});

describe('the endpoint policy on saved connections', () => {
  /** A stand-in S3 endpoint on loopback that counts what reaches it. */
  let endpoint: http.Server;
  let received = 0;
  let port: number;

  beforeAll(async () => {
    endpoint = http.createServer((_request, response) => {
      received += 1;
      response.writeHead(200, { 'content-type': 'application/xml' }).end('<ListBucketResult/>');
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    port = (endpoint.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => endpoint.close(() => resolve())));

  /** Saves a connection through the API of an app that allows loopback endpoints. */
  async function saveWhileLoopbackAllowed(host: string): Promise<string> {
    const lenient = await createTestApp({ env: { ENDPOINT_ALLOW_LOOPBACK: 'true' } });
    try {
      const adminToken = await accessTokenFor(
        lenient,
        await createUser(lenient.db, { role: 'admin' }),
      );
      const saved = await lenient.app.inject({
        method: 'POST',
        url: '/api/connections',
        headers: bearer(adminToken),
        payload: {
          name: `loopback-${host}-${Date.now()}`,
          endpoint: `http://${host}:${port}`,
          region: 'us-east-1',
          forcePathStyle: true,
          authMode: 'static_keys',
          accessKeyId: 'AKIAEXAMPLE',
          secretAccessKey: 'secret-example-secret',
          buckets: ['uploads'],
        },
      });
      expect(saved.statusCode).toBe(201);
      return ConnectionView.parse(saved.json()).id;
    } finally {
      await lenient.close();
    }
  }

  it.each([['127.0.0.1'], ['localhost']])(
    'refuses calls to a loopback endpoint (%s) saved while loopback was allowed, once it is not',
    async (host) => {
      const connectionId = await saveWhileLoopbackAllowed(host);
      const strict = await createTestApp({ env: { ENDPOINT_ALLOW_LOOPBACK: 'false' } });
      try {
        const adminToken = await accessTokenFor(
          strict,
          await createUser(strict.db, { role: 'admin' }),
        );
        const before = received;
        const list = await strict.app.inject({
          url: `/api/files?connectionId=${connectionId}&bucket=uploads&prefix=`,
          headers: bearer(adminToken),
        });
        expect(list.statusCode).toBe(502);
        const problem = ProblemSchema.parse(list.json());
        expect(problem.code).toBe('ENDPOINT_BLOCKED');
        expect(problem.detail).toMatch(/ENDPOINT_ALLOW_LOOPBACK/);

        const upload = await strict.app.inject({
          method: 'POST',
          url: '/api/uploads',
          headers: bearer(adminToken),
          payload: {
            connectionId,
            bucket: 'uploads',
            key: 'blocked/file.bin',
            size: 10,
            contentType: 'application/octet-stream',
          },
        });
        expect(upload.statusCode).toBe(502);
        expect(problemCode(upload)).toBe('ENDPOINT_BLOCKED');

        const test = await strict.app.inject({
          method: 'POST',
          url: `/api/connections/${connectionId}/test`,
          headers: bearer(adminToken),
        });
        const result = ConnectionTestResult.parse(test.json());
        expect(result).toMatchObject({ ok: false, failure: { reason: 'unreachable' } });
        expect(result.failure?.message).toMatch(/loopback/);
        expect(received).toBe(before);
      } finally {
        await strict.close();
      }
    },
  );

  it('keeps the managed local storage (started by this server on loopback) working', async () => {
    const strict = await createTestApp({ env: { ENDPOINT_ALLOW_LOOPBACK: 'false' } });
    const connectionId = await createLocalConnection(strict.db);
    await strict.db.s3Connection.update({
      where: { id: connectionId },
      data: { managedLocal: true },
    });
    try {
      const adminToken = await accessTokenFor(
        strict,
        await createUser(strict.db, { role: 'admin' }),
      );
      const list = await strict.app.inject({
        url: `/api/files?connectionId=${connectionId}&bucket=uploads&prefix=`,
        headers: bearer(adminToken),
      });
      expect(list.statusCode).toBe(200);
      expect(new URL(localS3().endpoint).hostname).toBe('127.0.0.1');
    } finally {
      await strict.db.s3Connection.delete({ where: { id: connectionId } });
      await strict.close();
    }
  });
});
