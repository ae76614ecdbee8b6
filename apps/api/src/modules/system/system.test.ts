// Health, readiness, metrics, OpenAPI, and the problem+json shape of every kind of failure.
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ProblemSchema, ReadyResponse, SystemStatus } from '@s3am/contracts';
import { readMigrations } from '../../db/migrate.js';
import { startMetricsServer } from '../../plugins/metrics.js';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  redisUrl,
  testTmpDir,
  type TestContext,
} from '../../../test/test-app.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp({
    extend: (app) => {
      app.get('/api/test/explode', () => {
        throw new Error('relation "secret_table" does not exist: SELECT password FROM users');
      });
    },
  });
});
afterAll(() => ctx.close());

describe('probes', () => {
  it('GET /health answers ok', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready reports the database reachable and every migration applied', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(ReadyResponse.parse(response.json())).toEqual({
      status: 'ready',
      checks: { database: { ok: true }, migrations: { ok: true } },
    });
  });

  it('GET /ready answers 503 when this build ships a migration the database lacks', async () => {
    const stale = await createTestAppWithExtraMigration();
    try {
      const response = await stale.app.inject({ method: 'GET', url: '/ready' });
      expect(response.statusCode).toBe(503);
      expect(ReadyResponse.parse(response.json()).checks.migrations).toEqual({
        ok: false,
        detail: '1 migration(s) pending',
      });
    } finally {
      await stale.close();
    }
  });

  it('GET /metrics exposes Prometheus metrics including request durations', async () => {
    await ctx.app.inject({ method: 'GET', url: '/health' });
    const response = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toMatch(
      /s3am_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
    expect(response.body).toContain('s3am_process_cpu_user_seconds_total');
  });
});

describe('GET /api/system/status', () => {
  it('reports version, database, applied migrations and counts to an admin', async () => {
    const token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/system/status',
      headers: bearer(token),
    });
    expect(response.statusCode).toBe(200);
    const status = SystemStatus.parse(response.json());
    const shipped = await readMigrations(ctx.config.MIGRATIONS_DIR);
    expect(status.database).toEqual({ ok: true, migrationsApplied: shipped.length });
    expect(status.users.count).toBeGreaterThanOrEqual(1);
    expect(status.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(['viewer', 'uploader'] as const)(
    'refuses the %s role: user and connection counts are for admins',
    async (role) => {
      const token = await accessTokenFor(ctx, await createUser(ctx.db, { role }));
      const response = await ctx.app.inject({
        method: 'GET',
        url: '/api/system/status',
        headers: bearer(token),
      });
      expect(response.statusCode).toBe(403);
      expect(ProblemSchema.parse(response.json()).code).toBe('FORBIDDEN');
      expect(response.body).not.toMatch(/count/);
    },
  );

  it('is not public', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/system/status' })).statusCode).toBe(
      401,
    );
  });
});

describe('/metrics protection', () => {
  const METRICS_TOKEN = 'scrape-token-0123456789abcdef';

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const guarded = await createTestApp({ env: { METRICS_TOKEN } });
    try {
      const get = (headers: Record<string, string> = {}) =>
        guarded.app.inject({ method: 'GET', url: '/metrics', headers });
      const anonymous = await get();
      expect(anonymous.statusCode).toBe(401);
      expect(ProblemSchema.parse(anonymous.json()).code).toBe('UNAUTHENTICATED');
      expect(anonymous.body).not.toContain('s3am_');
      expect((await get(bearer('scrape-token-0123456789abcdeX'))).statusCode).toBe(401);
      expect((await get(bearer('short'))).statusCode).toBe(401);
      const scraped = await get(bearer(METRICS_TOKEN));
      expect(scraped.statusCode).toBe(200);
      expect(scraped.body).toContain('s3am_process_cpu_user_seconds_total');
    } finally {
      await guarded.close();
    }
  });

  it('moves to its own port with METRICS_PORT (the API port answers 404), token included', async () => {
    const internal = await createTestApp({ env: { METRICS_PORT: '0', METRICS_TOKEN } });
    const server = await startMetricsServer(internal.app.metrics, {
      host: '127.0.0.1',
      port: internal.config.METRICS_PORT ?? 0,
      token: internal.config.METRICS_TOKEN,
    });
    try {
      const onApiPort = await internal.app.inject({ method: 'GET', url: '/metrics' });
      expect(onApiPort.statusCode).toBe(404);
      await internal.app.inject({ method: 'GET', url: '/health' });
      expect((await fetch(server.url)).status).toBe(401);
      const scraped = await fetch(server.url, { headers: bearer(METRICS_TOKEN) });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(
        /s3am_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
      );
      expect((await fetch(server.url.replace('/metrics', '/api/me'))).status).toBe(404);
    } finally {
      await server.close();
      await internal.close();
    }
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the contracts', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/me',
        '/health',
        '/ready',
        '/api/users',
        '/api/users/{id}',
        '/api/me/password',
        '/api/audit',
        '/api/audit/export',
        '/api/audit/verify',
        '/api/connections',
        '/api/connections/{id}/test',
      ]),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['LoginRequest', 'TokenResponse', 'Problem', 'User', 'AuditEvent']),
    );
  });

  it('leaves /docs to the web app, whose API reference page reads /openapi.json', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/docs' });
    // The test app serves no built web app: the API itself has no /docs route any more.
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).not.toContain('swagger');
  });
});

describe('problem+json errors', () => {
  it('reports a validation failure with code VALIDATION and the failing fields', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = ProblemSchema.parse(response.json());
    expect(problem).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      title: 'Invalid request',
      instance: '/api/auth/login',
    });
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['body.email', 'body.password']);
    expect(problem.requestId).toBe(response.headers['x-request-id']);
  });

  it('reports malformed JSON as VALIDATION, not a server error', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(response.statusCode).toBe(400);
    expect(ProblemSchema.parse(response.json()).code).toBe('VALIDATION');
  });

  it('answers unknown routes with 404 NOT_FOUND', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(ProblemSchema.parse(response.json()).code).toBe('NOT_FOUND');
  });

  it('answers an unexpected failure with 500 and a request id, never internals', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/test/explode',
      headers: { 'x-request-id': 'req-from-caller-123' },
    });
    expect(response.statusCode).toBe(500);
    const problem = ProblemSchema.parse(response.json());
    expect(problem.code).toBe('INTERNAL');
    expect(problem.requestId).toBe('req-from-caller-123');
    expect(response.body).not.toMatch(/secret_table|SELECT|password|stack/i);
  });
});

describe('rate limiting', () => {
  it('answers 429 RATE_LIMITED with Retry-After once the limit is used up, unknown routes included', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_MAX: '3' } });
    try {
      const statuses: number[] = [];
      for (const url of ['/health', '/api/nope', '/health']) {
        statuses.push((await limited.app.inject({ method: 'GET', url })).statusCode);
      }
      expect(statuses).toEqual([200, 404, 200]);
      const response = await limited.app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(429);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(ProblemSchema.parse(response.json()).code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('shares counters between API instances through Redis when REDIS_URL is set', async () => {
    const env = {
      RATE_LIMIT_MAX: '3',
      REDIS_URL: redisUrl(),
      RATE_LIMIT_NAMESPACE: `s3am-test-${process.pid}-${Date.now()}:`,
    };
    const [first, second] = await Promise.all([createTestApp({ env }), createTestApp({ env })]);
    try {
      expect((await first.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect((await second.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect((await first.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect((await second.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(429);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('limits login attempts more strictly than other routes', async () => {
    const limited = await createTestApp({ env: { AUTH_RATE_LIMIT_MAX: '2' } });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'x@example.test', password: 'wrong-password' },
        });
      expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(429);
      expect((await limited.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

async function createTestAppWithExtraMigration(): Promise<TestContext> {
  const dir = await mkdtemp(path.join(testTmpDir(), 'migrations-'));
  await cp(ctx.config.MIGRATIONS_DIR, dir, { recursive: true });
  await mkdir(path.join(dir, '29991231000000_future'));
  await writeFile(path.join(dir, '29991231000000_future', 'migration.sql'), 'SELECT 1;');
  return createTestApp({ env: { MIGRATIONS_DIR: dir } });
}
