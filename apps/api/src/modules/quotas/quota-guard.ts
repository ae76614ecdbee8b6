// Quota enforcement for uploads, and the incremental usage update when one completes. One guard
// serves one call (a single upload or a batch): quotas and usage are read once, and every file it
// admits is reserved, so the files of one batch count each other.
import { ErrorCode } from '@s3am/contracts';
import { Prisma, type Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { quotaScopesFor, scopeCovers, usageTable, type QuotaScope } from './quota-scope.js';

export interface QuotaGuardDeps {
  db: Db;
  clock: () => Date;
  /** Unfinished uploads idle longer than this no longer hold room (the sweeper aborts them). */
  staleAfterHours: number;
}

export interface StoredObject {
  connectionId: string;
  bucket: string;
  key: string;
  size: number;
}

export interface QuotaGuard {
  /** Why the file does not fit, or null (and the file is then counted for later checks). */
  refusal(item: StoredObject): Promise<string | null>;
  /** Throws QUOTA_EXCEEDED unless the file fits. */
  admit(item: StoredObject): Promise<void>;
  /** Adds completed files to the measured usage of every prefix that holds them. */
  record(items: readonly StoredObject[]): Promise<void>;
}

const n = (value: number) => value.toLocaleString('en');

function whose(scope: QuotaScope): string {
  return scope.subject === 'user' ? 'Your quota' : `The quota of group "${scope.name}"`;
}

/**
 * Explains a refusal with the numbers a person needs: what is left and what the file needs.
 * `held` is what the scope holds already, counting files this call admitted.
 */
function overLimit(scope: QuotaScope, held: { bytes: number; objects: number }, size: number) {
  if (scope.maxBytes !== null && held.bytes + size > scope.maxBytes)
    return (
      `${whose(scope)} allows ${n(scope.maxBytes)} bytes and ${n(Math.max(0, scope.maxBytes - held.bytes))} ` +
      `are left; this file needs ${n(size)}. Delete files or ask an administrator for more room.`
    );
  if (scope.maxObjects !== null && held.objects + 1 > scope.maxObjects)
    return (
      `${whose(scope)} allows ${n(scope.maxObjects)} files and they are all used. ` +
      'Delete files or ask an administrator for more room.'
    );
  return null;
}

/** In-progress uploads under some prefixes of one bucket (room they will need), by key. */
async function pendingUploads(
  db: Db,
  where: { connectionId: string; bucket: string; prefixes: string[]; since: Date },
) {
  return db.$queryRaw<{ key: string; size: bigint }[]>`
    SELECT "key", "size" FROM "uploads"
    WHERE "state" = 'in_progress' AND "connection_id" = ${where.connectionId}::uuid
      AND "bucket" = ${where.bucket} AND "last_activity_at" > ${where.since}
      AND EXISTS (SELECT 1 FROM unnest(${where.prefixes}::text[]) AS p(prefix)
                  WHERE starts_with("key", p.prefix))`;
}

/**
 * The guard for one call by (or on behalf of) the upload's owner. At 'create' the owner's other
 * unfinished uploads count too (they will need their room); at 'complete' only stored files do.
 */
export async function quotaGuard(
  deps: QuotaGuardDeps,
  ownerId: string,
  stage: 'create' | 'complete',
): Promise<QuotaGuard> {
  const now = deps.clock();
  const scopes = await quotaScopesFor(deps.db, ownerId, now);
  const usage = await usageTable(
    deps.db,
    scopes.flatMap((scope) => scope.prefixes),
  );
  const held = new Map(scopes.map((scope) => [scope, usage(scope.prefixes)]));
  const pending = new Map<string, Promise<{ key: string; size: bigint }[]>>();
  const since = new Date(now.getTime() - deps.staleAfterHours * 3600_000);

  async function pendingFor(scope: QuotaScope, item: StoredObject) {
    if (stage !== 'create') return { bytes: 0, objects: 0 };
    const bucketKey = `${item.connectionId}\u0000${item.bucket}`;
    let rows = pending.get(bucketKey);
    if (!rows) {
      const prefixes = scopes
        .flatMap((s) => s.prefixes)
        .filter((l) => l.connectionId === item.connectionId && l.bucket === item.bucket)
        .map((l) => l.prefix);
      rows = pendingUploads(deps.db, { ...item, prefixes, since });
      pending.set(bucketKey, rows);
    }
    const mine = (await rows).filter((row) => scopeCovers(scope, { ...item, key: row.key }));
    return { bytes: mine.reduce((sum, row) => sum + Number(row.size), 0), objects: mine.length };
  }

  async function refusal(item: StoredObject): Promise<string | null> {
    const counting = scopes.filter((scope) => scopeCovers(scope, item));
    const extras = await Promise.all(counting.map((scope) => pendingFor(scope, item)));
    // Synchronous from here: the items of a batch, checked concurrently, see each other's room.
    for (const [index, scope] of counting.entries()) {
      const base = held.get(scope)!;
      const extra = extras[index]!;
      const total = { bytes: base.bytes + extra.bytes, objects: base.objects + extra.objects };
      const reason = overLimit(scope, total, item.size);
      if (reason) return reason;
    }
    for (const scope of counting) {
      const base = held.get(scope)!;
      held.set(scope, { ...base, bytes: base.bytes + item.size, objects: base.objects + 1 });
    }
    return null;
  }

  return {
    refusal,
    async admit(item) {
      const reason = await refusal(item);
      if (reason) throw new AppError(ErrorCode.QUOTA_EXCEEDED, reason);
    },
    async record(items) {
      if (items.length === 0) return;
      // The owner's quota prefixes get a row even before their first measurement, so what is
      // uploaded meanwhile is not lost; the measuring job replaces the sums with what S3 holds.
      const missing = scopes
        .flatMap((scope) => scope.prefixes)
        .filter((location) => items.some((item) => scopeCovers({ prefixes: [location] }, item)));
      if (missing.length > 0)
        await deps.db.prefixUsage.createMany({
          data: missing.map((location) => ({ ...location, updatedAt: now })),
          skipDuplicates: true,
        });
      const files = Prisma.join(
        items.map(
          (item) =>
            Prisma.sql`(${item.connectionId}::uuid, ${item.bucket}, ${item.key}, ${item.size}::bigint)`,
        ),
      );
      await deps.db.$executeRaw`
        UPDATE "prefix_usage" AS p
        SET "bytes" = p."bytes" + d.bytes, "objects" = p."objects" + d.objects, "updated_at" = ${now}
        FROM (
          SELECT u."connection_id", u."bucket", u."prefix",
                 SUM(f.size)::bigint AS bytes, COUNT(*)::bigint AS objects
          FROM "prefix_usage" AS u
          JOIN (VALUES ${files}) AS f(connection_id, bucket, key, size)
            ON u."connection_id" = f.connection_id AND u."bucket" = f.bucket
           AND starts_with(f.key, u."prefix")
          GROUP BY 1, 2, 3
        ) AS d
        WHERE p."connection_id" = d."connection_id" AND p."bucket" = d."bucket"
          AND p."prefix" = d."prefix"`;
    },
  };
}

/** What a guest is told instead: that there is no room, never the owner's quota and usage. */
export function asGuestRefusal(error: unknown): never {
  if (error instanceof AppError && error.code === ErrorCode.QUOTA_EXCEEDED)
    throw new AppError(
      ErrorCode.QUOTA_EXCEEDED,
      'The person who asked for these files has no storage room left for this one; ask them to make room.',
    );
  throw error;
}
