// `pnpm start` as a fresh machine runs it (embedded PostgreSQL, local S3 server) stops cleanly: on
// SIGTERM or a Ctrl-C typed in its terminal it exits 0 with nothing at error level and leaves no
// process or port behind; a second Ctrl-C exits at once and still does not leave PostgreSQL running.
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  TEST_MASTER_KEYS,
  freePort,
  startProcess,
  stopProcess,
  type ApiProcess,
} from '../../test/api-process.js';
import {
  errorLines,
  eventually,
  groupAlive,
  isAlive,
  portAnswers,
  postmasterPid,
  processGroupOf,
} from '../../test/process-checks.js';
import { HAS_SCRIPT, startInTerminal } from '../../test/terminal-process.js';
import { REPO_ROOT, TEST_JWT_SECRET } from '../../test/test-app.js';

// Under os.tmpdir(), not the test scratch dir: as root the cluster runs as user "postgres", which
// must be able to reach it. One data dir for the file: later starts reuse the cluster.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 's3am-shutdown-'));
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// A test that fails half-way must not leave its server (and database) running.
const leftovers: (() => void)[] = [];
afterEach(async () => {
  for (const stop of leftovers.splice(0)) stop();
  const postgres = await postmasterPid(dataDir).catch(() => undefined);
  if (postgres !== undefined && isAlive(postgres)) process.kill(postgres, 'SIGINT');
});

/** A fresh machine's `pnpm start`: no DATABASE_URL, local S3 on, logs at their default level. */
async function settings(): Promise<Record<string, string>> {
  return {
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    LOCAL_S3: 'auto',
    LOCAL_S3_PORT: '0',
    LOG_LEVEL: '',
    PORT: String(await freePort()),
  };
}

interface Running {
  apiPort: number;
  s3Port: number;
  postgresPid: number;
}

async function runningParts(output: () => string, port: string): Promise<Running> {
  const s3 = /"Local storage" at http:\/\/127\.0\.0\.1:(\d+)/.exec(output());
  const postgresPid = await postmasterPid(dataDir);
  expect(s3).not.toBeNull();
  expect(isAlive(postgresPid)).toBe(true);
  return { apiPort: Number(port), s3Port: Number(s3?.[1]), postgresPid };
}

async function expectNothingLeft(running: Running): Promise<void> {
  expect(await eventually(() => !groupAlive(running.postgresPid))).toBe(true);
  expect(await portAnswers(running.s3Port)).toBe(false);
  expect(await portAnswers(running.apiPort)).toBe(false);
}

describe('shutdown of pnpm start', () => {
  jest.setTimeout(120_000);

  it('exits 0 on SIGTERM after a request, logs no error, and leaves no process or port behind', async () => {
    const env = await settings();
    const server: ApiProcess = await startProcess('server', env);
    leftovers.push(() => server.child.kill('SIGKILL'));
    const running = await runningParts(() => server.output(), env.PORT!);
    expect((await fetch(`http://127.0.0.1:${running.apiPort}/ready`)).status).toBe(200);

    expect(await stopProcess(server)).toBe(0);
    expect(errorLines(server.output())).toEqual([]);
    expect(server.output()).toContain('"msg":"SIGTERM received, shutting down"');
    expect(server.output()).toContain('"msg":"stopped"');
    await expectNothingLeft(running);
  });

  (HAS_SCRIPT ? it : it.skip)(
    'stops in order on a Ctrl-C typed in its terminal: PostgreSQL is outside the terminal group',
    async () => {
      const env = await settings();
      const terminal = startInTerminal({
        ...env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        JWT_SECRET: TEST_JWT_SECRET,
        MASTER_KEYS: TEST_MASTER_KEYS,
        WEB_DIST_DIR: path.join(REPO_ROOT, '.no-web-dist-in-tests'),
      });
      leftovers.push(() => terminal.type('\x03\x03'));
      await terminal.waitFor(/Stop with Ctrl-C/);
      const running = await runningParts(() => terminal.output(), env.PORT!);
      // The terminal signals its foreground group; the database must not be in it, or it would
      // start its own fast shutdown while the job queue still uses it (the race in issue 25).
      expect(processGroupOf(running.postgresPid)).toBe(running.postgresPid);
      expect((await fetch(`http://127.0.0.1:${running.apiPort}/ready`)).status).toBe(200);

      terminal.type('\x03');
      expect(await terminal.exited).toBe(0);
      expect(terminal.output()).toContain('SIGINT received, shutting down');
      expect(terminal.output()).toMatch(/INFO.*stopped/);
      expect(errorLines(terminal.output())).toEqual([]);
      expect(terminal.output()).not.toMatch(/terminating connection|job queue error/);
      await expectNothingLeft(running);
    },
  );

  it('exits at once on a second Ctrl-C and still asks PostgreSQL to stop', async () => {
    const env = await settings();
    const server = await startProcess('server', env);
    leftovers.push(() => server.child.kill('SIGKILL'));
    const running = await runningParts(() => server.output(), env.PORT!);
    // A request whose body never ends keeps the first shutdown draining (up to 10 s).
    const stalled = connect({ host: '127.0.0.1', port: running.apiPort });
    stalled.on('error', () => undefined);
    stalled.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"em',
    );
    await server.waitFor(/"url":"\/api\/auth\/login"[^\n]*"msg":"incoming request"/);

    server.child.kill('SIGINT');
    await server.waitFor(/SIGINT received, shutting down/);
    expect(server.child.exitCode).toBeNull();
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(130);
    expect(server.output()).toContain('SIGINT again: exiting without waiting');
    stalled.destroy();
    await expectNothingLeft(running);
  });
});
