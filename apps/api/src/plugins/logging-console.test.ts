// What `pnpm start` prints: JSON lines when stdout is not a terminal (compose, CI, a file),
// readable lines on a terminal without one line per request, and errors without client dumps.
import path from 'node:path';
import { TEST_MASTER_KEYS, freePort, startProcess, stopProcess } from '../../test/api-process.js';
import { HAS_SCRIPT, startInTerminal } from '../../test/terminal-process.js';
import { REPO_ROOT, TEST_JWT_SECRET, databaseUrl, testTmpDir } from '../../test/test-app.js';
import { requestLogLevel, resolveLogFormat, serializeError } from './logging.js';

/** Lines of the start-up banner (plain text on purpose: it is read by a person, once). */
function withoutBanner(output: string): string[] {
  const lines = output.split(/\r?\n/);
  const start = lines.findIndex((line) => line === 'S3 Access Manager is running');
  const end = lines.findIndex((line) => line.trim() === 'Stop with Ctrl-C.');
  return lines.filter((line, index) => (index < start || index > end) && line.trim() !== '');
}

/** Starts the server at its default log level (the test helper otherwise sets LOG_LEVEL=warn). */
async function startAtDefaultLevel(env: Record<string, string> = {}) {
  const port = await freePort();
  const server = await startProcess('server', { PORT: String(port), LOG_LEVEL: '', ...env });
  return { server, url: `http://127.0.0.1:${port}` };
}

describe('console output of pnpm start', () => {
  jest.setTimeout(60_000);

  it('writes one JSON object per log line when stdout is not a terminal', async () => {
    const { server, url } = await startAtDefaultLevel();
    await fetch(`${url}/health`);
    await server.waitFor(/"msg":"request completed"/);
    expect(await stopProcess(server)).toBe(0);

    const lines = withoutBanner(server.output());
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.length).toBeGreaterThan(3);
    expect(records).toContainEqual(
      expect.objectContaining({ level: 30, msg: 'request completed', res: { statusCode: 200 } }),
    );
    expect(records).toContainEqual(expect.objectContaining({ msg: 'stopped' }));
  });

  it('prints readable lines in pretty mode, with warnings but without request lines', async () => {
    const { server, url } = await startAtDefaultLevel({ LOG_FORMAT: 'pretty' });
    await fetch(`${url}/health`);
    await fetch(`${url}/api/me`); // a 401: rejections are request lines too
    expect(await stopProcess(server)).toBe(0);

    const lines = withoutBanner(server.output());
    expect(lines.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    // Warnings always show (no web build in tests), as do the start and stop messages.
    expect(server.output()).toMatch(/WARN: web app not built/);
    expect(server.output()).toMatch(/INFO: SIGTERM received, shutting down/);
    expect(server.output()).not.toMatch(/incoming request|request completed|request rejected/);
  });

  it('shows request lines in pretty mode once LOG_LEVEL=debug asks for them', async () => {
    const { server, url } = await startAtDefaultLevel({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'debug' });
    await fetch(`${url}/health`);
    await server.waitFor(/request completed/);
    expect(await stopProcess(server)).toBe(0);
    expect(withoutBanner(server.output()).filter((line) => line.startsWith('{'))).toEqual([]);
  });

  (HAS_SCRIPT ? it : it.skip)(
    'picks the readable format by itself on a real terminal',
    async () => {
      const port = await freePort();
      const terminal = startInTerminal({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: databaseUrl(),
        JWT_SECRET: TEST_JWT_SECRET,
        MASTER_KEYS: TEST_MASTER_KEYS,
        LOCAL_S3: 'off',
        DATA_DIR: path.join(testTmpDir(), `terminal-${port}`),
        WEB_DIST_DIR: path.join(REPO_ROOT, '.no-web-dist-in-tests'),
      });
      try {
        await terminal.waitFor(/Stop with Ctrl-C/);
        await fetch(`http://127.0.0.1:${port}/health`);
        terminal.type('\x03');
        expect(await terminal.exited).toBe(0);
      } finally {
        terminal.type('\x03\x03');
      }
      // Without the colours (ESC [ … m) the terminal added.
      const text = terminal
        .output()
        .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
      expect(text).toMatch(/INFO: Server listening at/);
      expect(text).toMatch(/INFO: stopped/);
      expect(withoutBanner(text).filter((line) => line.startsWith('{'))).toEqual([]);
      expect(text).not.toMatch(/request completed/);
    },
  );
});

describe('log format and error shape', () => {
  it('follows stdout unless LOG_FORMAT says otherwise', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('auto', undefined)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });

  it('keeps request lines at info in JSON, and hides them on a terminal unless debugging', () => {
    expect(requestLogLevel('info', 'json')).toBe('info');
    expect(requestLogLevel('info', 'pretty')).toBe('warn');
    expect(requestLogLevel('debug', 'pretty')).toBe('debug');
    expect(requestLogLevel('error', 'pretty')).toBe('error');
  });

  it('logs an error as type, message, code, stack and cause, never the client it carries', () => {
    class DatabaseError extends Error {}
    const cause = Object.assign(new Error('socket closed'), { code: 'ECONNRESET' });
    const error = Object.assign(
      new DatabaseError('terminating connection due to administrator command', { cause }),
      {
        code: '57P01',
        client: { connectionParameters: { password: 'pg-secret' }, _queryable: false },
      },
    );
    const logged = serializeError(error);
    expect(Object.keys(logged).sort()).toEqual(['cause', 'code', 'message', 'stack', 'type']);
    expect(logged).toMatchObject({
      type: 'DatabaseError',
      message: 'terminating connection due to administrator command',
      code: '57P01',
      cause: { type: 'Error', message: 'socket closed', code: 'ECONNRESET' },
    });
    expect(logged.stack).toContain('terminating connection');
    expect(JSON.stringify(logged)).not.toContain('pg-secret');
  });
});
