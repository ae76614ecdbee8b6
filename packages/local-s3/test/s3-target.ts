// Where the conformance suite runs: a local server it starts itself (default), or any S3
// endpoint named by S3_CONFORMANCE_ENDPOINT (+ keys, bucket, region) — MinIO, SeaweedFS, AWS.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';

export const APP_ORIGIN = 'http://localhost:3000';
const PACKAGE_DIR = path.resolve(__dirname, '..');

export interface S3Target {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** True when this suite started the server and may kill and restart it. */
  local: boolean;
  client(secretAccessKey?: string): S3Client;
  close(): Promise<void>;
}

export function s3Client(
  endpoint: string,
  region: string,
  accessKeyId: string,
  secretAccessKey: string,
): S3Client {
  return new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    // Local servers do not speak aws-chunked CRC32 trailers (TOOLCHAIN.md).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });
}

/** A local server as a real child process (`pnpm s3:local`'s entry point), so it can be SIGKILLed. */
export interface LocalProcess {
  endpoint: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export const LOCAL_KEYS = { accessKeyId: 'conformance', secretAccessKey: 'conformance-secret' };

export function startLocalProcess(
  directory: string,
  extraEnv: Record<string, string> = {},
): Promise<LocalProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts'], {
    cwd: PACKAGE_DIR,
    env: {
      ...process.env,
      LOCAL_S3_PORT: '0',
      LOCAL_S3_DIR: directory,
      LOCAL_S3_ACCESS_KEY_ID: LOCAL_KEYS.accessKeyId,
      LOCAL_S3_SECRET_ACCESS_KEY: LOCAL_KEYS.secretAccessKey,
      LOCAL_S3_CORS_ORIGINS: APP_ORIGIN,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Local S3 endpoint: (http:\/\/\S+)$/m.exec(output);
      if (match?.[1]) {
        resolve({
          endpoint: match[1],
          child,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`local S3 exited early (${code}): ${output}`)));
  });
}

export async function openTarget(): Promise<S3Target> {
  const external = process.env.S3_CONFORMANCE_ENDPOINT;
  if (external) {
    const region = process.env.S3_CONFORMANCE_REGION ?? 'us-east-1';
    const accessKeyId = process.env.S3_CONFORMANCE_ACCESS_KEY_ID ?? '';
    const secretAccessKey = process.env.S3_CONFORMANCE_SECRET_ACCESS_KEY ?? '';
    return {
      endpoint: external,
      region,
      bucket: process.env.S3_CONFORMANCE_BUCKET ?? 'uploads',
      accessKeyId,
      secretAccessKey,
      local: false,
      client: (secret = secretAccessKey) => s3Client(external, region, accessKeyId, secret),
      close: async () => undefined,
    };
  }
  const directory = await mkdtemp(path.join(os.tmpdir(), 's3am-conformance-'));
  const server = await startLocalProcess(directory);
  return {
    endpoint: server.endpoint,
    region: 'us-east-1',
    bucket: 'uploads',
    ...LOCAL_KEYS,
    local: true,
    client: (secret = LOCAL_KEYS.secretAccessKey) =>
      s3Client(server.endpoint, 'us-east-1', LOCAL_KEYS.accessKeyId, secret),
    close: async () => {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The file's target and its client, opened before its tests and closed after them. */
export interface S3Suite {
  readonly target: S3Target;
  readonly s3: S3Client;
}

/**
 * Registers the beforeAll/afterAll that open the target (and one client) for the calling test
 * file and close them after it; read `target` and `s3` inside tests and hooks.
 */
export function useS3Target(): S3Suite {
  let target: S3Target | undefined;
  let s3: S3Client | undefined;
  beforeAll(async () => {
    target = await openTarget();
    s3 = target.client();
  });
  afterAll(async () => {
    s3?.destroy();
    await target?.close();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useS3Target: read the target inside a test or hook');
    return value;
  };
  return {
    get target() {
      return opened(target);
    },
    get s3() {
      return opened(s3);
    },
  };
}
