// Item-row writes of a running job: inserting a listed page, claiming a batch of pending objects,
// recording outcomes in batches (one statement for many rows), and handing back what a dead worker
// left in flight.
import type { Db } from '../../db/prisma.js';

export interface ListedItem {
  key: string;
  size: bigint;
  etag: string | null;
  lastModified: Date | null;
  state: 'pending' | 'skipped';
  reason: string | null;
}

/**
 * One INSERT for a listed page (up to 1,000 rows), keys already recorded left as they are (a page
 * listed again after a restart). Raw SQL with array parameters: Prisma's createMany compiles its
 * query for every row's values, which cost the worker more CPU than a server-side copy's request.
 */
export function insertListedItems(db: Db, jobId: string, items: readonly ListedItem[]) {
  return db.$executeRaw`
    INSERT INTO migration_items (job_id, key, size, etag, last_modified, state, reason)
    SELECT ${jobId}::uuid, item.key, item.size, item.etag, item.last_modified::timestamptz,
           item.state::"MigrationItemState", item.reason
    FROM unnest(${items.map((item) => item.key)}::text[], ${items.map((item) => item.size)}::bigint[],
                ${items.map((item) => item.etag)}::text[],
                ${items.map((item) => item.lastModified?.toISOString() ?? null)}::text[],
                ${items.map((item) => item.state)}::text[], ${items.map((item) => item.reason)}::text[])
      AS item(key, size, etag, last_modified, state, reason)
    ON CONFLICT (job_id, key) DO NOTHING`;
}

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
