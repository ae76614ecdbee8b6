// Sends one alert on one channel: signed webhook (JSON or Slack-compatible), email over SMTP
// (nodemailer), or an SNS Publish with a connection's credentials. Throws on failure.
import { createHmac } from 'node:crypto';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import nodemailer from 'nodemailer';
import {
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  type SecurityAlertView,
} from '@s3am/contracts';
import type { Db } from '../../../db/prisma.js';
import type { Keyring } from '../../../lib/crypto-envelope.js';
import { credentialsFor, type S3Network } from '../../connections/s3-client.js';
import type { ResolvedChannels } from './notification-channels.service.js';
import { postWebhook } from './webhook-request.js';

export interface SenderDeps {
  db: Db;
  keyring: Keyring;
  s3Network: S3Network;
  publicUrl: string;
  smtpUrl?: string;
  smtpFrom: string;
  snsEndpoint?: string;
  clock: () => Date;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/** HMAC-SHA256 over `${timestamp}.${body}`, hex: receivers recompute it and check the age. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function headline(alert: SecurityAlertView): string {
  return `[${alert.severity}] ${alert.rule}: ${alert.summary}`;
}

function alertLink(deps: SenderDeps, alert: SecurityAlertView): string {
  return `${deps.publicUrl}/security?alert=${alert.id}`;
}

/** The alert without bulky evidence lines, for messages. */
function messageAlert(alert: SecurityAlertView) {
  return { ...alert, evidence: alert.evidence.slice(0, 10) };
}

export async function sendWebhook(
  deps: SenderDeps,
  channel: NonNullable<ResolvedChannels['webhook']>,
  alert: SecurityAlertView,
): Promise<void> {
  const body = JSON.stringify(
    channel.format === 'slack'
      ? { text: `${headline(alert)}\n<${alertLink(deps, alert)}|Open in S3 Access Manager>` }
      : { type: 'security.alert', url: alertLink(deps, alert), alert: messageAlert(alert) },
  );
  const timestamp = String(Math.floor(deps.clock().getTime() / 1000));
  const status = await postWebhook(
    channel.url,
    {
      headers: {
        'content-type': 'application/json',
        'user-agent': 's3-access-manager-webhook',
        ...(channel.secret
          ? {
              [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
              [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(channel.secret, timestamp, body),
            }
          : {}),
      },
      body,
      timeoutMs: WEBHOOK_TIMEOUT_MS,
    },
    deps.s3Network.policy,
  );
  if (status < 200 || status >= 300) throw new Error(`webhook answered ${status}`);
}

export async function sendEmail(
  deps: SenderDeps,
  to: string[],
  alert: SecurityAlertView,
): Promise<void> {
  await sendMail(deps, {
    to,
    subject: `S3 Access Manager security alert ${headline(alert)}`.slice(0, 200),
    text: [
      headline(alert),
      '',
      `Subject: ${alert.subjectType} ${alert.subject}`,
      `Seen: ${alert.count} time(s), first ${alert.firstSeen}, last ${alert.lastSeen}`,
      '',
      `Open: ${alertLink(deps, alert)}`,
    ].join('\n'),
  });
}

/** One email through the configured SMTP server (also used for notices to users). */
export async function sendMail(
  deps: Pick<SenderDeps, 'smtpUrl' | 'smtpFrom'>,
  message: { to: string[]; subject: string; text: string },
): Promise<void> {
  if (!deps.smtpUrl) throw new Error('SMTP_URL is not set: no email can be sent');
  const transport = nodemailer.createTransport(deps.smtpUrl);
  try {
    await transport.sendMail({ from: deps.smtpFrom, ...message });
  } finally {
    transport.close();
  }
}

export async function sendSns(
  deps: SenderDeps,
  channel: NonNullable<ResolvedChannels['sns']>,
  alert: SecurityAlertView,
): Promise<void> {
  const connection = await deps.db.s3Connection.findUnique({ where: { id: channel.connectionId } });
  if (!connection) throw new Error('the SNS connection no longer exists');
  const region = channel.topicArn.split(':')[3] ?? connection.region;
  const credentials = credentialsFor(connection, {
    keyring: deps.keyring,
    s3Network: deps.s3Network,
  });
  const client = new SNSClient({
    region,
    ...(deps.snsEndpoint ? { endpoint: deps.snsEndpoint } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts: 1,
  });
  try {
    await client.send(
      new PublishCommand({
        TopicArn: channel.topicArn,
        Subject: `S3AM ${alert.severity} ${alert.rule}`.slice(0, 100),
        Message: JSON.stringify({
          type: 'security.alert',
          url: alertLink(deps, alert),
          alert: messageAlert(alert),
        }),
      }),
    );
  } finally {
    client.destroy();
  }
}
