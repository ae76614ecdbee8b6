// The first admin's password: ADMIN_PASSWORD meets the same policy as every password, checked
// before anything starts; a generated one is marked as such for the first-login page.
import pg from 'pg';
import { CurrentUser, TokenResponse } from '@s3am/contracts';
import { spawnApiProcess } from '../../test/api-process.js';
import {
  WORKER_ID,
  bearer,
  createTestApp,
  databaseUrl,
  signIn,
  templateDatabase,
  type TestContext,
} from '../../test/test-app.js';
import { assertAdminPasswordAllowed, ensureFirstAdmin } from './first-admin.js';

describe('ADMIN_PASSWORD at start-up', () => {
  it('accepts a password the policy accepts, and an unset one (generated instead)', () => {
    expect(() =>
      assertAdminPasswordAllowed('admin@example.com', 'violet-harbour-kettle-93'),
    ).not.toThrow();
    expect(() => assertAdminPasswordAllowed('admin@example.com', undefined)).not.toThrow();
  });

  it('names the variable and every reason the policy gives', () => {
    expect(() => assertAdminPasswordAllowed('admin@example.com', 'admin-password-1')).toThrow(
      /ADMIN_PASSWORD: refused by the password policy[\s\S]*Do not use your email address/,
    );
    expect(() => assertAdminPasswordAllowed('ops@example.com', 'password1234')).toThrow(
      /too common/,
    );
  });

  it('stops pnpm start with a clear message and exit code 1, before anything starts', async () => {
    const server = spawnApiProcess('server', {
      PORT: '0',
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'admin-password-1',
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('ADMIN_PASSWORD: refused by the password policy');
    expect(server.output()).toContain('Do not use your email address in the password.');
    expect(server.output()).toContain('leave ADMIN_PASSWORD empty');
    expect(server.output()).not.toContain('S3 Access Manager is running');
    expect(server.output()).not.toMatch(/at \S+\.ts:\d+/); // a message, not a stack trace
  }, 60_000);
});

describe('the first-login page learns who chose the password', () => {
  // A database of its own: the first admin is created only where no admin exists yet.
  const firstStartDb = `s3am_first_admin_${process.pid}_w${WORKER_ID}`;
  const url = new URL(databaseUrl());
  url.pathname = `/${firstStartDb}`;
  let admin: pg.Client;
  let ctx: TestContext;

  beforeAll(async () => {
    url.pathname = '/postgres';
    admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${firstStartDb} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${firstStartDb} TEMPLATE ${templateDatabase()}`);
    url.pathname = `/${firstStartDb}`;
    ctx = await createTestApp({ databaseUrl: url.toString() });
  });

  afterAll(async () => {
    await ctx.close();
    await admin.query(`DROP DATABASE IF EXISTS ${firstStartDb} WITH (FORCE)`);
    await admin.end();
  });

  it('says "first start" for the generated first-admin password, "administrator" for one an admin chose', async () => {
    const first = await ensureFirstAdmin(ctx.db, 'first@example.com', undefined);
    expect(first.generatedPassword).toBeDefined();
    const login = await signIn(ctx, { email: first.email, password: first.generatedPassword! });
    const { user, accessToken } = TokenResponse.parse(login.json());
    expect(user).toMatchObject({ mustChangePassword: true, passwordSetBy: 'first_start' });
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: bearer(accessToken),
    });
    expect(CurrentUser.parse(me.json()).passwordSetBy).toBe('first_start');

    // A second admin resets the first one's password: now an administrator chose it.
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(accessToken),
      payload: { email: 'second@example.com', role: 'admin' },
    });
    expect(created.statusCode).toBe(403); // the generated password must be changed first
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: bearer(accessToken),
      payload: {
        currentPassword: first.generatedPassword,
        newPassword: 'quiet-lantern-orchard-52',
      },
    });
    expect(changed.statusCode).toBeLessThan(300);
    const again = TokenResponse.parse(
      (await signIn(ctx, { email: first.email, password: 'quiet-lantern-orchard-52' })).json(),
    );
    expect(again.user.mustChangePassword).toBe(false);
    expect(again.user.passwordSetBy).toBeUndefined();

    const newUser = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: bearer(again.accessToken),
      payload: { email: 'new@example.com', role: 'viewer' },
    });
    const { oneTimePassword } = newUser.json<{ oneTimePassword: string }>();
    const newcomer = TokenResponse.parse(
      (await signIn(ctx, { email: 'new@example.com', password: oneTimePassword })).json(),
    );
    expect(newcomer.user).toMatchObject({
      mustChangePassword: true,
      passwordSetBy: 'administrator',
    });
  });

  it('creates no second first admin once one exists', async () => {
    const again = await ensureFirstAdmin(ctx.db, 'other@example.com', undefined);
    expect(again).toEqual({ created: false, email: 'first@example.com' });
  });
});
