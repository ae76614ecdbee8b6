import { createHash } from 'node:crypto';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSource } from './node-file-source.js';
import { NodeHttpPartSender } from './node-http-part-sender.js';
import { sendParts } from './part-scheduler.js';
import { planParts } from './part-plan.js';
import { TransferProgress } from './progress.js';
import { DEFAULT_BACKOFF } from './retry.js';
import { EtagNotExposedError, HttpError, NetworkError } from './upload-errors.js';

type Handler = (request: http.IncomingMessage, body: Buffer, response: http.ServerResponse) => void;

let server: http.Server;
let base: string;
let handler: Handler;
let dir: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, Buffer.concat(chunks), response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 's3am-sender-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

describe('NodeHttpPartSender', () => {
  it('PUTs the exact bytes with the signed headers and a length, and returns the ETag', async () => {
    const seen: { headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
    handler = (request, body, response) => {
      seen.push({ headers: request.headers, body });
      response.writeHead(200, { etag: `"${md5(body)}"` }).end();
    };
    const sender = new NodeHttpPartSender();
    const buffer = new Uint8Array(3 * 1024 * 1024 + 5).map((_, i) => i % 253);
    const view = buffer.subarray(7, buffer.length - 3);
    const progress: number[] = [];
    const { etag } = await sender.send({
      url: `${base}/bucket/key?partNumber=1`,
      headers: { 'x-amz-server-side-encryption': 'AES256' },
      body: view,
      onProgress: (loaded) => progress.push(loaded),
    });
    sender.close();
    expect(etag).toBe(`"${md5(view)}"`);
    expect(seen[0]!.body.equals(Buffer.from(view))).toBe(true);
    expect(seen[0]!.headers).toMatchObject({
      'content-length': String(view.byteLength),
      'x-amz-server-side-encryption': 'AES256',
    });
    expect(progress.at(-1)).toBe(view.byteLength);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("keeps S3's status, error body and Retry-After; a missing ETag is the CORS error", async () => {
    const sender = new NodeHttpPartSender();
    handler = (_request, _body, response) =>
      response.writeHead(503, { 'retry-after': '7' }).end('<Error><Code>SlowDown</Code></Error>');
    const failed = sender.send({ url: `${base}/x`, headers: {}, body: new Uint8Array(10) });
    await expect(failed).rejects.toBeInstanceOf(HttpError);
    await expect(failed).rejects.toMatchObject({
      status: 503,
      body: '<Error><Code>SlowDown</Code></Error>',
      retryAfterMs: 7000,
    });
    handler = (_request, _body, response) => response.writeHead(200).end();
    await expect(
      sender.send({ url: `${base}/x`, headers: {}, body: new Uint8Array(1) }),
    ).rejects.toBeInstanceOf(EtagNotExposedError);
    sender.close();
  });

  it('turns a dropped connection into a NetworkError (retried), and an abort into an AbortError', async () => {
    const sender = new NodeHttpPartSender();
    handler = (request) => request.socket.destroy();
    await expect(
      sender.send({ url: `${base}/x`, headers: {}, body: new Uint8Array(10) }),
    ).rejects.toBeInstanceOf(NetworkError);
    const controller = new AbortController();
    handler = () => controller.abort(); // never answers; the abort ends it
    await expect(
      sender.send({
        url: `${base}/x`,
        headers: {},
        body: new Uint8Array(10),
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    sender.close();
  });

  it('sends parts of a file on disk from one reused buffer per part in flight', async () => {
    const path = join(dir, 'file.bin');
    const bytes = Buffer.from(Array.from({ length: 95 }, (_, index) => (index * 7) % 256));
    await writeFile(path, bytes);
    const file = await NodeFileSource.open(path);
    const received = new Map<number, Buffer>();
    handler = (request, body, response) => {
      received.set(Number(new URL(request.url!, base).searchParams.get('partNumber')), body);
      response.writeHead(200, { etag: `"${md5(body)}"` }).end();
    };
    const sender = new NodeHttpPartSender();
    const buffers = new Set<ArrayBufferLike>();
    const plan = planParts({ mode: 'multipart', size: 95, partSize: 10, partCount: 10 });
    await sendParts({
      parts: plan,
      file,
      sender: {
        send: (request) => {
          if (request.body instanceof Uint8Array) buffers.add(request.body.buffer);
          return sender.send(request);
        },
      },
      sign: async (partNumbers) => ({
        urls: partNumbers.map((n) => ({ partNumber: n, url: `${base}/b/k?partNumber=${n}` })),
        headers: {},
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
      progress: new TransferProgress(95),
      concurrency: 2,
      signBatchSize: 10,
      backoff: DEFAULT_BACKOFF,
      maxResigns: 3,
      signal: new AbortController().signal,
      onPartDone: () => undefined,
    });
    sender.close();
    expect(buffers.size).toBe(2); // 10 parts, 2 workers, 2 buffers
    expect(Buffer.concat(plan.map((part) => received.get(part.partNumber)!)).equals(bytes)).toBe(
      true,
    );
  });
});
