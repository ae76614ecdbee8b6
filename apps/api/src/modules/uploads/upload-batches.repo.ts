// The rows of a batch of small uploads, written in one statement each: inserting the new uploads
// and marking the checked ones completed. Plain SQL: the ORM spends more time planning a 100-row
// statement than the database spends running it.
import { Prisma } from '../../db/prisma.js';
import type { UploadsDeps } from './upload-access.js';
import type { Upload } from './upload-records.js';
import type { uploadRowData } from './uploads.service.js';

/** Inserts the new uploads and returns their rows as stored (every value is ours). */
export async function insertUploads(
  deps: UploadsDeps,
  records: readonly (ReturnType<typeof uploadRowData> & { id: string })[],
): Promise<Upload[]> {
  if (records.length === 0) return [];
  const rows: Upload[] = records.map((record) => ({
    ...record,
    state: 'in_progress',
    etag: null,
    error: null,
    updatedAt: record.createdAt,
    completedAt: null,
  }));
  const values = rows.map(
    (row) => Prisma.sql`(
      ${row.id}::uuid, ${row.ownerId}::uuid, ${row.connectionId}::uuid, ${row.bucket}, ${row.key},
      ${row.s3UploadId}, ${row.mode}, ${String(row.size)}::bigint, ${row.contentType},
      ${row.lastModified === null ? null : String(row.lastModified)}::bigint,
      ${String(row.partSize)}::bigint, ${row.partCount}, ${JSON.stringify(row.metadata)}::jsonb,
      ${JSON.stringify(row.tags)}::jsonb, ${row.onExisting}, ${row.createdAt}, ${row.updatedAt},
      ${row.lastActivityAt})`,
  );
  await deps.db.$executeRaw`
    INSERT INTO "uploads" ("id", "owner_id", "connection_id", "bucket", "key", "s3_upload_id",
      "mode", "size", "content_type", "last_modified", "part_size", "part_count", "metadata",
      "tags", "on_existing", "created_at", "updated_at", "last_activity_at")
    VALUES ${Prisma.join(values)}`;
  return rows;
}

/** Marks the checked uploads completed with their stored ETags: one statement, one read. */
export async function markCompleted(
  deps: UploadsDeps,
  done: readonly { row: Upload; etag: string }[],
): Promise<Map<string, Upload>> {
  if (done.length === 0) return new Map();
  const at = deps.clock();
  const values = Prisma.join(done.map(({ row, etag }) => Prisma.sql`(${row.id}::uuid, ${etag})`));
  await deps.db.$executeRaw`
    UPDATE "uploads" AS u
    SET "state" = 'completed', "etag" = v.etag, "error" = NULL,
        "completed_at" = ${at}, "last_activity_at" = ${at}, "updated_at" = ${at}
    FROM (VALUES ${values}) AS v(id, etag)
    WHERE u."id" = v.id AND u."state" = 'in_progress'`;
  const rows = await deps.db.upload.findMany({
    where: { id: { in: done.map(({ row }) => row.id) } },
  });
  return new Map(rows.map((row) => [row.id, row]));
}
