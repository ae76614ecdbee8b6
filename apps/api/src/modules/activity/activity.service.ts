// Upload activity for operators: totals over the last N days (stats) and the files uploaded then
// (list-files). Read-only aggregates over the uploads table; windows are judged by the API's clock.
import {
  ErrorCode,
  type UploadStats,
  type UploadStatsQuery,
  type UploadedFilesPage,
  type UploadedFilesQuery,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';

export interface ReportsDeps {
  db: Db;
  clock: () => Date;
}

const DAY_MS = 86_400_000;

function windowOf(clock: () => Date, days: number): { from: Date; to: Date } {
  const to = clock();
  return { from: new Date(to.getTime() - days * DAY_MS), to };
}

export async function uploadStats(
  deps: ReportsDeps,
  query: UploadStatsQuery,
): Promise<UploadStats> {
  const { db } = deps;
  const { from, to } = windowOf(deps.clock, query.days);
  // Started in the window, by state; completed bytes count by completion time (a long upload
  // started before the window but finished inside it is still this window's traffic).
  const started = { createdAt: { gte: from, lte: to } };
  const completedIn = { state: 'completed' as const, completedAt: { gte: from, lte: to } };
  const [byState, completed, activeOwners, uploadingOwners, totalUsers, perDay, top, failures] =
    await Promise.all([
      db.upload.groupBy({ by: ['state'], where: started, _count: { _all: true } }),
      db.upload.aggregate({ where: completedIn, _sum: { size: true } }),
      db.upload.findMany({ where: started, distinct: ['ownerId'], select: { ownerId: true } }),
      db.upload.findMany({ where: completedIn, distinct: ['ownerId'], select: { ownerId: true } }),
      db.user.count({ where: { disabled: false } }),
      db.$queryRaw<{ day: string; completed: bigint; failed: bigint; bytes: bigint | null }[]>`
        SELECT to_char(date_trunc('day', coalesce(completed_at, updated_at) AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
               count(*) FILTER (WHERE state = 'completed') AS completed,
               count(*) FILTER (WHERE state IN ('failed', 'aborted')) AS failed,
               sum(size) FILTER (WHERE state = 'completed') AS bytes
          FROM uploads
         WHERE (state = 'completed' AND completed_at BETWEEN ${from} AND ${to})
            OR (state IN ('failed', 'aborted') AND updated_at BETWEEN ${from} AND ${to})
         GROUP BY 1 ORDER BY 1`,
      db.upload.groupBy({
        by: ['ownerId'],
        where: completedIn,
        _count: { _all: true },
        _sum: { size: true },
        orderBy: { _sum: { size: 'desc' } },
        take: 10,
      }),
      db.upload.findMany({
        where: { state: { in: ['failed', 'aborted'] }, updatedAt: { gte: from, lte: to } },
        orderBy: { updatedAt: 'desc' },
        take: 20,
        include: { owner: { select: { email: true } } },
      }),
    ]);
  const count = (state: string) => byState.find((row) => row.state === state)?._count._all ?? 0;
  const emails = new Map(
    (
      await db.user.findMany({
        where: { id: { in: top.map((row) => row.ownerId) } },
        select: { id: true, email: true },
      })
    ).map((user) => [user.id, user.email]),
  );
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    days: query.days,
    uploads: {
      completed: count('completed'),
      failed: count('failed'),
      aborted: count('aborted'),
      inProgress: count('in_progress'),
    },
    bytes: Number(completed._sum.size ?? 0n),
    users: {
      active: activeOwners.length,
      uploading: uploadingOwners.length,
      total: totalUsers,
    },
    perDay: perDay.map((row) => ({
      date: row.day,
      completed: Number(row.completed),
      failed: Number(row.failed),
      bytes: Number(row.bytes ?? 0n),
    })),
    topUsers: top.map((row) => ({
      userId: row.ownerId,
      email: emails.get(row.ownerId) ?? '(deleted)',
      completed: row._count._all,
      bytes: Number(row._sum.size ?? 0n),
    })),
    recentFailures: failures.map((upload) => ({
      uploadId: upload.id,
      email: upload.owner.email,
      connectionId: upload.connectionId,
      bucket: upload.bucket,
      key: upload.key,
      state: upload.state === 'aborted' ? 'aborted' : 'failed',
      error: upload.error,
      at: upload.updatedAt.toISOString(),
    })),
  };
}

/** The cursor is the last row's completion time and id: stable under concurrent completions. */
function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(at.getTime()))
    throw new AppError(ErrorCode.VALIDATION, 'The cursor is not one this API gave out.');
  return { at, id };
}

export async function uploadedFiles(
  deps: ReportsDeps,
  query: UploadedFilesQuery,
): Promise<UploadedFilesPage> {
  const { from, to } = windowOf(deps.clock, query.days);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await deps.db.upload.findMany({
    where: {
      state: 'completed',
      completedAt: { gte: from, lte: to },
      ...(query.userId ? { ownerId: query.userId } : {}),
      ...(after
        ? {
            OR: [
              { completedAt: { lt: after.at } },
              { completedAt: after.at, id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ completedAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: { owner: { select: { email: true } }, connection: { select: { name: true } } },
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    items: page.map((upload) => ({
      uploadId: upload.id,
      userId: upload.ownerId,
      email: upload.owner.email,
      connectionId: upload.connectionId,
      connectionName: upload.connection.name,
      bucket: upload.bucket,
      key: upload.key,
      size: Number(upload.size),
      contentType: upload.contentType,
      completedAt: (upload.completedAt ?? upload.updatedAt).toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(last.completedAt ?? last.updatedAt, last.id)
        : null,
  };
}
