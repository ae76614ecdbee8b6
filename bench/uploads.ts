// Benchmark: 1 GiB from disk to the local S3 server through our engine (@s3am/uploader, the API
// signing part URLs) beside @aws-sdk/lib-storage's Upload with the same part size and
// concurrency, in the same run; the bytes the API received meanwhile (a counting proxy sits in
// front of it: object bytes must never pass through it); and the time to sign 1,000 part URLs
// (10 calls of 100); and the signing calls of a 10-part upload from a client whose clock runs 2 h
// ahead (clockSkewSigningCalls: 1 when freshness is judged by the server's clock). The engine
// sends with NodeHttpPartSender (node:http, no body copies). Starts the real stack (`pnpm
// start`'s server on an embedded PostgreSQL).
// Prints one JSON document. Run: pnpm bench uploads
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
// The API's signer itself, measured in process (the API is an app, not a package: path import).
import { createPartSigner } from '../apps/api/src/modules/uploads/part-signer.js';
import { KEYS, signIn, startStack } from './support/stack.js';
import { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { GiB, MiB, TiB } from '@s3am/contracts';
import {
  NodeFileSource,
  NodeHttpPartSender,
  UploadTask,
  createFetchUploadApi,
} from '@s3am/uploader/node';

const SIZE = Number(process.env.BENCH_UPLOAD_BYTES ?? GiB);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

/** A file of SIZE bytes, written in 16 MiB blocks that all differ. */
async function writeTestFile(file: string): Promise<void> {
  const handle = await open(file, 'w');
  const block = Buffer.alloc(16 * MiB);
  for (let offset = 0; offset < SIZE; offset += block.length) {
    createHash('sha512').update(String(offset)).digest().copy(block);
    await handle.write(block, 0, Math.min(block.length, SIZE - offset));
  }
  await handle.close();
}

/** A TCP proxy in front of the API that counts the bytes clients send to it. */
function countingProxy(
  target: URL,
): Promise<{ url: string; received: () => number; close: () => void }> {
  let received = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    client.on('data', (chunk: Buffer) => (received += chunk.length));
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        received: () => received,
        close: () => server.close(),
      });
    }),
  );
}

/**
 * Signing calls for a 10-part upload from a client whose clock runs 2 h ahead of the server's:
 * URL freshness is judged by the server's clock (its Date header), so 1 call signs all 10.
 */
async function clockSkewSigningCalls(
  app: string,
  auth: Record<string, string>,
  connectionId: string,
  dataDir: string,
): Promise<{ calls: number; parts: number }> {
  const skewed = () => Date.now() + 2 * 3_600_000;
  const api = createFetchUploadApi({ baseUrl: app, getAuthHeaders: () => auth, now: skewed });
  let calls = 0;
  const signParts = api.signParts.bind(api);
  api.signParts = (...args) => {
    calls++;
    return signParts(...args);
  };
  const sender = new NodeHttpPartSender();
  const file = path.join(dataDir, 'ten-parts.bin');
  await writeFile(file, Buffer.alloc(10 * 8 * MiB - 1, 7));
  const task = new UploadTask({
    api,
    sender,
    file: await NodeFileSource.open(file),
    destination: { connectionId, bucket: 'uploads', key: `bench/skew-${Date.now()}.bin` },
    now: skewed,
  });
  const outcome = await task.start();
  sender.close();
  if (outcome.state !== 'completed') throw new Error(`skewed upload ${outcome.state}`);
  return { calls, parts: outcome.upload.partCount };
}

/**
 * Part URLs per second signed by the API's own signer (apps/api part-signer.ts) in this process,
 * over a kept client, as the API signs them: 20 rounds of 1,000 after a warm-up.
 */
async function inProcessSigningRate(endpoint: string): Promise<number> {
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: KEYS,
  });
  const connection = {
    endpoint,
    publicEndpoint: null,
    region: 'us-east-1',
    forcePathStyle: true,
  } as unknown as Parameters<typeof createPartSigner>[0];
  const requests = Array.from({ length: 1000 }, (_, i) => ({
    method: 'PUT' as const,
    bucket: 'uploads',
    key: 'bench/in-process.bin',
    query: { partNumber: String(i + 1), uploadId: 'upload-id' },
  }));
  const signer = createPartSigner(connection, client);
  await signer.presign(requests, 3600, new Date());
  const started = performance.now();
  for (let round = 0; round < 20; round++) await signer.presign(requests, 3600, new Date());
  const seconds = (performance.now() - started) / 1000;
  client.destroy();
  return Math.round(20_000 / seconds);
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 's3am-bench-'));
  await chmod(dataDir, 0o755);
  const file = path.join(dataDir, 'one-gib.bin');
  await writeTestFile(file);
  const stack = await startStack(dataDir);
  try {
    const { app, s3 } = stack;
    const { auth, connectionId } = await signIn(app);

    // 1. Our engine, through the counting proxy.
    const proxy = await countingProxy(new URL(app));
    const sender = new NodeHttpPartSender();
    const task = new UploadTask({
      api: createFetchUploadApi({ baseUrl: proxy.url, getAuthHeaders: () => auth }),
      sender,
      file: await NodeFileSource.open(file),
      destination: { connectionId, bucket: 'uploads', key: `bench/engine-${Date.now()}.bin` },
      concurrency: CONCURRENCY,
    });
    let started = performance.now();
    const outcome = await task.start();
    const engineSeconds = (performance.now() - started) / 1000;
    sender.close();
    proxy.close();
    if (outcome.state !== 'completed') throw new Error(`engine upload ${outcome.state}`);
    const partSize = outcome.upload.partSize;

    // 2. lib-storage, straight to S3 with the same part size and concurrency.
    const client = new S3Client({
      endpoint: s3,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: KEYS,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    started = performance.now();
    await new Upload({
      client,
      params: {
        Bucket: 'uploads',
        Key: `bench/lib-storage-${Date.now()}.bin`,
        Body: createReadStream(file),
      },
      partSize,
      queueSize: CONCURRENCY,
    }).done();
    const libStorageSeconds = (performance.now() - started) / 1000;

    // 3. Signing 1,000 part URLs: a 1 TiB upload has 1,000 parts; 10 calls of 100.
    const big = (await (
      await fetch(`${app}/api/uploads`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ connectionId, bucket: 'uploads', key: 'bench/sign.bin', size: TiB }),
      })
    ).json()) as { id: string; partCount: number };
    const signRound = async (): Promise<number> => {
      const roundStarted = performance.now();
      for (let first = 1; first <= 1000; first += 100) {
        const response = await fetch(`${app}/api/uploads/${big.id}/parts`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ partNumbers: Array.from({ length: 100 }, (_, i) => first + i) }),
        });
        if (!response.ok) throw new Error(`signing failed: ${response.status}`);
        await response.arrayBuffer();
      }
      return performance.now() - roundStarted;
    };
    // The first round is reported as is (a just-started API); the goal is judged on the median
    // of five rounds after two more warm-up rounds, as an API serving uploads runs warm.
    const firstRoundMs = await signRound();
    for (let round = 0; round < 2; round++) await signRound();
    const rounds: number[] = [];
    for (let round = 0; round < 5; round++) rounds.push(await signRound());
    const signMs = rounds.sort((a, b) => a - b)[2]!;
    await fetch(`${app}/api/uploads/${big.id}`, { method: 'DELETE', headers: auth });
    const urlsPerSecond = await inProcessSigningRate(s3);
    const skew = await clockSkewSigningCalls(app, auth, connectionId, dataDir);

    const mbps = (seconds: number) => Math.round((SIZE / MiB / seconds) * 10) / 10;
    process.stdout.write(
      `${JSON.stringify(
        {
          benchmark: 'uploads',
          bytes: SIZE,
          partSize,
          concurrency: CONCURRENCY,
          engineMiBps: mbps(engineSeconds),
          libStorageMiBps: mbps(libStorageSeconds),
          engineToLibStorageRatio: Math.round((libStorageSeconds / engineSeconds) * 100) / 100,
          apiBytesReceivedDuringEngineUpload: proxy.received(),
          sign1000PartUrlsMs: Math.round(signMs),
          sign1000PartUrlsFirstRoundMs: Math.round(firstRoundMs),
          sign1000PartUrlsCalls: 10,
          inProcessPartUrlsPerSecond: urlsPerSecond,
          partCountOf1TiB: big.partCount,
          clockSkewSigningCalls: skew.calls,
          clockSkewParts: skew.parts,
          clockSkewClientAheadHours: 2,
          node: process.version,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
