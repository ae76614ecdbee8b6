// Server-side copy between two connections on one endpoint: the bytes never pass through the worker
// (CopyObject / UploadPartCopy), and when the server denies the copy (the destination identity may
// not read the source) the job falls back to streaming and still writes every object exactly once.
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MigrationView } from '@s3am/contracts';
import {
  createConnectionTo,
  describeObject,
  finished,
  listAll,
  seed,
  startEngine,
  waitForMigration,
} from '../../../test/migrations-kit.js';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  localS3,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';

/** Requests one proxy forwarded, by what they do to objects under a prefix. */
interface Traffic {
  copies: number;
  deniedCopies: number;
  objectGets: number;
  /** Successful PutObject / CompleteMultipartUpload per key. */
  writes: Map<string, number>;
}

/**
 * A real HTTP proxy in front of the local S3 server: both connections of a test point at it (one
 * endpoint), it counts the traffic, and with `denyCopies` answers copies as S3 does when the
 * identity may not read the copy source.
 */
async function trafficProxy(target: string, prefix: string, denyCopies: boolean) {
  const upstream = new URL(target);
  const traffic: Traffic = { copies: 0, deniedCopies: 0, objectGets: 0, writes: new Map() };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', target);
    const [, , ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const ours = key.startsWith(prefix);
    const isCopy = request.headers['x-amz-copy-source'] !== undefined;
    if (ours && isCopy && denyCopies) {
      traffic.deniedCopies += 1;
      request.resume();
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      );
      return;
    }
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (answer) => {
        const ok = (answer.statusCode ?? 500) < 300;
        if (ours && ok && isCopy) traffic.copies += 1;
        if (ours && ok && request.method === 'GET' && !url.searchParams.has('tagging'))
          traffic.objectGets += 1;
        const isPut =
          request.method === 'PUT' &&
          !isCopy &&
          !url.searchParams.has('partNumber') &&
          !url.searchParams.has('tagging');
        const isComplete = request.method === 'POST' && url.searchParams.has('uploadId');
        if (ours && ok && (isPut || isComplete))
          traffic.writes.set(key, (traffic.writes.get(key) ?? 0) + 1);
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    traffic,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}

let ctx: TestContext;
let token: string;
let engine: { stop(): Promise<void> };
const source = localS3Client();

beforeAll(async () => {
  ctx = await createTestApp();
  token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
  engine = await startEngine(ctx);
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  await ctx?.close();
  source.destroy();
});

const SMALL = 30;

/** Seeds a tree (small objects and one above the 5 MiB multipart threshold) and copies it. */
async function copyThroughProxy(denyCopies: boolean) {
  const srcPrefix = `same-ep-${randomUUID()}/`;
  const dstPrefix = `same-ep-${randomUUID()}/`;
  await seed(source, 'uploads', [
    ...Array.from({ length: SMALL }, (_, i) => ({
      key: `${srcPrefix}dir ${i % 3}/obj+${i}.bin`,
      body: randomBytes(100 + i * 37),
      metadata: { origin: `n${i}` },
      tags: { lane: `l${i % 2}` },
    })),
    {
      key: `${srcPrefix}big.bin`,
      body: randomBytes(6 * 1024 * 1024 + 123),
      metadata: { origin: 'big' },
      tags: { size: 'large', project: 'apollo' },
    },
  ]);
  const proxy = await trafficProxy(localS3().endpoint, dstPrefix, denyCopies);
  try {
    // Two connections (two identities as far as the engine knows) on one endpoint.
    const sourceConnection = await createConnectionTo(ctx.db, {
      ...localS3(),
      endpoint: proxy.endpoint,
    });
    const destConnection = await createConnectionTo(ctx.db, {
      ...localS3(),
      endpoint: proxy.endpoint,
    });
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/migrations',
      headers: bearer(token),
      payload: {
        source: { connectionId: sourceConnection, bucket: 'uploads', prefix: srcPrefix },
        destination: { connectionId: destConnection, bucket: 'uploads', prefix: dstPrefix },
        options: { concurrency: 8 },
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<MigrationView>().id;
    const view = await waitForMigration(ctx, token, id, finished, 120_000);
    expect(view.state).toBe('completed');
    expect(view.counts.copied.objects).toBe(SMALL + 1);
    const want = (await listAll(source, 'uploads', srcPrefix)).map((o) => [o.key, o.size]);
    const got = (await listAll(source, 'uploads', dstPrefix)).map((o) => [o.key, o.size]);
    expect(got).toEqual(want);
    // Server-side copies keep metadata and tags (CopyObject's directives, and the multipart copy's
    // CreateMultipartUpload), as streamed ones do.
    for (const key of ['dir 0/obj+0.bin', 'dir 1/obj+1.bin', 'big.bin']) {
      const original = await describeObject(source, 'uploads', srcPrefix + key);
      expect(Object.keys(original.tags).length).toBeGreaterThan(0);
      expect(await describeObject(source, 'uploads', dstPrefix + key)).toEqual(original);
    }
    const job = await ctx.db.migrationJob.findUniqueOrThrow({ where: { id } });
    const log = await ctx.db.migrationLog.findMany({ where: { jobId: id } });
    return { traffic: proxy.traffic, copyMode: job.copyMode, log: log.map((l) => l.message) };
  } finally {
    await proxy.close();
  }
}

it('copies server-side between two connections on the same endpoint', async () => {
  const { traffic, copyMode } = await copyThroughProxy(false);
  expect(copyMode).toBe('server_side');
  // SMALL CopyObject + the parts of the big object (UploadPartCopy), no bytes read by the worker.
  expect(traffic.copies).toBeGreaterThanOrEqual(SMALL + 2);
  expect(traffic.objectGets).toBe(0);
  expect(traffic.writes.size).toBe(1); // only the big object's CompleteMultipartUpload
}, 180_000);

it('falls back to streaming when the server denies the copy, writing each object once', async () => {
  const { traffic, copyMode, log } = await copyThroughProxy(true);
  expect(traffic.deniedCopies).toBeGreaterThan(0);
  expect(traffic.copies).toBe(0);
  expect(copyMode).toBe('stream');
  expect(log.some((line) => line.startsWith('Server-side copy was denied'))).toBe(true);
  expect(traffic.writes.size).toBe(SMALL + 1);
  expect([...traffic.writes.values()].every((n) => n === 1)).toBe(true);
}, 180_000);
