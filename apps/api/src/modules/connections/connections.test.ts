// S3 connections against the real local S3 server: CRUD, write-only secrets (never in a response
// or a log line), precise connection tests, SSRF refusals, admin-only access, key rotation.
import { Writable } from 'node:stream';
import {
  ConnectionList,
  ConnectionTestResult,
  ConnectionView,
  ProblemSchema,
} from '@s3am/contracts';
import { loggerOptions } from '../../app.js';
import { newMasterKeySpec, parseKeyring, seal } from '../../lib/crypto-envelope.js';
import {
  TEST_KEYRING,
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  localS3,
  type TestContext,
} from '../../../test/test-app.js';
import { rotateConnectionSecrets } from './connections.service.js';

let ctx: TestContext;
let token: string;
const logLines: string[] = [];
const s3 = localS3();

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  ctx = await createTestApp({
    logger: { ...(loggerOptions('debug') as object), stream },
    env: { ENDPOINT_ALLOW_LOOPBACK: 'true' },
  });
  token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
});
afterAll(() => ctx.close());

let counter = 0;
function localInput(overrides: Record<string, unknown> = {}) {
  return {
    name: `local-${Date.now()}-${++counter}`,
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    authMode: 'static_keys',
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    buckets: ['uploads'],
    ...overrides,
  };
}
const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  as = token,
) => ctx.app.inject({ method, url, headers: bearer(as), ...(payload ? { payload } : {}) });
async function create(overrides: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/connections', localInput(overrides));
  expect(response.statusCode).toBe(201);
  return ConnectionView.parse(response.json());
}
const test = async (id: string) =>
  ConnectionTestResult.parse((await call('POST', `/api/connections/${id}/test`)).json());

describe('connections', () => {
  it('stores the secret sealed and never returns it', async () => {
    const connection = await create();
    expect(connection).toMatchObject({
      authMode: 'static_keys',
      hasSecret: true,
      accessKeyIdHint: `••••${s3.accessKeyId.slice(-4)}`,
      buckets: ['uploads'],
    });
    const row = await ctx.db.s3Connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.secretCiphertext).not.toContain(s3.secretAccessKey);
    for (const response of [
      await call('GET', '/api/connections'),
      await call('GET', `/api/connections/${connection.id}`),
    ]) {
      expect(response.body).not.toContain(s3.secretAccessKey);
      expect(response.body).not.toContain(row.secretCiphertext);
    }
    expect(
      ConnectionList.parse((await call('GET', '/api/connections')).json()).items.map((c) => c.id),
    ).toContain(connection.id);
  });

  it('tests good credentials: the configured bucket answers', async () => {
    const result = await test((await create()).id);
    expect(result).toEqual({ ok: true, buckets: [{ name: 'uploads', ok: true }] });
  });

  it('names the problem for a wrong secret, an unknown key and an unreachable endpoint', async () => {
    expect(
      (await test((await create({ secretAccessKey: 'wrong-secret' })).id)).failure?.reason,
    ).toBe('signature_mismatch');
    expect(
      (await test((await create({ accessKeyId: 'nobody-knows-me' })).id)).failure?.reason,
    ).toBe('invalid_access_key');
    const unreachable = await test((await create({ endpoint: 'http://127.0.0.1:1' })).id);
    expect(unreachable.failure).toMatchObject({ reason: 'unreachable' });
    expect(unreachable.failure?.hints.length).toBeGreaterThan(0);
  });

  it('reports a configured bucket that does not exist', async () => {
    const result = await test((await create({ buckets: ['uploads', 'no-such-bucket-here'] })).id);
    expect(result.ok).toBe(false);
    expect(result.buckets).toEqual([
      { name: 'uploads', ok: true },
      { name: 'no-such-bucket-here', ok: false, reason: 'no_such_bucket' },
    ]);
  });

  it('keeps the stored secret when an update omits it, and demands one for a new key id', async () => {
    const connection = await create();
    const { secretAccessKey: _secret, ...withoutSecret } = localInput({
      name: connection.name,
      region: 'us-east-1',
    });
    const updated = await call('PUT', `/api/connections/${connection.id}`, withoutSecret);
    expect(updated.statusCode).toBe(200);
    expect((await test(connection.id)).ok).toBe(true);
    // Leaving the key id out keeps it too (it is only ever shown masked).
    const keepsKeyId = await call('PUT', `/api/connections/${connection.id}`, {
      ...withoutSecret,
      accessKeyId: null,
    });
    expect(keepsKeyId.statusCode).toBe(200);
    expect((await test(connection.id)).ok).toBe(true);
    const newKey = await call('PUT', `/api/connections/${connection.id}`, {
      ...withoutSecret,
      accessKeyId: 'another-key-id',
    });
    expect(ProblemSchema.parse(newKey.json()).code).toBe('CONNECTION_INVALID');
  });

  it('refuses metadata and link-local endpoints, and loopback unless allowed', async () => {
    const metadata = await call(
      'POST',
      '/api/connections',
      localInput({ endpoint: 'http://169.254.169.254' }),
    );
    expect(metadata.statusCode).toBe(400);
    expect(ProblemSchema.parse(metadata.json()).code).toBe('ENDPOINT_REFUSED');
    const strict = await createTestApp({ env: { ENDPOINT_ALLOW_LOOPBACK: 'false' } });
    try {
      const strictToken = await accessTokenFor(
        strict,
        await createUser(strict.db, { role: 'admin' }),
      );
      const loopback = await strict.app.inject({
        method: 'POST',
        url: '/api/connections',
        headers: bearer(strictToken),
        payload: localInput(),
      });
      expect(ProblemSchema.parse(loopback.json()).detail).toMatch(/loopback/);
    } finally {
      await strict.close();
    }
  });

  it('validates settings with clear errors', async () => {
    expect(
      ProblemSchema.parse(
        (
          await call(
            'POST',
            '/api/connections',
            localInput({ authMode: 'assume_role', roleArn: null }),
          )
        ).json(),
      ).code,
    ).toBe('CONNECTION_INVALID');
    const badBucket = ProblemSchema.parse(
      (await call('POST', '/api/connections', localInput({ buckets: ['Not_A_Bucket'] }))).json(),
    );
    expect(badBucket.code).toBe('VALIDATION');
    expect(badBucket.errors?.[0]?.path).toBe('body.buckets.0');
  });

  it('is for admins only', async () => {
    const uploader = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'uploader' }));
    const connection = await create();
    for (const [method, url] of [
      ['GET', '/api/connections'],
      ['POST', '/api/connections'],
      ['PUT', `/api/connections/${connection.id}`],
      ['DELETE', `/api/connections/${connection.id}`],
      ['POST', `/api/connections/${connection.id}/test`],
    ] as const) {
      expect((await call(method, url, localInput(), uploader)).statusCode).toBe(403);
    }
  });

  it('keeps connections working after the master key rotates', async () => {
    const connection = await create();
    const rotated = parseKeyring(`${newMasterKeySpec('next')},${newMasterKeySpec('unused')}`);
    const keyring = {
      current: rotated.current,
      byId: new Map([...rotated.byId, ...TEST_KEYRING.byId]),
    };
    expect((await rotateConnectionSecrets(ctx.db, keyring)).rotated).toBeGreaterThan(0);
    const row = await ctx.db.s3Connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(row.secretCiphertext?.split('.')[1]).toBe('next');
    const afterRotation = await createTestApp({
      keyring,
      env: { ENDPOINT_ALLOW_LOOPBACK: 'true' },
    });
    try {
      const adminToken = await accessTokenFor(
        afterRotation,
        await createUser(afterRotation.db, { role: 'admin' }),
      );
      const result = await afterRotation.app.inject({
        method: 'POST',
        url: `/api/connections/${connection.id}/test`,
        headers: bearer(adminToken),
      });
      expect(ConnectionTestResult.parse(result.json()).ok).toBe(true);
    } finally {
      await afterRotation.close();
    }
    expect(await rotateConnectionSecrets(ctx.db, keyring)).toEqual({ rotated: 0, unreadable: [] });
  });

  it('reports secrets no key opens instead of failing the whole rotation', async () => {
    const stranger = parseKeyring(newMasterKeySpec('stranger'));
    const orphan = await ctx.db.s3Connection.create({
      data: {
        name: `orphan-${Date.now()}`,
        authMode: 'static_keys',
        accessKeyId: 'x',
        secretCiphertext: seal(stranger, 'lost', 'other-purpose'),
      },
    });
    const result = await rotateConnectionSecrets(ctx.db, TEST_KEYRING);
    expect(result.unreadable).toContain(orphan.name);
    await ctx.db.s3Connection.delete({ where: { id: orphan.id } });
  });

  it('never writes a secret into the log', () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('')).not.toContain(s3.secretAccessKey);
  });
});
