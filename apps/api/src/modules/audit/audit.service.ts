// Appends security-relevant events to the audit log. Never pass secrets, tokens or file contents.
import type { Db } from '../../db/prisma.js';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditContext {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

export interface AuditInput extends AuditContext {
  action: string;
  outcome: AuditOutcome;
  actorId?: string | null;
  actorEmail?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, string | number | boolean | null>;
}

export async function recordAudit(db: Db, event: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: event.action,
      outcome: event.outcome,
      actorId: event.actorId ?? null,
      actorEmail: event.actorEmail ?? null,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      ip: event.ip ?? null,
      userAgent: event.userAgent?.slice(0, 512) ?? null,
      requestId: event.requestId ?? null,
      details: event.details ?? {},
    },
  });
}
