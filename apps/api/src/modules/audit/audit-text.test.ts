// Text that leaves the audit log: CSV cells never become spreadsheet formulas, and searches take
// `%`, `_` and `\` literally instead of as LIKE wildcards.
import { randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { AuditPage } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  type TestContext,
} from '../../../test/test-app.js';
import { recordAudit } from './audit.service.js';

let ctx: TestContext;
let adminToken: string;

beforeAll(async () => {
  ctx = await createTestApp();
  adminToken = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
});
afterAll(() => ctx.close());

async function exportCsv(query: string): Promise<Record<string, string>[]> {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/audit/export?format=csv&${query}`,
    headers: bearer(adminToken),
  });
  expect(response.statusCode).toBe(200);
  return parseCsv<Record<string, string>>(response.body, { columns: true, relax_quotes: true });
}

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];
const TEXT_FIELDS = [
  'actorEmail',
  'action',
  'targetType',
  'targetId',
  'ip',
  'userAgent',
  'requestId',
] as const;

describe('audit CSV export', () => {
  it('neutralises the user agent of a failed sign-in (=HYPERLINK)', async () => {
    const email = `csv-${randomUUID()}@example.test`;
    const userAgent = '=HYPERLINK("http://x","y")';
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'user-agent': userAgent },
      payload: { email, password: 'wrong-password' },
    });
    expect(login.statusCode).toBe(401);
    const rows = await exportCsv(`actor=${encodeURIComponent(email)}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userAgent).toBe(`'${userAgent}`);
  });

  it('neutralises a request id that starts with "-"', async () => {
    const email = `csv-${randomUUID()}@example.test`;
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-request-id': '-2-3.cmd.calc' },
      payload: { email, password: 'wrong-password' },
    });
    const rows = await exportCsv(`actor=${encodeURIComponent(email)}`);
    expect(rows[0]!.requestId).toBe("'-2-3.cmd.calc");
  });

  it.each(TEXT_FIELDS.flatMap((field) => FORMULA_STARTS.map((start) => [field, start] as const)))(
    'prefixes a %s cell starting with %j so it stays text',
    async (field, start) => {
      const actorId = randomUUID();
      const value = `${start}HYPERLINK("http://evil.test","click")`;
      await recordAudit(ctx.db, {
        action: 'test.csv',
        outcome: 'failure',
        actorId,
        actorEmail: 'plain@example.test',
        [field]: value,
      });
      const rows = await exportCsv(`actor=${actorId}`);
      expect(rows).toHaveLength(1);
      expect(rows[0]![field]).toBe(`'${value}`);
    },
  );

  it('keeps details as JSON (never a formula) whatever its values hold', async () => {
    const actorId = randomUUID();
    await recordAudit(ctx.db, {
      action: 'test.csv',
      outcome: 'success',
      actorId,
      details: { email: '=1+1', note: '@SUM(A1)' },
    });
    const [row] = await exportCsv(`actor=${actorId}`);
    expect(row!.details!.startsWith('{')).toBe(true);
    expect(JSON.parse(row!.details!)).toEqual({ email: '=1+1', note: '@SUM(A1)' });
    // Server-made cells are left alone.
    expect(row!.seq).toMatch(/^\d+$/);
    expect(row!.at).toMatch(/^\d{4}-/);
    expect(row!.actorId).toBe(actorId);
    expect(row!.outcome).toBe('success');
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('audit search', () => {
  const marker = `like${Date.now()}`;
  beforeAll(async () => {
    for (const targetId of [`${marker}-100%`, `${marker}-a_b`, `${marker}-c\\d`, `${marker}-plain`])
      await recordAudit(ctx.db, { action: 'test.like', outcome: 'success', targetId });
  });

  async function search(query: string): Promise<string[]> {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?limit=500&${query}`,
      headers: bearer(adminToken),
    });
    expect(response.statusCode).toBe(200);
    return AuditPage.parse(response.json()).items.map((event) => event.targetId ?? '');
  }

  it('q=% matches only events holding a literal %', async () => {
    const found = await search(`action=test.like&q=${encodeURIComponent('%')}`);
    expect(found).toEqual([`${marker}-100%`]);
  });

  it('q=_ matches only events holding a literal _', async () => {
    const found = await search(`action=test.like&q=${encodeURIComponent('_')}`);
    expect(found).toEqual([`${marker}-a_b`]);
  });

  it('q with a backslash matches it literally', async () => {
    const found = await search(`action=test.like&q=${encodeURIComponent('c\\d')}`);
    expect(found).toEqual([`${marker}-c\\d`]);
  });

  it('a bare % matches nothing in the other searched fields either', async () => {
    const everything = await search(`q=${encodeURIComponent('%')}`);
    expect(everything.every((targetId) => targetId.includes('%'))).toBe(true);
  });

  it('searches the email in details literally too', async () => {
    for (const [targetId, email] of [
      ['underscore', `a_b${marker}@example.test`],
      ['letter', `axb${marker}@example.test`],
    ] as const)
      await recordAudit(ctx.db, {
        action: 'test.like-details',
        outcome: 'success',
        targetId,
        details: { email },
      });
    const found = await search(`action=test.like-details&q=${encodeURIComponent(`a_b${marker}`)}`);
    expect(found).toEqual(['underscore']);
  });

  it('actor=% is not a wildcard for the actor email', async () => {
    expect(await search(`actor=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await search(`actor=${encodeURIComponent('_%@example.test')}`)).toEqual([]);
  });

  it('an action prefix takes % and _ literally', async () => {
    expect(await search(`action=${encodeURIComponent('%.')}`)).toEqual([]);
    expect(await search(`action=${encodeURIComponent('test_like.')}`)).toEqual([]);
  });
});
