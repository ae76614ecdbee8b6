// Notification channels: a failed webhook stays visible and is retried with backoff by the job
// queue's maintenance run; the Slack-compatible payload; SNS Publish with a connection's
// credentials (to a loopback SNS-protocol stand-in); email without SMTP shows as a failure.
import { randomUUID } from 'node:crypto';
import { NotificationDeliveryList, type NotificationDeliveryView } from '@s3am/contracts';
import { runSecurityMaintenance } from '../../jobs/security-maintenance.job.js';
import { s3NetworkFrom } from '../connections/s3-client.js';
import {
  TEST_KEYRING,
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  manualClock,
  type TestContext,
} from '../../../test/test-app.js';
import { eventually, startRecorder } from '../../../test/security-kit.js';
import type { SenderDeps } from './notifications/notification-senders.js';

const clock = manualClock('2026-12-02T12:00:00.000Z');
let ctx: TestContext;
let token: string;
let senders: SenderDeps;
/** Answers Publish like SNS (query or JSON protocol) and records the calls. */
let sns: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => {
  sns = await startRecorder(
    () => 200,
    (request) =>
      request.headers['content-type']?.includes('json')
        ? JSON.stringify({ MessageId: randomUUID() })
        : `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${randomUUID()}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
  );
  ctx = await createTestApp({ clock: clock.now, env: { SNS_ENDPOINT: sns.url } });
  token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
  // Files before this one in the same worker database may have left deliveries pending; the
  // maintenance runs below would send them to this file's receivers.
  await ctx.db.securityNotification.deleteMany({ where: { status: 'pending' } });
  senders = {
    db: ctx.db,
    keyring: TEST_KEYRING,
    s3Network: s3NetworkFrom(ctx.config),
    publicUrl: ctx.config.PUBLIC_URL,
    smtpFrom: ctx.config.SMTP_FROM,
    clock: clock.now,
  };
});
afterAll(async () => {
  senders.s3Network.clients.close();
  await ctx.close();
  await sns.close();
});

async function configure(channels: Record<string, unknown>) {
  const response = await ctx.app.inject({
    method: 'PUT',
    url: '/api/security/notifications',
    headers: bearer(token),
    payload: { webhook: null, email: null, sns: null, ...channels },
  });
  expect(response.statusCode).toBe(200);
}

/** Raises a fresh MEDIUM alert (scanner user agent from a new address); its deliveries. */
async function raiseAlert(): Promise<{
  ip: string;
  deliveries: () => Promise<NotificationDeliveryView[]>;
}> {
  const ip = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
  await ctx.app.inject({
    url: '/api/system/status',
    headers: { 'user-agent': 'nikto' },
    remoteAddress: ip,
  });
  const alert = await ctx.db.securityAlert.findFirstOrThrow({ where: { subject: ip } });
  return {
    ip,
    deliveries: async () => {
      const response = await ctx.app.inject({
        url: '/api/security/notifications/deliveries',
        headers: bearer(token),
      });
      return NotificationDeliveryList.parse(response.json()).items.filter(
        (item) => item.alertId === alert.id,
      );
    },
  };
}

it('a failing webhook stays visible with its error and is retried with backoff until it succeeds', async () => {
  let failures = 1;
  const receiver = await startRecorder(() => (failures-- > 0 ? 500 : 200));
  try {
    await configure({
      webhook: { url: receiver.url, severities: ['MEDIUM'], secret: `s-${randomUUID()}` },
    });
    const { deliveries } = await raiseAlert();
    const failed = await eventually(async () => {
      const [item] = await deliveries();
      return item?.lastError ? item : undefined;
    });
    expect(failed).toMatchObject({
      channel: 'webhook',
      status: 'pending',
      attempts: 1,
      lastError: 'webhook answered 500',
    });
    expect(new Date(failed.nextAttemptAt!).getTime() - clock.now().getTime()).toBe(60_000);

    // Not due yet: the maintenance run leaves it alone.
    await runSecurityMaintenance(senders);
    expect(receiver.received).toHaveLength(1);
    clock.advance(61_000);
    await runSecurityMaintenance(senders);
    expect(receiver.received).toHaveLength(2);
    const [sent] = await deliveries();
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  } finally {
    await receiver.close();
  }
});

it('sends a Slack-compatible payload when asked', async () => {
  const receiver = await startRecorder();
  try {
    await configure({ webhook: { url: receiver.url, format: 'slack', severities: ['MEDIUM'] } });
    const { ip, deliveries } = await raiseAlert();
    await eventually(async () => (await deliveries())[0]?.status === 'sent');
    const body = JSON.parse(receiver.received[0]!.body) as { text: string };
    expect(Object.keys(body)).toEqual(['text']);
    expect(body.text).toContain('[MEDIUM] scanner-agent');
    expect(body.text).toContain(ip);
  } finally {
    await receiver.close();
  }
});

it('publishes to an SNS topic with the credentials of a connection', async () => {
  const connectionId = await createLocalConnection(ctx.db);
  const topicArn = 'arn:aws:sns:eu-west-1:123456789012:security-alerts';
  await configure({ sns: { connectionId, topicArn, severities: ['MEDIUM'] } });
  const { deliveries } = await raiseAlert();
  await eventually(async () => (await deliveries())[0]?.status === 'sent');
  expect(sns.received).toHaveLength(1);
  const publish = sns.received[0]!;
  const connection = await ctx.db.s3Connection.findUniqueOrThrow({ where: { id: connectionId } });
  expect(publish.headers.authorization).toContain(`Credential=${connection.accessKeyId}/`);
  expect(publish.headers.authorization).toContain('/eu-west-1/sns/aws4_request');
  const body = decodeURIComponent(publish.body.replaceAll('+', ' '));
  expect(body).toContain('Publish');
  expect(body).toContain(topicArn);
  expect(body).toContain('scanner-agent');
});

it('an email channel without SMTP_URL shows the failure instead of dropping it', async () => {
  await configure({ email: { to: ['soc@example.test'], severities: ['MEDIUM'] } });
  const { deliveries } = await raiseAlert();
  const item = await eventually(async () => {
    const [delivery] = await deliveries();
    return delivery?.lastError ? delivery : undefined;
  });
  expect(item).toMatchObject({
    channel: 'email',
    status: 'pending',
    lastError: 'SMTP_URL is not set: no email can be sent',
  });
});
