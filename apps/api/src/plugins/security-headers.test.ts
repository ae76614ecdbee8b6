// Security headers: every answer (API, docs, SPA, errors, 429s) carries them; answers that carry
// tokens or secrets are never stored; the SPA's CSP admits the plain-http S3 endpoints it uses.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { totpCode } from '../lib/totp.js';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3,
  REPO_ROOT,
  refreshCookieFrom,
  testTmpDir,
  type TestContext,
} from '../../test/test-app.js';
import {
  contentSecurityPolicyDirectives,
  formatContentSecurityPolicy,
} from './security-headers.js';

let ctx: TestContext;
let webDist: string;

beforeAll(async () => {
  webDist = await mkdtemp(path.join(testTmpDir(), 'web-dist-'));
  await mkdir(path.join(webDist, 'assets'));
  await writeFile(
    path.join(webDist, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>',
  );
  await writeFile(path.join(webDist, 'assets', 'app.js'), 'export {};');
  ctx = await createTestApp({ env: { WEB_DIST_DIR: webDist } });
});
afterAll(() => ctx.close());

function directivesOf(header: string | string[] | number | undefined): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name ?? '', values]),
  );
}

function expectBaseline(headers: Record<string, string | string[] | number | undefined>): void {
  const csp = directivesOf(headers['content-security-policy']);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');
}

describe('headers on every answer', () => {
  it.each([
    ['the health probe', '/health'],
    ['an API error', '/api/me'],
    ['an unknown API route', '/api/nope'],
    ['the OpenAPI document', '/openapi.json'],
    ['the interactive docs (a page of the SPA)', '/docs'],
    ['the SPA', '/'],
    ['a client-side route of the SPA', '/files'],
    ['a built asset', '/assets/app.js'],
  ])('%s (%s)', async (_what, url) => {
    const response = await ctx.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBeLessThan(500);
    expectBaseline(response.headers);
  });

  it('a 429 from the rate limiter', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_MAX: '1' } });
    try {
      await limited.app.inject({ method: 'GET', url: '/health' });
      const response = await limited.app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(429);
      expectBaseline(response.headers);
    } finally {
      await limited.close();
    }
  });

  it('sends HSTS only when PUBLIC_URL is https', async () => {
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/health' })).headers[
        'strict-transport-security'
      ],
    ).toBeUndefined();
    const secure = await createTestApp({ env: { PUBLIC_URL: 'https://files.example.test' } });
    try {
      const response = await secure.app.inject({ method: 'GET', url: '/health' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await secure.close();
    }
  });
});

describe('Cache-Control: no-store on answers that carry credentials', () => {
  it('login and refresh (access token, refresh cookie)', async () => {
    const user = await createUser(ctx.db);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const refresh = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      cookies: { s3am_refresh: refreshCookieFrom(login) },
    });
    expect(refresh.statusCode).toBe(200);
    expect(refresh.headers['cache-control']).toBe('no-store');
  });

  it('2FA set-up (secret), enabling (recovery codes) and the second-factor login', async () => {
    const user = await createUser(ctx.db);
    const auth = bearer(await accessTokenFor(ctx, user));
    const setup = await ctx.app.inject({ method: 'POST', url: '/api/me/2fa/setup', headers: auth });
    expect(setup.statusCode).toBe(200);
    expect(setup.headers['cache-control']).toBe('no-store');
    const secret = setup.json<{ secret: string }>().secret;
    const enable = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/2fa/enable',
      headers: auth,
      payload: { code: totpCode(secret, new Date()) },
    });
    expect(enable.statusCode).toBe(200);
    expect(enable.headers['cache-control']).toBe('no-store');
    const recoveryCode = enable.json<{ recoveryCodes: string[] }>().recoveryCodes[0];
    const verified = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password, recoveryCode },
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.headers['cache-control']).toBe('no-store');
  });

  it('a new API token and a user created with a one-time password', async () => {
    const admin = await createUser(ctx.db, { role: 'admin' });
    const auth = bearer(await accessTokenFor(ctx, admin));
    const token = await ctx.app.inject({
      method: 'POST',
      url: '/api/me/tokens',
      headers: auth,
      payload: { name: 'ci', scopes: ['read'] },
    });
    expect(token.statusCode).toBe(201);
    expect(token.headers['cache-control']).toBe('no-store');
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: auth,
      payload: { email: `new-${Date.now()}@example.test`, role: 'viewer' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
  });

  it('every other API answer too, errors included', async () => {
    for (const url of ['/api/me', '/api/nope', '/s3/params']) {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('the SPA document', () => {
  it('admits plain-http S3 endpoints of registered connections, and any https one', async () => {
    await createLocalConnection(ctx.db);
    const response = await ctx.app.inject({ method: 'GET', url: '/uploads' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    const connectSrc = directivesOf(response.headers['content-security-policy']).get('connect-src');
    expect(connectSrc).toEqual(
      expect.arrayContaining(["'self'", 'https:', new URL(localS3().endpoint).origin]),
    );
    expect(connectSrc).not.toContain('http:');
    expect(connectSrc).not.toContain('*');
  });

  it('lets audio and video previews play from the same storage origins (media-src)', async () => {
    await createLocalConnection(ctx.db);
    const response = await ctx.app.inject({ method: 'GET', url: '/files' });
    const directives = directivesOf(response.headers['content-security-policy']);
    const mediaSrc = directives.get('media-src');
    expect(mediaSrc).toEqual(
      expect.arrayContaining(["'self'", 'https:', new URL(localS3().endpoint).origin]),
    );
    expect(mediaSrc).toEqual(directives.get('connect-src'));
    expect(mediaSrc).not.toContain('http:');
    expect(mediaSrc).not.toContain('*');
  });

  it('is the policy apps/web/nginx.conf sends with the SPA, plus the compose S3 endpoint', async () => {
    const nginx = await readFile(path.join(REPO_ROOT, 'apps/web/nginx.conf'), 'utf8');
    const header = (name: string) =>
      new RegExp(`add_header ${name} "([^"]*)" always;`).exec(nginx)?.[1];
    expect(header('Content-Security-Policy')).toBe(
      formatContentSecurityPolicy(contentSecurityPolicyDirectives(['http://localhost:8333'])),
    );
    const api = (await ctx.app.inject({ method: 'GET', url: '/health' })).headers;
    for (const name of [
      'X-Content-Type-Options',
      'Referrer-Policy',
      'Cross-Origin-Opener-Policy',
      'Cross-Origin-Resource-Policy',
      'X-Frame-Options',
    ])
      expect([name, header(name)]).toEqual([name, api[name.toLowerCase()]]);
    expect(nginx).toMatch(/location ~ \^\/\(api\/\|s3\/\|/);
  });
});
