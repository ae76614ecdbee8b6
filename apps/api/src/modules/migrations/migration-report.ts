// The final report of a migration job: totals, duration and average speed, the failed objects
// with their reasons (JSON), and every object with its outcome as a formula-safe CSV stream.
import { type Readable } from 'node:stream';
import type { MigrationReport } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { csvWriter } from '../../lib/csv-writer.js';
import { getMigration, type MigrationsDeps } from './migrations.service.js';

const MAX_FAILURES_IN_JSON = 10_000;
const CSV_PAGE = 2000;

export async function migrationReport(deps: MigrationsDeps, id: string): Promise<MigrationReport> {
  const view = await getMigration(deps, id);
  const failures = await deps.db.migrationItem.findMany({
    where: { jobId: id, state: 'failed' },
    orderBy: { id: 'asc' },
    take: MAX_FAILURES_IN_JSON,
    select: { key: true, size: true, reason: true },
  });
  const dryRun = view.options.dryRun;
  return {
    id: view.id,
    state: view.state,
    dryRun,
    source: view.source,
    destination: view.destination,
    copied: view.counts.copied,
    skipped: view.counts.skipped,
    failed: view.counts.failed,
    planned: dryRun ? view.counts.pending : { objects: 0, bytes: 0 },
    failures: failures.map((row) => ({
      key: row.key,
      size: Number(row.size),
      reason: row.reason ?? '',
    })),
    startedAt: view.startedAt,
    finishedAt: view.finishedAt,
    durationMs: view.durationMs,
    averageBytesPerSecond: view.averageBytesPerSecond,
  };
}

/** Every item (key order of the listing), streamed page by page. */
export function migrationReportCsv(db: Db, id: string): Readable {
  const csv = csvWriter(['key', 'size', 'state', 'reason', 'attempts', 'updated_at'] as const);
  const pump = async () => {
    let after = -1n;
    for (;;) {
      const rows = await db.migrationItem.findMany({
        where: { jobId: id, id: { gt: after } },
        orderBy: { id: 'asc' },
        take: CSV_PAGE,
      });
      for (const row of rows)
        if (
          !csv.write({
            key: row.key,
            size: String(row.size),
            state: row.state,
            reason: row.reason ?? '',
            attempts: String(row.attempts),
            updated_at: row.updatedAt.toISOString(),
          })
        )
          await new Promise((resolve) => csv.once('drain', resolve));
      if (rows.length < CSV_PAGE) break;
      after = rows.at(-1)!.id;
    }
    csv.end();
  };
  pump().catch((error: unknown) => csv.destroy(error as Error));
  return csv;
}
