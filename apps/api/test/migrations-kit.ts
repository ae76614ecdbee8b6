// Fixtures for migration tests: a second local S3 server process (the "other account"), a proxy
// in front of it that counts the writes each key receives, connections to either server, seeding
// helpers, the migration engine on this worker's database, and polling of a job's state.
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { MigrationView } from '@s3am/contracts';
import Fastify from 'fastify';
import type { Db } from '../src/db/prisma.js';
import { seal } from '../src/lib/crypto-envelope.js';
import { startJobQueue } from '../src/jobs/job-queue.js';
import { startMigrationJobs } from '../src/jobs/migration-run.job.js';
import { CONNECTION_SECRET_AAD, s3NetworkFrom } from '../src/modules/connections/s3-client.js';
import type { EngineSettings } from '../src/modules/migrations/migration-engine.js';
import {
  REPO_ROOT,
  TEST_KEYRING,
  bearer,
  databaseUrl,
  testTmpDir,
  type TestContext,
} from './test-app.js';

export interface S3Endpoint {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

/** Another local S3 server process with keys of its own (the second account). */
export function startSecondS3(): Promise<S3Endpoint> {
  const accessKeyId = 's3am-acct2';
  const secretAccessKey = `acct2-${randomUUID()}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts'], {
    cwd: path.join(REPO_ROOT, 'packages/local-s3'),
    env: {
      ...process.env,
      LOCAL_S3_PORT: '0',
      LOCAL_S3_DIR: path.join(testTmpDir(), `s3-second-${randomUUID()}`),
      LOCAL_S3_ACCESS_KEY_ID: accessKeyId,
      LOCAL_S3_SECRET_ACCESS_KEY: secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Local S3 endpoint: (http:\/\/\S+)$/m.exec(output);
      if (match?.[1]) resolve({ endpoint: match[1], accessKeyId, secretAccessKey, stop });
    });
    child.once('exit', (code) => reject(new Error(`second S3 server exited (${code}): ${output}`)));
  });
}

/** What a write request stored: PutObject/CopyObject (PUT without partNumber) or a Complete. */
function writtenKey(method: string, url: URL): string | null {
  const isPut =
    method === 'PUT' && !url.searchParams.has('partNumber') && !url.searchParams.has('tagging');
  const isComplete = method === 'POST' && url.searchParams.has('uploadId');
  if (!isPut && !isComplete) return null;
  // Path style: /bucket/key...
  const [, , ...key] = url.pathname.split('/');
  return decodeURIComponent(key.join('/'));
}

export interface CountingProxy {
  endpoint: string;
  /** Successful writes per destination key (bucket-relative). */
  writes: Map<string, number>;
  close(): Promise<void>;
}

/**
 * An HTTP proxy that forwards everything to `target` and counts the successful writes per key. It
 * lives in the test process, so it keeps counting while worker processes are killed and restarted.
 */
export async function countingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const writes = new Map<string, number>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', target);
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
        const key = writtenKey(request.method ?? '', url);
        if (key !== null && (answer.statusCode ?? 500) < 300)
          writes.set(key, (writes.get(key) ?? 0) + 1);
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
    writes,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}

export async function createConnectionTo(
  db: Db,
  s3: { endpoint: string; accessKeyId: string; secretAccessKey: string },
): Promise<string> {
  const row = await db.s3Connection.create({
    data: {
      name: `mig-${randomUUID()}`,
      endpoint: s3.endpoint,
      forcePathStyle: true,
      authMode: 'static_keys',
      accessKeyId: s3.accessKeyId,
      secretCiphertext: seal(TEST_KEYRING, s3.secretAccessKey, CONNECTION_SECRET_AAD),
      buckets: ['uploads'],
    },
  });
  return row.id;
}

export function clientFor(s3: {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
}): S3Client {
  return new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export interface SeedObject {
  key: string;
  body: Buffer;
  metadata?: Record<string, string>;
  contentType?: string;
  tags?: Record<string, string>;
}

export async function seed(
  client: S3Client,
  bucket: string,
  objects: SeedObject[],
  concurrency = 16,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < objects.length) {
        const object = objects[next++]!;
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: object.key,
            Body: object.body,
            ...(object.metadata ? { Metadata: object.metadata } : {}),
            ...(object.contentType ? { ContentType: object.contentType } : {}),
            ...(object.tags ? { Tagging: new URLSearchParams(object.tags).toString() } : {}),
          }),
        );
      }
    }),
  );
}

export async function listAll(client: S3Client, bucket: string, prefix: string) {
  const found: { key: string; size: number; etag: string }[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const object of page.Contents ?? [])
      found.push({
        key: object.Key!.slice(prefix.length),
        size: object.Size ?? 0,
        etag: object.ETag ?? '',
      });
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return found;
}

/** What the test compares between source and destination: contents' SHA-256, metadata, tags. */
export async function describeObject(client: S3Client, bucket: string, key: string) {
  const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const bytes = Buffer.from(await object.Body!.transformToByteArray());
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  const tags = await client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
  return {
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentType: head.ContentType,
    metadata: head.Metadata ?? {},
    tags: Object.fromEntries((tags.TagSet ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
  };
}

export async function openUploads(
  client: S3Client,
  bucket: string,
  prefix: string,
): Promise<number> {
  const answer = await client.send(
    new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix }),
  );
  return (answer.Uploads ?? []).length;
}

export const TEST_ENGINE_SETTINGS: EngineSettings = {
  leaseSeconds: 3,
  partSize: 5 * 1024 * 1024,
  multipartThreshold: 5 * 1024 * 1024,
  maxAttempts: 3,
};

/** The migration engine (pg-boss + dispatcher) in this test process, on this worker's database. */
export async function startEngine(
  ctx: TestContext,
  settings: EngineSettings = TEST_ENGINE_SETTINGS,
  { dispatchEveryMs }: { dispatchEveryMs?: number } = {},
) {
  const queue = await startJobQueue(databaseUrl(), () => undefined);
  const network = s3NetworkFrom(ctx.config);
  const engine = await startMigrationJobs(
    queue,
    {
      db: ctx.db,
      keyring: TEST_KEYRING,
      s3Network: network,
      log: Fastify({ logger: false }).log,
      settings,
    },
    { databaseUrl: databaseUrl(), ...(dispatchEveryMs ? { dispatchEveryMs } : {}) },
  );
  return {
    stop: async () => {
      await engine.stop();
      await queue.stop();
      network.clients.close();
    },
  };
}

/** Polls GET /api/migrations/:id until `done(view)` (or fails after `timeoutMs`). */
export async function waitForMigration(
  ctx: TestContext,
  token: string,
  id: string,
  done: (view: MigrationView) => boolean,
  timeoutMs = 60_000,
): Promise<MigrationView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/migrations/${id}`,
      headers: bearer(token),
    });
    const view = response.json<MigrationView>();
    if (done(view)) return view;
    if (Date.now() > deadline)
      throw new Error(`migration ${id} did not get there: ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const finished = (view: MigrationView) =>
  ['completed', 'failed', 'cancelled'].includes(view.state);
