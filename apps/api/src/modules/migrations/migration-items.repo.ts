// Item-row writes of a running job: claiming a batch of pending objects, recording outcomes in
// batches (one UPDATE for many rows), and handing back what a dead worker left in flight.
import type { Db } from '../../db/prisma.js';

export interface ClaimedItem {
  id: bigint;
  key: string;
  size: bigint;
  etag: string | null;
  lastModified: Date | null;
  attempts: number;
  recheck: boolean;
}

/** Marks up to `limit` pending items as copying (in key-listing order) and returns them. */
export function claimPendingItems(db: Db, jobId: string, limit: number): Promise<ClaimedItem[]> {
  return db.$queryRaw<ClaimedItem[]>`
    UPDATE migration_items SET state = 'copying', attempts = attempts + 1, updated_at = now()
    WHERE id IN (
      SELECT id FROM migration_items WHERE job_id = ${jobId}::uuid AND state = 'pending'
        -- A paused or cancelled job claims nothing more, whichever process the pause came through.
        AND EXISTS (SELECT 1 FROM migration_jobs WHERE id = ${jobId}::uuid AND state = 'running')
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, key, size, etag, last_modified AS "lastModified", attempts, recheck`;
}

export interface ItemOutcome {
  id: bigint;
  state: 'copied' | 'skipped' | 'failed' | 'pending';
  reason: string | null;
}

/** One UPDATE for a batch of outcomes (the values travel as parameters, never as SQL). */
export async function recordOutcomes(db: Db, outcomes: readonly ItemOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await db.$executeRaw`
    UPDATE migration_items AS item
    SET state = o.state::"MigrationItemState", reason = o.reason, recheck = false,
        upload_id = NULL, updated_at = now()
    FROM unnest(${outcomes.map((o) => o.id)}::bigint[], ${outcomes.map((o) => o.state)}::text[],
                ${outcomes.map((o) => o.reason)}::text[]) AS o(id, state, reason)
    WHERE item.id = o.id`;
}

export async function recordUploadId(db: Db, itemId: bigint, uploadId: string | null) {
  await db.migrationItem.update({ where: { id: itemId }, data: { uploadId } });
}

/** Items a dead (or stopped) worker left as copying, with their multipart uploads. */
export function itemsInFlight(db: Db, jobId: string) {
  return db.migrationItem.findMany({
    where: { jobId, state: 'copying' },
    select: { id: true, key: true, uploadId: true },
  });
}

/** Back to pending; `recheck` makes the next copy look at the destination before writing. */
export async function releaseInFlight(db: Db, jobId: string): Promise<number> {
  const { count } = await db.migrationItem.updateMany({
    where: { jobId, state: 'copying' },
    data: { state: 'pending', recheck: true, uploadId: null, updatedAt: new Date() },
  });
  return count;
}

export async function failedBackToPending(db: Db, jobId: string): Promise<number> {
  const { count } = await db.migrationItem.updateMany({
    where: { jobId, state: 'failed' },
    data: { state: 'pending', reason: null, attempts: 0, updatedAt: new Date() },
  });
  return count;
}
