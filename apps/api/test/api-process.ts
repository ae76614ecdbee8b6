// The API as a real process (`pnpm start`'s entry point) on this worker's test database, for
// tests that kill and restart it. The local S3 server stays the one the global setup started.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { REPO_ROOT, TEST_JWT_SECRET, databaseUrl } from './test-app.js';

/** The fixed test keyring (see TEST_KEYRING) in MASTER_KEYS form. */
const TEST_MASTER_KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;

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

/** `pnpm start`'s server process on the test database; resolves once it listens. */
export function startApiProcess(
  port: number,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(),
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: TEST_JWT_SECRET,
      MASTER_KEYS: TEST_MASTER_KEYS,
      LOCAL_S3: 'off',
      LOG_LEVEL: 'warn',
      WEB_DIST_DIR: path.join(REPO_ROOT, '.no-web-dist-in-tests'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('S3 Access Manager is running')) resolve(child);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`API exited (${code}): ${output}`)));
  });
}
