// Pieces for tests that drive the upload engine (@s3am/uploader) against the real API over HTTP:
// files on disk, an engine task with a bearer token, SHA-256 of what S3 stored, and a local S3
// server process of a test's own (to stop and start again without disturbing other test files).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  FetchPartSender,
  NodeFileSource,
  UploadTask,
  createFetchUploadApi,
  type ResumeStore,
  type UploadTaskOptions,
} from '@s3am/uploader/node';
import { seal } from '../src/lib/crypto-envelope.js';
import type { Db } from '../src/db/prisma.js';
import { CONNECTION_SECRET_AAD } from '../src/modules/connections/s3-client.js';
import { REPO_ROOT, TEST_KEYRING, localS3 } from './test-app.js';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/** Random bytes written to `dir/name`; returns the path and the bytes. */
export async function writeRandomFile(
  dir: string,
  name: string,
  size: number,
): Promise<{ file: string; bytes: Buffer }> {
  const bytes = randomBytes(size);
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return { file, bytes };
}

/** SHA-256 of the object S3 stored at `key` (null when there is none). */
export async function storedSha256(
  client: S3Client,
  key: string,
  bucket = 'uploads',
): Promise<string | null> {
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return sha256(await object.Body!.transformToByteArray());
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return null;
    throw error;
  }
}

export interface EngineTaskOptions extends Partial<
  Omit<UploadTaskOptions, 'api' | 'sender' | 'file' | 'destination'>
> {
  baseUrl: string;
  token: string;
  file: string;
  connectionId: string;
  key: string;
  store?: ResumeStore;
}

/** The engine as the CLI runs it: a file on disk, the fetch sender, the API at `baseUrl`. */
export async function engineTask(options: EngineTaskOptions): Promise<UploadTask> {
  const { baseUrl, token, file, connectionId, key, ...rest } = options;
  return new UploadTask({
    api: createFetchUploadApi({
      baseUrl,
      getAuthHeaders: () => ({ authorization: `Bearer ${token}` }),
    }),
    sender: new FetchPartSender(),
    file: await NodeFileSource.open(file),
    destination: { connectionId, bucket: 'uploads', key },
    concurrency: 2,
    ...rest,
  });
}

/** Runs `task` and pauses it once `parts` parts went up in this run; resolves when paused. */
export async function pauseAfterParts(task: UploadTask, parts: number): Promise<void> {
  let sent = 0;
  const off = task.on('part', ({ fromServer }) => {
    if (!fromServer && ++sent === parts) void task.pause();
  });
  const outcome = await task.start();
  off();
  if (outcome.state !== 'paused') throw new Error(`expected a paused upload, got ${outcome.state}`);
}

/** A connection row to an S3 endpoint with the local S3 server's keys (sealed like the API does). */
export async function createConnectionTo(db: Db, endpoint: string): Promise<string> {
  const s3 = localS3();
  const row = await db.s3Connection.create({
    data: {
      name: `own-s3-${randomUUID()}`,
      endpoint,
      forcePathStyle: true,
      authMode: 'static_keys',
      accessKeyId: s3.accessKeyId,
      secretCiphertext: seal(TEST_KEYRING, s3.secretAccessKey, CONNECTION_SECRET_AAD),
      buckets: ['uploads'],
    },
  });
  return row.id;
}

export interface OwnLocalS3 {
  endpoint: string;
  port: number;
  process: ChildProcess;
  client(): S3Client;
}

/** `pnpm s3:local`'s entry point on `port` (0: any) over `directory`, with the test keys. */
export function startOwnLocalS3(directory: string, port = 0): Promise<OwnLocalS3> {
  const s3 = localS3();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts'], {
    cwd: path.join(REPO_ROOT, 'packages/local-s3'),
    env: {
      ...process.env,
      LOCAL_S3_PORT: String(port),
      LOCAL_S3_DIR: directory,
      LOCAL_S3_ACCESS_KEY_ID: s3.accessKeyId,
      LOCAL_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Local S3 endpoint: (http:\/\/\S+)$/m.exec(output);
      if (!match?.[1]) return;
      const endpoint = match[1];
      resolve({
        endpoint,
        port: Number(new URL(endpoint).port),
        process: child,
        client: () =>
          new S3Client({
            endpoint,
            region: 'us-east-1',
            forcePathStyle: true,
            credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
          }),
      });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`local S3 exited (${code}): ${output}`)));
  });
}

/** SIGKILL and wait for the exit. */
export async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Resolves at `deadline` (ms since epoch): makes an outage last a set time, never used to wait for an event. */
export function until(deadline: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())));
}
