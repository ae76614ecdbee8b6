// Benchmark: 512 MiB as 16 MiB parts, 4 in flight, through presigned PUT URLs (fetch, as a
// browser sends them) to the local S3 server — parts phase and Complete measured separately —
// beside the same traffic to a bare Node HTTP sink that only MD5s and writes to disk (this
// machine's ceiling for the pattern). Prints one JSON document. Run: pnpm bench s3-local
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const MiB = 1024 * 1024;
const TOTAL = 512 * MiB;
const PART_SIZE = 16 * MiB;
const IN_FLIGHT = 4;
const PARTS = TOTAL / PART_SIZE;
const KEYS = { accessKeyId: 'bench', secretAccessKey: 'bench-secret' };
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One random 16 MiB buffer; each part differs in its first bytes so every MD5 differs. */
const template = Buffer.alloc(PART_SIZE);
for (let offset = 0; offset < PART_SIZE; offset += 65536)
  createHash('sha512').update(String(offset)).digest().copy(template, offset);
function partBody(partNumber: number): Uint8Array<ArrayBuffer> {
  const body = Buffer.from(template);
  body.writeUInt32BE(partNumber, 0);
  return body;
}

async function inParallel(
  count: number,
  limit: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited early (${code}): ${output}`)));
  });
}

async function benchLocalS3(directory: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts'], {
    cwd: path.join(repoRoot, 'packages/local-s3'),
    env: {
      ...process.env,
      LOCAL_S3_PORT: '0',
      LOCAL_S3_DIR: directory,
      LOCAL_S3_ACCESS_KEY_ID: KEYS.accessKeyId,
      LOCAL_S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const endpoint = await waitForLine(child, /^Local S3 endpoint: (http:\/\/\S+)$/m);
    const s3 = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: KEYS,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const key = 'bench/512mib.bin';
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: 'uploads', Key: key }),
    );
    const etags: string[] = [];
    const partsStart = performance.now();
    await inParallel(PARTS, IN_FLIGHT, async (index) => {
      const url = await getSignedUrl(
        s3,
        new UploadPartCommand({ Bucket: 'uploads', Key: key, UploadId, PartNumber: index + 1 }),
        { expiresIn: 600 },
      );
      const response = await fetch(url, { method: 'PUT', body: partBody(index + 1) });
      if (!response.ok) throw new Error(`part ${index + 1}: HTTP ${response.status}`);
      etags[index] = response.headers.get('etag')!;
    });
    const partsSeconds = (performance.now() - partsStart) / 1000;
    const completeStart = performance.now();
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'uploads',
        Key: key,
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    const completeSeconds = (performance.now() - completeStart) / 1000;
    s3.destroy();
    return {
      partsMiBps: round(TOTAL / MiB / partsSeconds),
      completeSeconds: round(completeSeconds),
      endToEndMiBps: round(TOTAL / MiB / (partsSeconds + completeSeconds)),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

/** The ceiling: a server that only MD5s each body and writes it to disk. */
async function benchSink(directory: string) {
  const server = http.createServer((request, response) => {
    const hash = createHash('md5');
    request.on('data', (chunk: Buffer) => hash.update(chunk));
    pipeline(request, createWriteStream(path.join(directory, `part-${request.url?.slice(1)}`)))
      .then(() => {
        response.writeHead(200, { etag: `"${hash.digest('hex')}"` }).end();
      })
      .catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    const start = performance.now();
    await inParallel(PARTS, IN_FLIGHT, async (index) => {
      const response = await fetch(`http://127.0.0.1:${port}/${index + 1}`, {
        method: 'PUT',
        body: partBody(index + 1),
      });
      if (!response.ok) throw new Error(`sink part ${index + 1}: HTTP ${response.status}`);
    });
    return { partsMiBps: round(TOTAL / MiB / ((performance.now() - start) / 1000)) };
  } finally {
    server.close();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

const work = await mkdtemp(path.join(os.tmpdir(), 's3am-bench-'));
try {
  const localS3 = await benchLocalS3(path.join(work, 's3'));
  const sink = await benchSink(work);
  process.stdout.write(
    `${JSON.stringify(
      {
        benchmark: 's3-local',
        workload: {
          totalMiB: TOTAL / MiB,
          partMiB: PART_SIZE / MiB,
          inFlight: IN_FLIGHT,
          transport: 'presigned PUT via fetch',
        },
        localS3,
        md5DiskSink: sink,
        node: process.version,
        cpus: os.cpus().length,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
