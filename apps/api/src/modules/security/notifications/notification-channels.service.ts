// Where alerts are sent, per severity: a webhook (its signing secret sealed at rest, never
// returned), email recipients, an SNS topic. Stored in system_settings.
import {
  ErrorCode,
  NotificationChannelsView,
  type SecuritySeverity,
  type UpdateNotificationChannels,
} from '@s3am/contracts';
import { z } from 'zod';
import type { Db } from '../../../db/prisma.js';
import { AppError } from '../../../lib/app-error.js';
import { open, seal, type Keyring } from '../../../lib/crypto-envelope.js';
import type { EndpointPolicy } from '../../../lib/ssrf-guard.js';
import type { AuditContext } from '../../audit/audit.service.js';
import { webhookUrlRefusal } from './webhook-request.js';
import { saveSetting } from '../../settings/stored-setting.js';

const KEY = 'security.notifications';
export const WEBHOOK_SECRET_AAD = 'security-webhook-secret';

const StoredChannels = NotificationChannelsView.extend({
  webhook: NotificationChannelsView.shape.webhook
    .unwrap()
    .omit({ hasSecret: true })
    .extend({ secretCiphertext: z.string().nullable() })
    .nullable(),
});
type StoredChannels = z.infer<typeof StoredChannels>;

const NONE: StoredChannels = { webhook: null, email: null, sns: null };

export interface ResolvedChannels {
  webhook: {
    url: string;
    format: 'json' | 'slack';
    severities: SecuritySeverity[];
    secret: string | null;
  } | null;
  email: { to: string[]; severities: SecuritySeverity[] } | null;
  sns: { connectionId: string; topicArn: string; severities: SecuritySeverity[] } | null;
}

async function readStored(db: Db): Promise<StoredChannels> {
  const row = await db.systemSetting.findUnique({ where: { key: KEY } });
  const parsed = row ? StoredChannels.safeParse(row.value) : null;
  return parsed?.success ? parsed.data : NONE;
}

function toView(stored: StoredChannels): NotificationChannelsView {
  const { webhook } = stored;
  return {
    webhook: webhook
      ? {
          url: webhook.url,
          format: webhook.format,
          severities: webhook.severities,
          hasSecret: webhook.secretCiphertext !== null,
        }
      : null,
    email: stored.email,
    sns: stored.sns,
  };
}

export async function readChannels(db: Db): Promise<NotificationChannelsView> {
  return toView(await readStored(db));
}

/** The channels with the webhook secret opened, for senders only. */
export async function resolveChannels(db: Db, keyring: Keyring): Promise<ResolvedChannels> {
  const stored = await readStored(db);
  const { webhook } = stored;
  return {
    webhook: webhook
      ? {
          url: webhook.url,
          format: webhook.format,
          severities: webhook.severities,
          secret: webhook.secretCiphertext
            ? open(keyring, webhook.secretCiphertext, WEBHOOK_SECRET_AAD)
            : null,
        }
      : null,
    email: stored.email,
    sns: stored.sns,
  };
}

export async function writeChannels(
  db: Db,
  keyring: Keyring,
  actor: AuditContext & { userId: string; email: string },
  next: UpdateNotificationChannels,
  /** The S3 endpoint policy: a webhook must not point the server at itself or its metadata. */
  policy: EndpointPolicy,
): Promise<NotificationChannelsView> {
  const before = await readStored(db);
  const { webhook } = next;
  const refusal = webhook ? await webhookUrlRefusal(webhook.url, policy) : null;
  if (webhook && refusal)
    throw new AppError(
      ErrorCode.ENDPOINT_REFUSED,
      `The webhook address ${new URL(webhook.url).host} is not allowed (${refusal}).`,
    );
  const stored: StoredChannels = {
    webhook: webhook
      ? {
          url: webhook.url,
          format: webhook.format,
          severities: webhook.severities,
          // No new secret: keep the stored one (unless the URL moved elsewhere).
          secretCiphertext: webhook.secret
            ? seal(keyring, webhook.secret, WEBHOOK_SECRET_AAD)
            : before.webhook && new URL(before.webhook.url).origin === new URL(webhook.url).origin
              ? before.webhook.secretCiphertext
              : null,
        }
      : null,
    email: next.email,
    sns: next.sns,
  };
  await saveSetting(db, actor, {
    key: KEY,
    value: stored,
    action: 'security.notifications_change',
    details: {
      webhook: stored.webhook ? new URL(stored.webhook.url).origin : null,
      webhookSecretChanged: Boolean(webhook?.secret),
      emailRecipients: stored.email?.to.length ?? 0,
      sns: stored.sns?.topicArn ?? null,
    },
  });
  return toView(stored);
}
