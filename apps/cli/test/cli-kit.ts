// What the CLI tests share: the API listening on an ephemeral port with a connection to the local
// S3 server behind a counting proxy, users with tokens, the bundled CLI, and a way to run it.
// The API's test fixtures are imported by path: the API is an app, not a package.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import {
  createTestApp,
  createUser,
  grantOnUploads,
  localS3,
  testTmpDir,
  accessTokenFor,
  bearer,
  type TestContext,
  type UserFixture,
} from '../../api/test/test-app.js';
import { CONNECTION_SECRET_AAD } from '../../api/src/modules/connections/s3-client.js';
import { seal } from '../../api/src/lib/crypto-envelope.js';
import { TEST_KEYRING } from '../../api/test/test-app.js';

export interface PutRecord {
  partNumber: number | null;
  key: string;
  status: number | null;
}

/**
 * An HTTP proxy in front of the local S3 server. The connection's endpoint is the proxy, so URLs
 * are signed for its host and forwarded unchanged. It records every PUT, and can hold PUTs of
 * chosen parts (never forwarded until released) to keep an upload in flight.
 */
export interface S3Proxy {
  endpoint: string;
  puts: PutRecord[];
  /** Parts above this number wait (null: none wait). */
  holdPartsAbove: number | null;
  close(): Promise<void>;
}

export async function startS3Proxy(): Promise<S3Proxy> {
  const upstream = new URL(localS3().endpoint);
  const agent = new http.Agent({ keepAlive: true });
  const held = new Set<http.ServerResponse>();
  const proxy: S3Proxy = {
    endpoint: '',
    puts: [],
    holdPartsAbove: null,
    close: async () => undefined,
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://proxy');
    const partText = url.searchParams.get('partNumber');
    const partNumber = partText === null ? null : Number(partText);
    let record: PutRecord | undefined;
    if (request.method === 'PUT') {
      record = { partNumber, key: decodeURIComponent(url.pathname), status: null };
      proxy.puts.push(record);
      if (
        partNumber !== null &&
        proxy.holdPartsAbove !== null &&
        partNumber > proxy.holdPartsAbove
      ) {
        held.add(response);
        response.on('close', () => held.delete(response));
        request.resume();
        return;
      }
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
        if (record) record.status = answer.statusCode ?? null;
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      for (const response of held) response.destroy();
      agent.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

export interface CliStack {
  ctx: TestContext;
  url: string;
  proxy: S3Proxy;
  connectionId: string;
  connectionName: string;
  admin: UserFixture & { apiToken: string };
  close(): Promise<void>;
}

/** The app listening on 127.0.0.1:0, a connection to the local S3 server through the proxy, an admin. */
export async function startCliStack(
  options: { env?: Record<string, string>; databaseUrl?: string } = {},
): Promise<CliStack> {
  const ctx = await createTestApp(options);
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address() as net.AddressInfo;
  const proxy = await startS3Proxy();
  const s3 = localS3();
  const connectionName = `cli-${Date.now()}`;
  const connection = await ctx.db.s3Connection.create({
    data: {
      name: connectionName,
      endpoint: proxy.endpoint,
      forcePathStyle: true,
      authMode: 'static_keys',
      accessKeyId: s3.accessKeyId,
      secretCiphertext: seal(TEST_KEYRING, s3.secretAccessKey, CONNECTION_SECRET_AAD),
      buckets: ['uploads'],
    },
  });
  const url = `http://127.0.0.1:${address.port}`;
  const adminUser = await createUser(ctx.db, { role: 'admin' });
  const admin = {
    ...adminUser,
    apiToken: await apiTokenFor(ctx, adminUser, ['read', 'write', 'admin']),
  };
  return {
    ctx,
    url,
    proxy,
    connectionId: connection.id,
    connectionName,
    admin,
    close: async () => {
      await proxy.close();
      await ctx.close();
    },
  };
}

/** A personal API token of `user` (created through the API as a signed-in user would). */
export async function apiTokenFor(
  ctx: TestContext,
  user: UserFixture,
  scopes: ('read' | 'write' | 'admin')[] = ['read', 'write'],
): Promise<string> {
  const jwt = await accessTokenFor(ctx, user);
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/me/tokens',
    headers: bearer(jwt),
    payload: { name: 'cli test', scopes, expiresInDays: 1 },
  });
  if (response.statusCode !== 201)
    throw new Error(`token: ${response.statusCode} ${response.body}`);
  return response.json<{ token: string }>().token;
}

/** An uploader with a grant under `prefix` of the `uploads` bucket and a personal API token. */
export async function granteeWithToken(
  stack: CliStack,
  prefix: string,
  actions = ['list', 'read', 'write', 'delete'],
): Promise<UserFixture & { apiToken: string }> {
  const user = await createUser(stack.ctx.db);
  await grantOnUploads(stack.ctx.db, {
    userId: user.id,
    connectionId: stack.connectionId,
    prefix,
    actions,
  });
  return { ...user, apiToken: await apiTokenFor(stack.ctx, user) };
}

const CLI_ROOT = path.resolve(__dirname, '..');

/** Bundles the CLI as `pnpm --filter @s3am/cli build` does, into a scratch file. */
export async function buildCli(): Promise<string> {
  const dir = await mkdtemp(path.join(testTmpDir(), 'cli-bundle-'));
  const outfile = path.join(dir, 's3am.mjs');
  const { buildOptions } = (await import(path.join(CLI_ROOT, 'build-options.mjs'))) as {
    buildOptions: (outfile: string) => Parameters<typeof build>[0];
  };
  await build({ ...buildOptions(outfile), absWorkingDir: CLI_ROOT });
  return outfile;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  done: Promise<CliRun>;
}

/** Starts the CLI with its own config dir; no colours (not a TTY), no inherited S3AM_* settings. */
export function startCli(
  bundle: string,
  args: string[],
  options: { configDir: string; env?: Record<string, string>; input?: string; cwd?: string },
): CliProcess {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('S3AM_')) delete env[name];
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: options.cwd ?? testTmpDir(),
    env: { ...env, S3AM_CONFIG_DIR: options.configDir, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? '');
  const done = new Promise<CliRun>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, output: () => ({ stdout, stderr }), done };
}

export function runCli(
  bundle: string,
  args: string[],
  options: Parameters<typeof startCli>[2],
): Promise<CliRun> {
  return startCli(bundle, args, options).done;
}

/** Polls `check` until it is true (or fails after `timeoutMs`). */
export async function waitUntil(
  check: () => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function scratchDir(name: string): Promise<string> {
  return mkdtemp(path.join(testTmpDir(), `${name}-`));
}
