// Email + password + TOTP sign-in and session refresh against the real API over HTTP: the typed
// client itself, then the CLI, which keeps only the rotated refresh token (0600) and never the
// password. The API revokes a whole session when a refresh token is used twice, so a second
// refresh for concurrent 401s would fail these tests.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError, createApiClient } from '@s3am/client';
import { REFRESH_COOKIE } from '@s3am/contracts';
import { totpCode } from '../../api/src/lib/totp.js';
import { createUser, type UserFixture } from '../../api/test/test-app.js';
import { refreshCookieOf } from '../src/session.js';
import { buildCli, runCli, scratchDir, startCliStack, type CliStack } from './cli-kit.js';
import { LoginOutput, WhoamiOutput, parseJsonOutput } from './output-schemas.js';

let stack: CliStack;
let bundle: string;

beforeAll(async () => {
  [stack, bundle] = await Promise.all([startCliStack(), buildCli()]);
}, 60_000);

afterAll(() => stack.close());

const STEP_MS = 30_000;

/**
 * A user with two-factor on, enrolled through the API with the code of the current step. The API
 * takes each step once, so the next sign-in uses the next step's code (inside its ±1 window).
 */
async function userWithTotp(): Promise<UserFixture & { nextCode: () => string }> {
  const user = await createUser(stack.ctx.db);
  const anonymous = createApiClient({ baseUrl: stack.url });
  const { accessToken } = await anonymous.login({
    body: { email: user.email, password: user.password },
  });
  const client = createApiClient({ baseUrl: stack.url, auth: { token: () => accessToken } });
  const { secret } = await client.setUpTotp();
  const enrolledAt = Date.now();
  await client.enableTotp({ body: { code: totpCode(secret, new Date(enrolledAt)) } });
  return { ...user, nextCode: () => totpCode(secret, new Date(enrolledAt + STEP_MS)) };
}

test('the client signs in with password and TOTP, and concurrent 401s share one refresh', async () => {
  const user = await userWithTotp();
  let cookie: string | undefined;
  const capture = (response: Response) => (cookie = refreshCookieOf(response) ?? cookie);
  const anonymous = createApiClient({ baseUrl: stack.url, onResponse: capture });

  const withoutCode = await anonymous
    .login({ body: { email: user.email, password: user.password } })
    .catch((error: unknown) => error);
  expect(withoutCode).toBeInstanceOf(ApiError);
  expect(withoutCode).toMatchObject({ status: 401, code: 'TOTP_REQUIRED' });

  const tokens = await anonymous.login({
    body: { email: user.email, password: user.password, totpCode: user.nextCode() },
  });
  expect(tokens.user.totpEnabled).toBe(true);
  const firstCookie = cookie;
  expect(firstCookie).toBeDefined();

  // A stale access token: every call gets a 401 and must be healed by one refresh.
  let accessToken = 'expired.jwt.token';
  let refreshes = 0;
  const client = createApiClient({
    baseUrl: stack.url,
    onResponse: capture,
    auth: {
      token: () => accessToken,
      refresh: async () => {
        refreshes++;
        const renewed = await anonymous.refresh({
          headers: {
            cookie: `${REFRESH_COOKIE}=${cookie ?? ''}`,
            'idempotency-key': `refresh-${refreshes}-${Date.now()}`,
          },
        });
        accessToken = renewed.accessToken;
      },
    },
  });
  const answers = await Promise.all([client.me(), client.myPermissions(), client.me()]);
  expect(answers[0].email).toBe(user.email);
  expect(answers[2].email).toBe(user.email);
  expect(refreshes).toBe(1);
  expect(cookie).toBeDefined();
  expect(cookie).not.toBe(firstCookie); // rotated on use

  // The session is still alive: the rotated refresh token works once more.
  accessToken = 'expired.jwt.token';
  await expect(client.me()).resolves.toMatchObject({ email: user.email });
  expect(refreshes).toBe(2);
});

test('s3am login with password on stdin and --totp keeps a session; whoami refreshes it when the access token ran out', async () => {
  const user = await userWithTotp();
  const configDir = await scratchDir('cli-session-config');
  const cli = (args: string[], input?: string) =>
    runCli(bundle, args, { configDir, ...(input === undefined ? {} : { input }) });

  const refused = await cli(
    ['--json', 'login', '--url', stack.url, '--email', user.email, '--password-stdin'],
    user.password,
  );
  expect(refused.code).toBe(3);
  expect(refused.stderr).toMatch(/two-factor authentication: pass --totp/);
  expect(refused.stderr).not.toMatch(/Run `s3am login`/);

  const login = await cli(
    [
      '--json',
      'login',
      '--url',
      stack.url,
      '--email',
      user.email,
      '--password-stdin',
      '--totp',
      user.nextCode(),
    ],
    `${user.password}\n`,
  );
  expect(login.stderr).toBe('');
  expect(login.code).toBe(0);
  expect(parseJsonOutput(LoginOutput, login.stdout)).toMatchObject({
    credential: 'session',
    user: { email: user.email },
  });

  const file = path.join(configDir, 'profiles.json');
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const saved = await readFile(file, 'utf8');
  expect(saved).not.toContain(user.password);
  const profiles = JSON.parse(saved) as {
    profiles: Record<string, { credential: { refreshToken: string; accessExpiresAt: number } }>;
  };
  const before = profiles.profiles.default!.credential.refreshToken;

  // The access token has run out: whoami must refresh, and save the rotated refresh token.
  profiles.profiles.default!.credential.accessExpiresAt = 0;
  await writeFile(file, JSON.stringify(profiles), { mode: 0o600 });
  const whoami = await cli(['--json', 'whoami']);
  expect(whoami.code).toBe(0);
  expect(parseJsonOutput(WhoamiOutput, whoami.stdout).user.email).toBe(user.email);
  const after = (JSON.parse(await readFile(file, 'utf8')) as typeof profiles).profiles.default!
    .credential;
  expect(after.refreshToken).not.toBe(before);
  expect(after.accessExpiresAt).toBeGreaterThan(Date.now());

  // And the saved session keeps working for the next command without another sign-in.
  expect((await cli(['--json', 'whoami'])).code).toBe(0);
});
