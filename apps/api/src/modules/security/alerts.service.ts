// Alerts: raised by detectors with dedup (one alert per rule and subject within the window, with a
// count), listed, acknowledged and resolved by admins.
import {
  ErrorCode,
  type AlertEvidenceItem,
  type AlertListQuery,
  type SecurityAlertView,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import type { SecurityAlert } from '../../generated/prisma/client.js';
import { AppError } from '../../lib/app-error.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';

const EVIDENCE_CAP = 50;

export interface Finding {
  rule: string;
  severity: SecurityAlertView['severity'];
  subjectType: 'ip' | 'user';
  subject: string;
  summary: string;
  evidence: AlertEvidenceItem[];
  at: Date;
}

export function toAlertView(row: SecurityAlert): SecurityAlertView {
  return {
    id: row.id,
    severity: row.severity,
    rule: row.rule,
    subjectType: row.subjectType as 'ip' | 'user',
    subject: row.subject,
    summary: row.summary,
    evidence: row.evidence as AlertEvidenceItem[],
    count: row.count,
    firstSeen: row.firstSeen.toISOString(),
    lastSeen: row.lastSeen.toISOString(),
    status: row.status,
    acknowledgedBy: row.acknowledgedBy,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

function mergeEvidence(
  older: AlertEvidenceItem[],
  newer: AlertEvidenceItem[],
): AlertEvidenceItem[] {
  const seen = new Set<string>();
  return [...newer, ...older]
    .filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)))
    .slice(0, EVIDENCE_CAP);
}

/**
 * Opens an alert, or folds the finding into the open one of the same rule and subject seen within
 * the dedup window. Serialized per rule and subject across instances (advisory lock).
 */
export async function raiseAlert(
  db: Db,
  finding: Finding,
  dedupMinutes: number,
): Promise<{ alert: SecurityAlert; created: boolean }> {
  const since = new Date(finding.at.getTime() - dedupMinutes * 60_000);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`security-alert|${finding.rule}|${finding.subject}`}))`;
    const open = await tx.securityAlert.findFirst({
      where: {
        rule: finding.rule,
        subject: finding.subject,
        status: { not: 'resolved' },
        lastSeen: { gte: since },
      },
      orderBy: { lastSeen: 'desc' },
    });
    if (open) {
      const alert = await tx.securityAlert.update({
        where: { id: open.id },
        data: {
          count: { increment: 1 },
          lastSeen: finding.at > open.lastSeen ? finding.at : open.lastSeen,
          evidence: mergeEvidence(open.evidence as AlertEvidenceItem[], finding.evidence),
        },
      });
      return { alert, created: false };
    }
    const alert = await tx.securityAlert.create({
      data: {
        rule: finding.rule,
        severity: finding.severity,
        subjectType: finding.subjectType,
        subject: finding.subject,
        summary: finding.summary,
        evidence: finding.evidence.slice(0, EVIDENCE_CAP),
        firstSeen: finding.at,
        lastSeen: finding.at,
      },
    });
    return { alert, created: true };
  });
}

export async function listAlerts(db: Db, query: AlertListQuery): Promise<SecurityAlertView[]> {
  const rows = await db.securityAlert.findMany({
    where: {
      ...(query.status ? { status: query.status } : {}),
      ...(query.severity ? { severity: query.severity } : {}),
      ...(query.rule ? { rule: query.rule } : {}),
    },
    orderBy: { lastSeen: 'desc' },
    take: query.limit,
  });
  return rows.map(toAlertView);
}

export async function findAlert(db: Db, id: string): Promise<SecurityAlertView | null> {
  const row = await db.securityAlert.findUnique({ where: { id } });
  return row ? toAlertView(row) : null;
}

export async function changeAlertStatus(
  db: Db,
  actor: AuditContext & { userId: string; email: string },
  id: string,
  to: 'acknowledged' | 'resolved',
  now: Date,
): Promise<SecurityAlertView> {
  const row = await db.securityAlert.findUnique({ where: { id } });
  if (!row) throw new AppError(ErrorCode.ALERT_NOT_FOUND);
  const data =
    to === 'acknowledged'
      ? { status: to, acknowledgedBy: actor.email, acknowledgedAt: now }
      : {
          status: to,
          resolvedBy: actor.email,
          resolvedAt: now,
          // Resolving an alert nobody acknowledged acknowledges it too.
          ...(row.acknowledgedAt ? {} : { acknowledgedBy: actor.email, acknowledgedAt: now }),
        };
  const updated = await db.securityAlert.update({ where: { id }, data });
  const { userId, email, ...context } = actor;
  await recordAudit(db, {
    ...context,
    at: now,
    action: to === 'acknowledged' ? 'security.alert_ack' : 'security.alert_resolve',
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType: 'security_alert',
    targetId: id,
    details: { rule: row.rule, from: row.status },
  });
  return toAlertView(updated);
}
