// What the benchmarks share (a folder of their own: `pnpm bench` runs only bench/*.ts): the real
// stack as `pnpm start` runs it on an embedded PostgreSQL, sign-in, and a proxy in front of the
// API that counts the requests and bytes clients send to it.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const KEYS = { accessKeyId: 'bench-local', secretAccessKey: 'bench-local-secret' };
export const ADMIN = { email: 'bench@example.test', password: 'copper-harbor-violet-82' };
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface Stack {
  app: string;
  /** The local S3 server's endpoint. */
  s3: string;
  /** The API process (which also runs the local S3 server). */
  pid: number;
  stop(): Promise<void>;
}

/** Starts the API (with its local S3 server) on an embedded PostgreSQL under `dataDir`. */
export async function startStack(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<Stack> {
  const port = await freePort();
  // BENCH_API_NODE_ARGS: extra node flags for the API process (e.g. --cpu-prof to profile it).
  const extra = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      LOCAL_S3_PORT: '0',
      LOCAL_S3_ACCESS_KEY_ID: KEYS.accessKeyId,
      LOCAL_S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '1000000',
      UPLOAD_SWEEP_INTERVAL_MINUTES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = await new Promise<{ app: string; s3: string }>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const app = /Open:\s+(http:\/\/\S+)/.exec(output)?.[1];
      const s3 = /at (http:\/\/127\.0\.0\.1:\d+), bucket/.exec(output)?.[1];
      if (app && s3) resolve({ app: app.replace(/\/+$/, ''), s3 });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return {
    ...ready,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU milliseconds (user + system, all threads) a live process has used so far. */
export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces) start at field 3 (state).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS_PER_SECOND);
}

/** CPU milliseconds the whole machine has used so far (every core, every process). */
export async function machineCpuMs(): Promise<number> {
  const [user, nice, system, , , irq, softirq] = (await readFile('/proc/stat', 'utf8'))
    .split('\n')[0]!
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq!) * (1000 / CLOCK_TICKS_PER_SECOND);
}

// Linux reports CPU time in USER_HZ ticks, 100 per second on every architecture Node supports.
const CLOCK_TICKS_PER_SECOND = 100;

export interface Session {
  token: string;
  auth: { authorization: string };
  /** The managed local storage connection. */
  connectionId: string;
}

export async function signIn(app: string): Promise<Session> {
  const login = await fetch(`${app}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${accessToken}` };
  const connections = (await (await fetch(`${app}/api/connections`, { headers: auth })).json()) as {
    items: { id: string; managedLocal: boolean }[];
  };
  const local = connections.items.find((connection) => connection.managedLocal);
  if (!local) throw new Error('no managed local storage connection');
  return { token: accessToken, auth, connectionId: local.id };
}

export interface CountingProxy {
  url: string;
  /** Requests seen, by "METHOD /path" with ids replaced by ":id". */
  requests: Map<string, number>;
  total(): number;
  bytesReceived(): number;
  reset(): void;
  close(): Promise<void>;
}

/** An HTTP proxy in front of the API counting each request and the bytes clients send. */
export function countingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const requests = new Map<string, number>();
  let bytes = 0;
  const server = http.createServer((request, response) => {
    const route = `${request.method} ${(request.url ?? '').split('?')[0]!.replace(/[0-9a-f-]{36}/g, ':id')}`;
    requests.set(route, (requests.get(route) ?? 0) + 1);
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
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
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        total: () => [...requests.values()].reduce((sum, n) => sum + n, 0),
        bytesReceived: () => bytes,
        reset: () => {
          requests.clear();
          bytes = 0;
        },
        close: () =>
          new Promise((done) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}
