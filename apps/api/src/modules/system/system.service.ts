// Readiness checks shared by /ready and the status endpoint.
import type { ReadyResponse } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';

export interface Readiness extends ReadyResponse {
  /** How many migrations the database has applied (shown on the dashboard). */
  appliedMigrations: number;
}

/** `expectedMigrations`: the migration names shipped with this build (read once at start-up). */
export async function checkReadiness(
  db: Db,
  expectedMigrations: readonly string[],
): Promise<Readiness> {
  let appliedMigrations = 0;
  let database: ReadyResponse['checks']['database'] = { ok: true };
  let migrations: ReadyResponse['checks']['migrations'] = { ok: false, detail: 'not checked' };
  try {
    const rows = await db.$queryRaw<
      { migration_name: string }[]
    >`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((row) => row.migration_name));
    appliedMigrations = applied.size;
    const pending = expectedMigrations.filter((name) => !applied.has(name)).length;
    migrations =
      pending === 0 ? { ok: true } : { ok: false, detail: `${pending} migration(s) pending` };
  } catch {
    database = { ok: false, detail: 'database unreachable' };
  }
  const ok = database.ok && migrations.ok;
  return {
    status: ok ? 'ready' : 'not_ready',
    checks: { database, migrations },
    appliedMigrations,
  };
}
