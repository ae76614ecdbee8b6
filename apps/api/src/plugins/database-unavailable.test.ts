// While PostgreSQL cannot be reached, requests answer 503 DATABASE_UNAVAILABLE with Retry-After
// (not 500), /ready says not ready, and everything works again once the database is back —
// against a real throwaway database that stops accepting connections, and a port with no server.
import pg from 'pg';
import { ProblemSchema, ReadyResponse } from '@s3am/contracts';
import {
  WORKER_ID,
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  databaseUrl,
  templateDatabase,
  type TestContext,
} from '../../test/test-app.js';
import { freePort } from '../../test/api-process.js';

const outageDb = `s3am_outage_${process.pid}_w${WORKER_ID}`;
const withDatabase = (name: string) => {
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
};
let admin: pg.Client;
let ctx: TestContext;

async function expectUnavailable(response: {
  statusCode: number;
  headers: Record<string, unknown>;
  json: () => unknown;
}) {
  expect(response.statusCode).toBe(503);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['retry-after']).toBe('5');
  expect(ProblemSchema.parse(response.json()).code).toBe('DATABASE_UNAVAILABLE');
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: withDatabase('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${outageDb} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${outageDb} TEMPLATE ${templateDatabase()}`);
  ctx = await createTestApp({ databaseUrl: withDatabase(outageDb) });
});

afterAll(async () => {
  await ctx.close();
  await admin.query(`ALTER DATABASE ${outageDb} ALLOW_CONNECTIONS true`);
  await admin.query(`DROP DATABASE IF EXISTS ${outageDb} WITH (FORCE)`);
  await admin.end();
});

it('answers 503 with Retry-After while the database refuses connections, and recovers by itself', async () => {
  const user = await createUser(ctx.db);
  const token = await accessTokenFor(ctx, user);
  expect((await ctx.app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);

  // The outage: open connections are cut and new ones refused (as while the server restarts).
  await admin.query(`ALTER DATABASE ${outageDb} ALLOW_CONNECTIONS false`);
  await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [outageDb],
  );
  await expectUnavailable(await ctx.app.inject({ url: '/api/me', headers: bearer(token) }));
  await expectUnavailable(await ctx.app.inject({ url: '/api/me', headers: bearer(token) }));
  await expectUnavailable(
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    }),
  );
  const ready = await ctx.app.inject({ url: '/ready' });
  expect(ready.statusCode).toBe(503);
  expect(ReadyResponse.parse(ready.json()).checks.database.ok).toBe(false);

  await admin.query(`ALTER DATABASE ${outageDb} ALLOW_CONNECTIONS true`);
  expect((await ctx.app.inject({ url: '/api/me', headers: bearer(token) })).statusCode).toBe(200);
  expect((await ctx.app.inject({ url: '/ready' })).statusCode).toBe(200);
});

it('answers 503 when nothing listens where the database should be', async () => {
  const url = new URL(databaseUrl());
  url.port = String(await freePort());
  const unreachable = await createTestApp({ databaseUrl: url.toString() });
  try {
    await expectUnavailable(
      await unreachable.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'someone@example.test', password: 'whatever-it-is' },
      }),
    );
    expect((await unreachable.app.inject({ url: '/ready' })).statusCode).toBe(503);
  } finally {
    await unreachable.close();
  }
});
