// The configured log sources (system_settings, validated with zod) and their checkpoints.
import { ErrorCode, LogSources, type LogSource, type LogSourceStatus } from '@s3am/contracts';
import type { Db } from '../../../db/prisma.js';
import { AppError } from '../../../lib/app-error.js';
import type { AuditContext } from '../../audit/audit.service.js';
import { saveSetting } from '../../settings/stored-setting.js';

const KEY = 'security.log_sources';

/** The checkpoint's identity: moving a source to another bucket or prefix starts it afresh. */
export function checkpointKey(source: LogSource): string {
  return `${source.kind}|${source.connectionId}|${source.bucket}|${source.prefix}`;
}

export async function readLogSources(db: Db): Promise<LogSource[]> {
  const row = await db.systemSetting.findUnique({ where: { key: KEY } });
  const parsed = row ? LogSources.safeParse(row.value) : null;
  return parsed?.success ? parsed.data.items : [];
}

export async function logSourceStatuses(db: Db): Promise<LogSourceStatus[]> {
  const sources = await readLogSources(db);
  const checkpoints = await db.securityLogCheckpoint.findMany({
    where: { source: { in: sources.map(checkpointKey) } },
  });
  const byKey = new Map(checkpoints.map((row) => [row.source, row]));
  return sources.map((source) => {
    const checkpoint = byKey.get(checkpointKey(source));
    return {
      ...source,
      lastKey: checkpoint?.lastKey ?? null,
      checkpointAt: checkpoint?.updatedAt.toISOString() ?? null,
    };
  });
}

export async function writeLogSources(
  db: Db,
  actor: AuditContext & { userId: string; email: string },
  next: LogSources,
): Promise<LogSourceStatus[]> {
  const ids = [...new Set(next.items.map((item) => item.connectionId))];
  const found = await db.s3Connection.count({ where: { id: { in: ids } } });
  if (found !== ids.length)
    throw new AppError(ErrorCode.CONNECTION_NOT_FOUND, 'A log source names an unknown connection.');
  await saveSetting(db, actor, {
    key: KEY,
    value: next,
    action: 'security.log_sources_change',
    details: {
      sources: next.items.map((item) => `${item.kind}:${item.bucket}/${item.prefix}`).join(', '),
    },
  });
  return logSourceStatuses(db);
}
