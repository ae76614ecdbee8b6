// User administration through the API on real PostgreSQL: role checks, last-admin protection,
// disabling revokes everything, forced password change, audit trail.
import {
  ProblemSchema,
  REFRESH_COOKIE,
  UserList,
  UserView,
  UserWithOneTimePassword,
} from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  refreshCookieFrom,
  type TestContext,
  type UserFixture,
} from '../../../test/test-app.js';

let ctx: TestContext;
let admin: UserFixture;
let adminToken: string;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await createUser(ctx.db, { role: 'admin' });
  adminToken = await accessTokenFor(ctx, admin);
});
afterAll(() => ctx.close());

const asAdmin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: bearer(adminToken), ...(payload ? { payload } : {}) });

const STRONG = 'violet-harbour-tangent-42';

describe('admin routes by role (users and settings)', () => {
  const routes = [
    ['GET', '/api/users'],
    ['POST', '/api/users'],
    ['GET', '/api/users/00000000-0000-4000-8000-000000000000'],
    ['PATCH', '/api/users/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/users/00000000-0000-4000-8000-000000000000/reset-password'],
    ['DELETE', '/api/users/00000000-0000-4000-8000-000000000000'],
    ['GET', '/api/settings/security'],
    ['PUT', '/api/settings/security'],
  ] as const;

  it.each(['uploader', 'viewer'] as const)(
    'refuses every user-admin route to a %s with 403, audited',
    async (role) => {
      const user = await createUser(ctx.db, { role });
      const token = await accessTokenFor(ctx, user);
      for (const [method, url] of routes) {
        const response = await ctx.app.inject({ method, url, headers: bearer(token), payload: {} });
        expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 403 });
      }
      expect(
        await ctx.db.auditEvent.count({ where: { action: 'access.denied', actorId: user.id } }),
      ).toBe(routes.length);
    },
  );

  it('refuses anonymous callers with 401', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });
});

describe('creating users', () => {
  it('creates a user with a generated one-time password that must be changed at first login', async () => {
    const email = `new-${Date.now()}@example.test`;
    const response = await asAdmin('POST', '/api/users', { email, role: 'uploader' });
    expect(response.statusCode).toBe(201);
    const { user, oneTimePassword } = UserWithOneTimePassword.parse(response.json());
    expect(user).toMatchObject({
      email,
      role: 'uploader',
      mustChangePassword: true,
      disabled: false,
    });
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);

    const token = await accessTokenFor(ctx, { email, password: oneTimePassword! });
    const blocked = await ctx.app.inject({
      method: 'GET',
      url: '/api/me/tokens',
      headers: bearer(token),
    });
    expect(blocked.statusCode).toBe(403);
    expect(ProblemSchema.parse(blocked.json()).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).json(),
    ).toMatchObject({ mustChangePassword: true });

    const change = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: bearer(token),
      payload: { currentPassword: oneTimePassword, newPassword: STRONG },
    });
    expect(change.statusCode).toBe(204);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me/tokens', headers: bearer(token) }))
        .statusCode,
    ).toBe(200);
    const audit = await ctx.db.auditEvent.findMany({
      where: { targetId: user.id },
      orderBy: { seq: 'asc' },
    });
    expect(audit.map((e) => e.action)).toEqual(['user.create', 'user.password_change']);
    expect(JSON.stringify(audit.map((e) => e.details))).not.toContain(oneTimePassword);
  });

  it('refuses a weak initial password with PASSWORD_POLICY and an explanation', async () => {
    const response = await asAdmin('POST', '/api/users', {
      email: `weak-${Date.now()}@example.test`,
      role: 'viewer',
      password: 'Password2024!',
    });
    expect(response.statusCode).toBe(400);
    const problem = ProblemSchema.parse(response.json());
    expect(problem.code).toBe('PASSWORD_POLICY');
    expect(problem.detail).toMatch(/too common/);
  });

  it('refuses a duplicate email whatever its case', async () => {
    const response = await asAdmin('POST', '/api/users', {
      email: admin.email.toUpperCase(),
      role: 'viewer',
    });
    expect(response.statusCode).toBe(409);
    expect(ProblemSchema.parse(response.json()).code).toBe('EMAIL_TAKEN');
  });
});

describe('listing users', () => {
  it('searches, sorts and paginates', async () => {
    const tag = `list${Date.now()}`;
    for (const name of ['c', 'a', 'b'])
      await asAdmin('POST', '/api/users', { email: `${name}-${tag}@example.test`, role: 'viewer' });
    const first = UserList.parse(
      (await asAdmin('GET', `/api/users?q=${tag}&sort=email&order=desc&pageSize=2`)).json(),
    );
    expect(first.total).toBe(3);
    expect(first.items.map((u) => u.email[0])).toEqual(['c', 'b']);
    const second = UserList.parse(
      (await asAdmin('GET', `/api/users?q=${tag}&sort=email&order=desc&pageSize=2&page=2`)).json(),
    );
    expect(second.items.map((u) => u.email[0])).toEqual(['a']);
  });

  it('takes % and _ in the search literally', async () => {
    const tag = `like${Date.now()}`;
    for (const email of [`x_y-${tag}@example.test`, `xzy-${tag}@example.test`])
      await asAdmin('POST', '/api/users', { email, role: 'viewer' });
    const search = async (q: string) =>
      UserList.parse((await asAdmin('GET', `/api/users?q=${encodeURIComponent(q)}`)).json());
    expect((await search(`x_y-${tag}`)).items.map((u) => u.email)).toEqual([
      `x_y-${tag}@example.test`,
    ]);
    expect((await search('%')).total).toBe(0);
  });

  it('rejects an unknown sort field', async () => {
    expect((await asAdmin('GET', '/api/users?sort=passwordHash')).statusCode).toBe(400);
  });
});

describe('changing users', () => {
  it('disabling revokes every session at once and enabling lets the user sign in again', async () => {
    const bob = await createUser(ctx.db);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: bob.email, password: bob.password },
    });
    const token = login.json<{ accessToken: string }>().accessToken;
    const refresh = refreshCookieFrom(login);

    const disabled = await asAdmin('PATCH', `/api/users/${bob.id}`, { disabled: true });
    expect(UserView.parse(disabled.json()).disabled).toBe(true);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode,
    ).toBe(401);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/refresh',
          cookies: { [REFRESH_COOKIE]: refresh },
        })
      ).statusCode,
    ).toBe(401);
    expect(await ctx.db.session.count({ where: { userId: bob.id, revokedAt: null } })).toBe(0);

    await asAdmin('PATCH', `/api/users/${bob.id}`, { disabled: false });
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: bob.email, password: bob.password },
        })
      ).statusCode,
    ).toBe(200);
    const actions = (
      await ctx.db.auditEvent.findMany({
        where: { targetId: bob.id, action: { startsWith: 'user.' } },
        orderBy: { seq: 'asc' },
      })
    ).map((e) => e.action);
    expect(actions).toEqual(['user.disable', 'user.enable']);
  });

  it('changes a role and records from/to', async () => {
    const carol = await createUser(ctx.db, { role: 'viewer' });
    const response = await asAdmin('PATCH', `/api/users/${carol.id}`, { role: 'uploader' });
    expect(UserView.parse(response.json()).role).toBe('uploader');
    const event = await ctx.db.auditEvent.findFirst({
      where: { targetId: carol.id, action: 'user.role_change' },
    });
    expect(event?.details).toEqual({ from: 'viewer', to: 'uploader' });
  });

  it('never demotes, disables or deletes the last active admin', async () => {
    // Make `admin` the only active admin of this database.
    await ctx.db.user.updateMany({
      where: { role: 'admin', id: { not: admin.id } },
      data: { role: 'viewer' },
    });
    for (const [method, url, payload] of [
      ['PATCH', `/api/users/${admin.id}`, { role: 'viewer' }],
      ['PATCH', `/api/users/${admin.id}`, { disabled: true }],
      ['DELETE', `/api/users/${admin.id}`, undefined],
    ] as const) {
      const response = await asAdmin(method, url, payload);
      expect(response.statusCode).toBe(409);
      expect(ProblemSchema.parse(response.json()).code).toBe('LAST_ADMIN');
    }
    const second = await createUser(ctx.db, { role: 'admin' });
    expect((await asAdmin('PATCH', `/api/users/${second.id}`, { role: 'viewer' })).statusCode).toBe(
      200,
    );
  });

  it('resets a password: old sessions end and the new one-time password must be changed', async () => {
    const dave = await createUser(ctx.db);
    const oldToken = await accessTokenFor(ctx, dave);
    const response = await asAdmin('POST', `/api/users/${dave.id}/reset-password`, {});
    const { oneTimePassword, user } = UserWithOneTimePassword.parse(response.json());
    expect(user.mustChangePassword).toBe(true);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(oldToken) }))
        .statusCode,
    ).toBe(401);
    await expect(accessTokenFor(ctx, dave)).rejects.toThrow(/401/);
    await expect(
      accessTokenFor(ctx, { email: dave.email, password: oneTimePassword! }),
    ).resolves.toEqual(expect.any(String));
  });

  it('deletes a user but keeps their audit history', async () => {
    const erin = await createUser(ctx.db);
    await accessTokenFor(ctx, erin);
    expect((await asAdmin('DELETE', `/api/users/${erin.id}`)).statusCode).toBe(204);
    expect(await ctx.db.user.findUnique({ where: { id: erin.id } })).toBeNull();
    expect(
      await ctx.db.auditEvent.count({ where: { actorId: erin.id, action: 'auth.login' } }),
    ).toBe(1);
    expect((await asAdmin('GET', `/api/users/${erin.id}`)).statusCode).toBe(404);
  });
});

describe('POST /api/me/password', () => {
  it('requires the current password and refuses weak or unchanged new ones', async () => {
    const frank = await createUser(ctx.db, { password: STRONG });
    const token = await accessTokenFor(ctx, frank);
    const change = (currentPassword: string, newPassword: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/me/password',
        headers: bearer(token),
        payload: { currentPassword, newPassword },
      });
    expect(
      ProblemSchema.parse(
        (await change('wrong-current-password', 'another-strong-phrase-7')).json(),
      ).code,
    ).toBe('INVALID_CREDENTIALS');
    expect(ProblemSchema.parse((await change(STRONG, 'qwertyuiop123')).json()).code).toBe(
      'PASSWORD_POLICY',
    );
    expect(ProblemSchema.parse((await change(STRONG, STRONG)).json()).code).toBe('PASSWORD_POLICY');
    expect((await change(STRONG, 'another-strong-phrase-7')).statusCode).toBe(204);
  });
});
