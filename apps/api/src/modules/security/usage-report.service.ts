// Upload usage of a period: uploads and bytes per day, per user and per location (connection,
// bucket, first folder), the largest files and the active users.
import type { SecurityUsageReport } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import type { Period } from './security-report.service.js';

const TOP = 20;

export async function usageReport(db: Db, { from, to }: Period): Promise<SecurityUsageReport> {
  const completed = `u.state = 'completed' AND u.completed_at >= $1 AND u.completed_at < $2`;
  type Sum = { uploads: number; bytes: bigint | null };
  const [totals, byDay, byUser, byLocation, largest, active] = await Promise.all([
    db.$queryRawUnsafe<(Sum & { users: number })[]>(
      `SELECT count(*)::int AS uploads, sum(size)::bigint AS bytes, count(DISTINCT owner_id)::int AS users
         FROM uploads u WHERE ${completed}`,
      from,
      to,
    ),
    db.$queryRawUnsafe<(Sum & { day: string })[]>(
      `SELECT to_char(date_trunc('day', u.completed_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
              count(*)::int AS uploads, sum(size)::bigint AS bytes
         FROM uploads u WHERE ${completed} GROUP BY 1 ORDER BY 1`,
      from,
      to,
    ),
    db.$queryRawUnsafe<(Sum & { user_id: string | null; email: string | null })[]>(
      `SELECT u.owner_id AS user_id, usr.email, count(*)::int AS uploads, sum(u.size)::bigint AS bytes
         FROM uploads u LEFT JOIN users usr ON usr.id = u.owner_id
        WHERE ${completed} GROUP BY 1, 2 ORDER BY bytes DESC NULLS LAST LIMIT ${TOP}`,
      from,
      to,
    ),
    db.$queryRawUnsafe<(Sum & { connection: string; bucket: string; prefix: string })[]>(
      `SELECT c.name AS connection, u.bucket,
              CASE WHEN position('/' in u.key) > 0 THEN split_part(u.key, '/', 1) || '/' ELSE '' END AS prefix,
              count(*)::int AS uploads, sum(u.size)::bigint AS bytes
         FROM uploads u JOIN s3_connections c ON c.id = u.connection_id
        WHERE ${completed} GROUP BY 1, 2, 3 ORDER BY bytes DESC NULLS LAST LIMIT ${TOP}`,
      from,
      to,
    ),
    db.$queryRawUnsafe<
      {
        email: string | null;
        connection: string;
        bucket: string;
        key: string;
        size: bigint;
        completed_at: Date;
      }[]
    >(
      `SELECT usr.email, c.name AS connection, u.bucket, u.key, u.size, u.completed_at
         FROM uploads u JOIN s3_connections c ON c.id = u.connection_id
         LEFT JOIN users usr ON usr.id = u.owner_id
        WHERE ${completed} ORDER BY u.size DESC LIMIT ${TOP}`,
      from,
      to,
    ),
    db.$queryRawUnsafe<{ email: string; sign_ins: number; uploads: number; last_seen: Date }[]>(
      `WITH logins AS (
         SELECT actor_id AS user_id, count(*)::int AS n, max(at) AS last FROM audit_events
          WHERE action = 'auth.login' AND outcome::text = 'success' AND at >= $1 AND at < $2 AND actor_id IS NOT NULL
          GROUP BY actor_id
       ), ups AS (
         SELECT owner_id AS user_id, count(*)::int AS n, max(completed_at) AS last FROM uploads u
          WHERE ${completed} GROUP BY owner_id
       )
       SELECT usr.email, coalesce(l.n, 0) AS sign_ins, coalesce(p.n, 0) AS uploads,
              greatest(l.last, p.last) AS last_seen
         FROM users usr LEFT JOIN logins l ON l.user_id = usr.id LEFT JOIN ups p ON p.user_id = usr.id
        WHERE l.user_id IS NOT NULL OR p.user_id IS NOT NULL
        ORDER BY last_seen DESC LIMIT 200`,
      from,
      to,
    ),
  ]);
  const bytes = (value: bigint | null) => Number(value ?? 0n);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    totals: {
      uploads: totals[0]?.uploads ?? 0,
      bytes: bytes(totals[0]?.bytes ?? null),
      activeUsers: active.length,
    },
    byDay: byDay.map((row) => ({ day: row.day, uploads: row.uploads, bytes: bytes(row.bytes) })),
    byUser: byUser.map((row) => ({
      userId: row.user_id,
      email: row.email,
      uploads: row.uploads,
      bytes: bytes(row.bytes),
    })),
    byLocation: byLocation.map((row) => ({
      connection: row.connection,
      bucket: row.bucket,
      prefix: row.prefix,
      uploads: row.uploads,
      bytes: bytes(row.bytes),
    })),
    largestFiles: largest.map((row) => ({
      email: row.email,
      connection: row.connection,
      bucket: row.bucket,
      key: row.key,
      size: Number(row.size),
      completedAt: row.completed_at.toISOString(),
    })),
    activeUsers: active.map((row) => ({
      email: row.email,
      signIns: row.sign_ins,
      uploads: row.uploads,
      lastSeen: row.last_seen.toISOString(),
    })),
  };
}
