// /api/audit: admin-only listing with filters and keyset pages, exports that parse, verification.
import { parse as parseCsv } from 'csv-parse/sync';
import pg from 'pg';
import { AuditEventView, AuditPage, AuditVerifyResult, ProblemSchema } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  databaseUrl,
  type TestContext,
  type UserFixture,
} from '../../../test/test-app.js';
import { recordAudit } from './audit.service.js';

let ctx: TestContext;
let admin: UserFixture;
let adminToken: string;
const marker = `m${Date.now()}`;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await createUser(ctx.db, { role: 'admin' });
  adminToken = await accessTokenFor(ctx, admin);
  for (let i = 0; i < 5; i++) {
    await recordAudit(ctx.db, {
      action: `test.${marker}`,
      outcome: i % 2 ? 'failure' : 'success',
      actorEmail: `${marker}@example.test`,
      details: { i, note: 'comma, "quote"' },
    });
  }
});
afterAll(() => ctx.close());

function getAudit(query: string, token = adminToken) {
  return ctx.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: bearer(token) });
}

describe('GET /api/audit', () => {
  it('filters by action and outcome, newest first', async () => {
    const response = await getAudit(`action=test.${marker}&outcome=failure`);
    expect(response.statusCode).toBe(200);
    const page = AuditPage.parse(response.json());
    expect(page.items.map((e) => e.details.i)).toEqual([3, 1]);
    expect(page.items.every((e) => e.outcome === 'failure')).toBe(true);
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const response = await getAudit(`q=${marker}&limit=2${cursor ? `&before=${cursor}` : ''}`);
      const page = AuditPage.parse(response.json());
      seen.push(...page.items.map((e) => e.details.i));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0]);
  });

  it('finds events by actor email and by action prefix', async () => {
    const byActor = AuditPage.parse(
      (await getAudit(`actor=${marker.toUpperCase()}@EXAMPLE.TEST`)).json(),
    );
    expect(byActor.items).toHaveLength(5);
    const byPrefix = AuditPage.parse((await getAudit('action=auth.&limit=500')).json());
    expect(byPrefix.items.length).toBeGreaterThan(0);
    expect(byPrefix.items.every((e) => e.action.startsWith('auth.'))).toBe(true);
  });

  it('rejects a malformed cursor with VALIDATION', async () => {
    const response = await getAudit('before=abc');
    expect(response.statusCode).toBe(400);
    expect(ProblemSchema.parse(response.json()).code).toBe('VALIDATION');
  });

  it.each(['uploader', 'viewer'] as const)(
    'refuses a %s with 403 and audits the attempt',
    async (role) => {
      const user = await createUser(ctx.db, { role });
      const token = await accessTokenFor(ctx, user);
      for (const request of [
        { method: 'GET' as const, url: '/api/audit' },
        { method: 'GET' as const, url: '/api/audit/export' },
        { method: 'POST' as const, url: '/api/audit/verify' },
      ]) {
        const response = await ctx.app.inject({ ...request, headers: bearer(token) });
        expect(response.statusCode).toBe(403);
        expect(ProblemSchema.parse(response.json()).code).toBe('FORBIDDEN');
      }
      const denied = await ctx.db.auditEvent.findMany({
        where: { action: 'access.denied', actorId: user.id },
      });
      expect(denied.map((e) => (e.details as { route: string }).route).sort()).toEqual([
        '/api/audit',
        '/api/audit/export',
        '/api/audit/verify',
      ]);
    },
  );
});

describe('GET /api/audit/export', () => {
  it('exports NDJSON, one valid event per line, oldest first', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit/export?format=ndjson&action=test.${marker}`,
      headers: bearer(adminToken),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-ndjson');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="audit-.*\.ndjson"/,
    );
    const events = response.body
      .trim()
      .split('\n')
      .map((line) => AuditEventView.parse(JSON.parse(line)));
    expect(events.map((e) => e.details.i)).toEqual([0, 1, 2, 3, 4]);
  });

  it('exports CSV with a header row and quoting that survives commas and quotes', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit/export?format=csv&action=test.${marker}`,
      headers: bearer(adminToken),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const rows = parseCsv<Record<string, string>>(response.body, { columns: true });
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({
      action: `test.${marker}`,
      outcome: 'success',
      actorEmail: `${marker}@example.test`,
    });
    expect(JSON.parse(rows[0]!.details!)).toEqual({ i: 0, note: 'comma, "quote"' });
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records who exported', async () => {
    const event = await ctx.db.auditEvent.findFirst({
      where: { action: 'audit.export', actorId: admin.id },
      orderBy: { seq: 'desc' },
    });
    expect(event?.outcome).toBe('success');
  });
});

describe('POST /api/audit/verify', () => {
  it('reports an intact chain, then the first row edited directly in the database', async () => {
    const intact = AuditVerifyResult.parse(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/audit/verify',
          headers: bearer(adminToken),
        })
      ).json(),
    );
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(5);

    const victim = await ctx.db.auditEvent.findFirst({
      where: { action: `test.${marker}` },
      orderBy: { seq: 'asc' },
    });
    const client = new pg.Client({ connectionString: databaseUrl() });
    await client.connect();
    const setActorEmail = async (email: string) => {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query('UPDATE audit_events SET actor_email = $1 WHERE seq = $2', [
        email,
        victim!.seq,
      ]);
      await client.query('COMMIT');
    };
    try {
      await setActorEmail('someone-else@example.test');
      const broken = AuditVerifyResult.parse(
        (
          await ctx.app.inject({
            method: 'POST',
            url: '/api/audit/verify',
            headers: bearer(adminToken),
          })
        ).json(),
      );
      expect(broken).toMatchObject({
        ok: false,
        firstBroken: { seq: victim!.seq.toString(), reason: 'hash_mismatch' },
      });
    } finally {
      await setActorEmail(victim!.actorEmail!);
      await client.end();
    }
  });
});
