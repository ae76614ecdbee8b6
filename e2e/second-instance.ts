// A second API instance next to the one Playwright's webServer started: same embedded PostgreSQL
// (its port from postmaster.pid, its password and the instance secrets from DATA_DIR/secrets.json,
// as the start-up message for DATABASE_URL says), no job runner and no local S3 of its own, on a
// port of its own. The harness's webServer option cannot start it: the database port is only
// known once the first instance runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface SecondInstance {
  baseURL: string;
  stop(): Promise<void>;
}

export async function startSecondInstance(): Promise<SecondInstance> {
  const dataDir = process.env.S3AM_E2E_DATA_DIR;
  if (!dataDir) throw new Error('S3AM_E2E_DATA_DIR is not set (see playwright.config.ts)');
  const secrets = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as {
    jwtSecret: string;
    masterKeys: string;
    postgresPassword: string;
  };
  const pgPort = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3];
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'apps/api/src/server.ts'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `postgresql://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${pgPort?.trim()}/s3am`,
        JWT_SECRET: secrets.jwtSecret,
        MASTER_KEYS: secrets.masterKeys,
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 's3am-e2e-second-')),
        LOCAL_S3: 'off',
        RUN_JOBS: 'false',
        // As for the first instance (playwright.config.ts): blocks are shared through the
        // database, so a second instance that blocks would refuse the whole suite's address.
        SECURITY_AUTO_BLOCK: 'false',
        AUTH_RATE_LIMIT_MAX: '100000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (/S3 Access Manager is running[\s\S]*Stop with Ctrl-C/.test(output)) resolve();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`second instance exited (${code}): ${output}`)));
  });
  return {
    baseURL: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
