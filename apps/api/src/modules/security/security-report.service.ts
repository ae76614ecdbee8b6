// The security report of a period: alerts by rule, severity and day, failed sign-ins (from the
// audit log, which keeps them for good), the addresses that failed most, blocks and large uploads.
import type { SecurityReport, SecuritySeverity } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';

export interface Period {
  from: Date;
  to: Date;
}

const DAY = "to_char(date_trunc('day', %s AT TIME ZONE 'UTC'), 'YYYY-MM-DD')";
const TOP_IPS = 10;

export function periodOf(query: { from?: string; to?: string }, now: Date): Period {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 86_400_000);
  return { from, to };
}

export async function securityReport(
  db: Db,
  period: Period,
  largeUploadBytes: number,
): Promise<SecurityReport> {
  const { from, to } = period;
  const [byRule, byDay, signIns, signInDays, ips, blocks, uploads] = await Promise.all([
    db.$queryRaw<{ rule: string; severity: SecuritySeverity; alerts: number }[]>`
      SELECT rule, severity::text AS severity, count(*)::int AS alerts FROM security_alerts
       WHERE first_seen >= ${from} AND first_seen < ${to}
       GROUP BY rule, severity ORDER BY alerts DESC, rule`,
    db.$queryRawUnsafe<{ day: string; severity: SecuritySeverity; alerts: number }[]>(
      `SELECT ${DAY.replace('%s', 'first_seen')} AS day, severity::text AS severity, count(*)::int AS alerts
         FROM security_alerts WHERE first_seen >= $1 AND first_seen < $2 GROUP BY 1, 2 ORDER BY 1`,
      from,
      to,
    ),
    db.auditEvent.count({
      where: {
        action: 'auth.login',
        outcome: { in: ['failure', 'denied'] },
        at: { gte: from, lt: to },
      },
    }),
    db.$queryRawUnsafe<{ day: string; count: number }[]>(
      `SELECT ${DAY.replace('%s', 'at')} AS day, count(*)::int AS count FROM audit_events
        WHERE action = 'auth.login' AND outcome::text <> 'success' AND at >= $1 AND at < $2
        GROUP BY 1 ORDER BY 1`,
      from,
      to,
    ),
    // Failed sign-ins and refusals from the audit log, plus the 401/403 answers the detectors
    // still hold (security events are pruned after 8 days; the audit log is not).
    db.$queryRaw<{ ip: string; failures: number; alerts: number }[]>`
      WITH failures AS (
        SELECT ip FROM audit_events
         WHERE ip IS NOT NULL AND at >= ${from} AND at < ${to}
           AND ((action = 'auth.login' AND outcome::text <> 'success') OR action = 'access.denied')
        UNION ALL
        SELECT ip FROM security_events
         WHERE ip IS NOT NULL AND kind = 'request.failed' AND at >= ${from} AND at < ${to}
      ), top AS (
        SELECT ip, count(*)::int AS failures FROM failures GROUP BY ip ORDER BY failures DESC, ip LIMIT ${TOP_IPS}
      )
      SELECT top.ip, top.failures,
             (SELECT count(*)::int FROM security_alerts a
               WHERE a.subject_type = 'ip' AND a.subject = top.ip
                 AND a.first_seen >= ${from} AND a.first_seen < ${to}) AS alerts
        FROM top ORDER BY top.failures DESC, top.ip`,
    db.ipBlock.findMany({
      where: { createdAt: { gte: from, lt: to } },
      orderBy: { createdAt: 'desc' },
      take: 500,
    }),
    db.upload.findMany({
      where: {
        state: 'completed',
        completedAt: { gte: from, lt: to },
        size: { gt: BigInt(largeUploadBytes) },
      },
      include: { owner: { select: { email: true } } },
      orderBy: { size: 'desc' },
      take: 100,
    }),
  ]);
  const severities = { LOW: 0, MEDIUM: 0, HIGH: 0 };
  for (const row of byRule) severities[row.severity] += row.alerts;
  const days = new Map<string, { day: string; LOW: number; MEDIUM: number; HIGH: number }>();
  for (const row of byDay) {
    const entry = days.get(row.day) ?? { day: row.day, LOW: 0, MEDIUM: 0, HIGH: 0 };
    entry[row.severity] += row.alerts;
    days.set(row.day, entry);
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    alertsByRule: byRule,
    alertsBySeverity: severities,
    alertsByDay: [...days.values()],
    failedSignIns: { total: signIns, byDay: signInDays },
    topIps: ips,
    blocks: blocks.map((block) => ({
      cidr: block.cidr,
      reason: block.reason,
      source: block.source,
      createdAt: block.createdAt.toISOString(),
      expiresAt: block.expiresAt?.toISOString() ?? null,
    })),
    largeUploads: uploads.map((upload) => ({
      user: upload.owner.email,
      bucket: upload.bucket,
      key: upload.key,
      size: Number(upload.size),
      completedAt: (upload.completedAt ?? upload.updatedAt).toISOString(),
    })),
  };
}

/** The report as CSV rows (one section per row kind); cells pass the formula-safe writer. */
export function reportRows(report: SecurityReport): Record<ReportColumn, string | number>[] {
  const row = (section: string, name: string | number, value: string | number, extra = '') => ({
    section,
    name,
    value,
    extra,
  });
  return [
    row('period', report.from, report.to),
    ...Object.entries(report.alertsBySeverity).map(([severity, n]) =>
      row('alerts_by_severity', severity, n),
    ),
    ...report.alertsByRule.map((r) => row('alerts_by_rule', r.rule, r.alerts, r.severity)),
    row('failed_sign_ins', 'total', report.failedSignIns.total),
    ...report.failedSignIns.byDay.map((d) => row('failed_sign_ins_by_day', d.day, d.count)),
    ...report.topIps.map((ip) => row('top_ips', ip.ip, ip.failures, `alerts=${ip.alerts}`)),
    ...report.blocks.map((b) =>
      row(
        'blocks',
        b.cidr,
        b.reason,
        `${b.source} ${b.createdAt} → ${b.expiresAt ?? 'until removed'}`,
      ),
    ),
    ...report.largeUploads.map((u) =>
      row('large_uploads', `${u.bucket}/${u.key}`, u.size, `${u.user ?? ''} ${u.completedAt}`),
    ),
  ];
}

export const REPORT_COLUMNS = ['section', 'name', 'value', 'extra'] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];
