// The API as a real process (`pnpm start`'s entry point) on this worker's test database, for
// tests that kill and restart it — and `pnpm worker`'s, for tests of several processes on one
// database. The local S3 server stays the one the global setup started.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { REPO_ROOT, TEST_JWT_SECRET, databaseUrl, testTmpDir } from './test-app.js';

/** The fixed test keyring (see TEST_KEYRING) in MASTER_KEYS form. */
export const TEST_MASTER_KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A long-running process, or an admin command that runs once. */
export type Entry = 'server' | 'worker' | 'admin-cli/rotate-key';
type Service = Exclude<Entry, `admin-cli/${string}`>;

/** A started process with everything it printed so far (stdout and stderr, in order). */
export interface ApiProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves once the output matches (or rejects when the process exits first). */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** The whole start-up banner (its lines may arrive in separate chunks). */
const READY: Record<Service, RegExp> = {
  server: /S3 Access Manager is running\n[\s\S]*Stop with Ctrl-C/,
  worker: /S3 Access Manager worker is running[\s\S]*Stop with Ctrl-C/,
};

/**
 * Spawns `apps/api/src/<entry>.ts` with the test settings (test database, fixed secrets, no local
 * S3, a data directory of its own under the test scratch space); `env` overrides any of them, and
 * a variable set to '' is removed.
 */
export function spawnApiProcess(entry: Entry, env: Record<string, string> = {}): ApiProcess {
  const settings: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(),
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_JWT_SECRET,
    MASTER_KEYS: TEST_MASTER_KEYS,
    LOCAL_S3: 'off',
    LOG_LEVEL: 'warn',
    DATA_DIR: path.join(testTmpDir(), `api-data-${process.pid}-${Date.now()}-${Math.random()}`),
    WEB_DIST_DIR: path.join(REPO_ROOT, '.no-web-dist-in-tests'),
    // As in createTestApp: a process that may block would count earlier tests' 401s from this
    // loopback address (detectors aggregate in the database) and block it for later tests.
    SECURITY_AUTO_BLOCK: 'false',
    ...env,
  };
  for (const [name, value] of Object.entries(settings)) if (value === '') delete settings[name];
  const child = spawn(process.execPath, ['--import', 'tsx', `apps/api/src/${entry}.ts`], {
    cwd: REPO_ROOT,
    env: settings,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of waiters) check();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      // The pipes may still hold the last lines: wait for them before reporting the exit.
      let open = 2;
      const done = () => {
        open -= 1;
        if (open === 0) resolve(code);
      };
      if (child.stdout?.readableEnded ?? true) done();
      else child.stdout?.once('end', done);
      if (child.stderr?.readableEnded ?? true) done();
      else child.stderr?.once('end', done);
    });
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return;
        waiters.delete(check);
        resolve(match);
      };
      waiters.add(check);
      check();
      void exited.then((code) => {
        if (!waiters.has(check)) return;
        waiters.delete(check);
        reject(new Error(`${entry} exited (${code}) before printing ${pattern}: ${output}`));
      });
    });
  return { child, output: () => output, waitFor, exited };
}

/** A process that is expected to start: resolves once its start-up banner is printed. */
export async function startProcess(
  entry: Service,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const started = spawnApiProcess(entry, env);
  await started.waitFor(READY[entry]);
  return started;
}

/** `pnpm start`'s server process on the test database; resolves once it listens. */
export async function startApiProcess(
  port: number,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  return (await startProcess('server', { PORT: String(port), ...env })).child;
}

/** Stops a process like an operator would (SIGTERM: ordered shutdown) and waits for its exit. */
export async function stopProcess(started: ApiProcess): Promise<number | null> {
  if (started.child.exitCode === null && started.child.signalCode === null)
    started.child.kill('SIGTERM');
  return started.exited;
}
