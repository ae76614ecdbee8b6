// Notification deliveries as rows (an outbox): written with the alert, attempted at once, retried
// with backoff by the job queue's sweep, and failures kept visible on the Security page.
import type { NotificationDeliveryView, SecurityAlertView } from '@s3am/contracts';
import type { SecurityNotification } from '../../../generated/prisma/client.js';
import { findAlert } from '../alerts.service.js';
import { resolveChannels } from './notification-channels.service.js';
import { sendEmail, sendSns, sendWebhook, type SenderDeps } from './notification-senders.js';

type Channel = NotificationDeliveryView['channel'];

/** Delay before attempt n+1 after n failed attempts; after the last, the delivery is `failed`. */
export const RETRY_BACKOFF_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 60 * 60_000];
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;

export function toDeliveryView(row: SecurityNotification): NotificationDeliveryView {
  return {
    id: row.id,
    alertId: row.alertId,
    channel: row.channel as Channel,
    status: row.status as NotificationDeliveryView['status'],
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** One pending delivery per channel that wants this alert's severity; their ids. */
export async function enqueueDeliveries(
  deps: SenderDeps,
  alert: SecurityAlertView,
): Promise<string[]> {
  const channels = await resolveChannels(deps.db, deps.keyring);
  const wanted: Channel[] = [];
  if (channels.webhook?.severities.includes(alert.severity)) wanted.push('webhook');
  if (channels.email?.severities.includes(alert.severity)) wanted.push('email');
  if (channels.sns?.severities.includes(alert.severity)) wanted.push('sns');
  if (wanted.length === 0) return [];
  const now = deps.clock();
  const rows = await deps.db.securityNotification.createManyAndReturn({
    data: wanted.map((channel) => ({
      alertId: alert.id,
      channel,
      nextAttemptAt: now,
      createdAt: now,
    })),
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

async function send(deps: SenderDeps, channel: Channel, alert: SecurityAlertView): Promise<void> {
  const channels = await resolveChannels(deps.db, deps.keyring);
  if (channel === 'webhook') {
    if (!channels.webhook) throw new Error('the webhook channel was removed');
    return sendWebhook(deps, channels.webhook, alert);
  }
  if (channel === 'email') {
    if (!channels.email) throw new Error('the email channel was removed');
    return sendEmail(deps, channels.email.to, alert);
  }
  if (!channels.sns) throw new Error('the SNS channel was removed');
  return sendSns(deps, channels.sns, alert);
}

/** What a failure says on the Security page: its message only (no stack, no secrets). */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/https?:\/\/\S+/g, (url) => url.split('?')[0] ?? '').slice(0, 500);
}

/**
 * Attempts one delivery if it is due. The claim (attempts + 1, next attempt pushed to the backoff)
 * is one UPDATE, so two instances never send the same delivery at the same time.
 */
export async function attemptDelivery(
  deps: SenderDeps,
  id: string,
): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const now = deps.clock();
  const claimed = await deps.db.$queryRaw<
    { id: string; attempts: number; alert_id: string; channel: string }[]
  >`
    UPDATE security_notifications
       SET attempts = attempts + 1,
           next_attempt_at = ${now}::timestamptz + make_interval(secs => (${RETRY_BACKOFF_MS}::int[])[LEAST(attempts + 1, ${RETRY_BACKOFF_MS.length})] / 1000.0)
     WHERE id = ${id}::uuid AND status = 'pending' AND next_attempt_at <= ${now}
     RETURNING id, attempts, alert_id, channel`;
  const row = claimed[0];
  if (!row) return 'skipped';
  try {
    const alert = await findAlert(deps.db, row.alert_id);
    if (!alert) throw new Error('the alert no longer exists');
    await send(deps, row.channel as Channel, alert);
    await deps.db.securityNotification.update({
      where: { id },
      data: { status: 'sent', sentAt: deps.clock(), lastError: null, nextAttemptAt: null },
    });
    return 'sent';
  } catch (error) {
    const final = row.attempts >= MAX_ATTEMPTS;
    await deps.db.securityNotification.update({
      where: { id },
      data: {
        lastError: describeFailure(error),
        ...(final ? { status: 'failed', nextAttemptAt: null } : {}),
      },
    });
    return final ? 'failed' : 'retry';
  }
}

/** Every pending delivery that is due (the job queue runs this every minute). */
export async function retryDueDeliveries(deps: SenderDeps, limit = 100): Promise<number> {
  const due = await deps.db.securityNotification.findMany({
    where: { status: 'pending', nextAttemptAt: { lte: deps.clock() } },
    orderBy: { nextAttemptAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  for (const { id } of due) await attemptDelivery(deps, id);
  return due.length;
}

export async function listDeliveries(
  deps: Pick<SenderDeps, 'db'>,
  limit = 100,
): Promise<NotificationDeliveryView[]> {
  const rows = await deps.db.securityNotification.findMany({
    orderBy: { createdAt: 'desc' },
    take: limit,
  });
  return rows.map(toDeliveryView);
}
