// The start-up migration runner: applies pending files once, in order, records Prisma-compatible
// rows, and refuses to run when an applied migration was edited afterwards.
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { REPO_ROOT, WORKER_ID, databaseUrl, testTmpDir } from '../../test/test-app.js';
import { migrate, readMigrations } from './migrate.js';

const MIGRATIONS = path.join(REPO_ROOT, 'prisma/migrations');
let admin: pg.Client;
let scratchUrl: string;
const scratchDb = `s3am_migrate_test_${process.pid}_${WORKER_ID}`;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: databaseUrl() });
  await admin.connect();
});
beforeEach(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${scratchDb} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${scratchDb}`);
  const url = new URL(databaseUrl());
  url.pathname = `/${scratchDb}`;
  scratchUrl = url.toString();
});
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${scratchDb} WITH (FORCE)`);
  await admin.end();
});

async function appliedRows() {
  const client = new pg.Client({ connectionString: scratchUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
    }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('migrate', () => {
  it('applies every migration once and records it with its sha256 checksum', async () => {
    const files = await readMigrations(MIGRATIONS);
    const first = await migrate(scratchUrl, MIGRATIONS);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const second = await migrate(scratchUrl, MIGRATIONS);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });
    const rows = await appliedRows();
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      files.map((f) => [f.name, f.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it('applies concurrently started runs exactly once (advisory lock)', async () => {
    const results = await Promise.all([
      migrate(scratchUrl, MIGRATIONS),
      migrate(scratchUrl, MIGRATIONS),
      migrate(scratchUrl, MIGRATIONS),
    ]);
    const files = await readMigrations(MIGRATIONS);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(files.map((f) => f.name).sort());
    expect(await appliedRows()).toHaveLength(files.length);
  });

  it('refuses to run when an applied migration file was edited', async () => {
    const dir = await mkdtemp(path.join(testTmpDir(), 'migrations-'));
    await cp(MIGRATIONS, dir, { recursive: true });
    await migrate(scratchUrl, dir);
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited`);
    await expect(migrate(scratchUrl, dir)).rejects.toThrow(
      `Migration ${first!.name} was modified after it was applied`,
    );
  });

  it('rolls back a failing migration completely and reports which one failed', async () => {
    const dir = await mkdtemp(path.join(testTmpDir(), 'migrations-'));
    await cp(MIGRATIONS, dir, { recursive: true });
    await mkdir(path.join(dir, '29990101000000_broken'));
    await writeFile(
      path.join(dir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE half_done (id int); SELECT * FROM missing_table;',
    );
    await expect(migrate(scratchUrl, dir)).rejects.toThrow(
      'Migration 29990101000000_broken failed',
    );
    const rows = await appliedRows();
    expect(rows.map((r) => r.migration_name)).not.toContain('29990101000000_broken');
    const client = new pg.Client({ connectionString: scratchUrl });
    await client.connect();
    const { rowCount } = await client.query(
      `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`,
    );
    await client.end();
    expect(rowCount).toBe(0);
  });
});
