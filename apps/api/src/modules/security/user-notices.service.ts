// Tells users about their own account: a sign-in from a country never seen for it, a password or
// 2FA change. Each becomes a notice shown at the next sign-in and, with SMTP_URL, an email, so
// whoever did not make the change learns of it even when the attacker holds the session.
import type { UserNoticeKind, UserNoticeView } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import type { FedAuditEvent } from '../audit/audit-feed.js';
import { sendMail, type SenderDeps } from './notifications/notification-senders.js';

export interface NoticeRequest {
  userId: string;
  kind: UserNoticeKind;
  message: string;
  at: Date;
}

function where(event: Pick<FedAuditEvent, 'ip'>): string {
  return event.ip ? ` from ${event.ip}` : '';
}

/** The notice an audit event calls for (successful password and 2FA changes), or null. */
export function noticeForAudit(event: FedAuditEvent): NoticeRequest | null {
  if (event.outcome !== 'success') return null;
  const userId = event.targetType === 'user' ? event.targetId : event.actorId;
  if (!userId) return null;
  const when = event.at.toISOString().replace('T', ' ').slice(0, 16);
  const byAdmin =
    event.actorId !== userId ? ` by an administrator (${event.actorEmail ?? '?'})` : '';
  switch (event.action) {
    case 'user.password_change':
    case 'user.password_reset':
      return {
        userId,
        kind: 'password_changed',
        message: `Your password was changed${byAdmin} on ${when} UTC${where(event)}. If this was not you, contact your administrator at once.`,
        at: event.at,
      };
    case 'two_factor.enable':
    case 'two_factor.disable':
      return {
        userId,
        kind: 'two_factor_changed',
        message: `Two-factor authentication was turned ${event.action.endsWith('enable') ? 'on' : 'off'}${byAdmin} on ${when} UTC${where(event)}. If this was not you, contact your administrator at once.`,
        at: event.at,
      };
    default:
      return null;
  }
}

export function newCountryNotice(
  userId: string,
  country: string,
  ip: string | null,
  at: Date,
): NoticeRequest {
  const when = at.toISOString().replace('T', ' ').slice(0, 16);
  return {
    userId,
    kind: 'new_country_sign_in',
    message: `Your account signed in from a new country (${country}${ip ? `, ${ip}` : ''}) on ${when} UTC. If this was not you, change your password and contact your administrator.`,
    at,
  };
}

/** Stores the notice and emails it (when SMTP is set up); an email failure leaves the notice. */
export async function deliverNotice(
  deps: Pick<SenderDeps, 'db' | 'smtpUrl' | 'smtpFrom'>,
  notice: NoticeRequest,
): Promise<void> {
  const user = await deps.db.user.findUnique({ where: { id: notice.userId } });
  if (!user) return;
  await deps.db.userNotice.create({
    data: {
      userId: notice.userId,
      kind: notice.kind,
      message: notice.message,
      createdAt: notice.at,
    },
  });
  if (!deps.smtpUrl) return;
  await sendMail(deps, {
    to: [user.email],
    subject: `S3 Access Manager: ${notice.kind === 'new_country_sign_in' ? 'sign-in from a new country' : notice.kind === 'password_changed' ? 'your password was changed' : 'your two-factor authentication changed'}`,
    text: notice.message,
  });
}

export async function unreadNotices(db: Db, userId: string): Promise<UserNoticeView[]> {
  const rows = await db.userNotice.findMany({
    where: { userId, readAt: null },
    orderBy: { createdAt: 'asc' },
    take: 50,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as UserNoticeKind,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Marks the caller's own notices read (others' ids are ignored). */
export async function dismissNotices(
  db: Db,
  userId: string,
  ids: readonly string[],
  now: Date,
): Promise<void> {
  await db.userNotice.updateMany({
    where: { id: { in: [...ids] }, userId, readAt: null },
    data: { readAt: now },
  });
}
