// The audit table on real PostgreSQL: append-only by trigger, chained, and verifiable.
import pg from 'pg';
import { databaseUrl } from '../../../test/test-app.js';
import { createPrisma, type Db } from '../../db/prisma.js';
import { recordAudit, verifyAuditChain } from './audit.service.js';

let db: Db;
let client: pg.Client;

beforeAll(async () => {
  db = createPrisma(databaseUrl());
  client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
});
afterAll(async () => {
  await db.$disconnect();
  await client.end();
});

async function latestSeq(): Promise<bigint> {
  const last = await db.auditEvent.findFirst({ orderBy: { seq: 'desc' } });
  return last!.seq;
}

describe('audit log', () => {
  it('links each event to the previous one, also under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        recordAudit(db, { action: 'test.concurrent', outcome: 'success', details: { i } }),
      ),
    );
    const rows = await db.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: rows.length });
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    await recordAudit(db, { action: 'test.append_only', outcome: 'success' });
    const seq = await latestSeq();
    await expect(
      client.query(`UPDATE audit_events SET action = 'x' WHERE seq = $1`, [seq]),
    ).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(client.query(`DELETE FROM audit_events WHERE seq = $1`, [seq])).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(client.query(`TRUNCATE audit_events`)).rejects.toThrow(
      /append-only: TRUNCATE refused/,
    );
  });

  it('verification reports the first row edited behind the trigger', async () => {
    await recordAudit(db, { action: 'test.before', outcome: 'success' });
    await recordAudit(db, {
      action: 'test.victim',
      outcome: 'failure',
      actorEmail: 'mallory@example.test',
    });
    const victim = await latestSeq();
    await recordAudit(db, { action: 'test.after', outcome: 'success' });

    // An attacker with superuser rights can bypass the trigger; the chain still gives them away.
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(`UPDATE audit_events SET outcome = 'success' WHERE seq = $1`, [victim]);
    await client.query('COMMIT');
    try {
      const result = await verifyAuditChain(db);
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toEqual({ seq: victim, reason: 'hash_mismatch' });
    } finally {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(`UPDATE audit_events SET outcome = 'failure' WHERE seq = $1`, [victim]);
      await client.query('COMMIT');
    }
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
