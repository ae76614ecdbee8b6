// More than 10 failed requests in a minute from one address (behind the trusted proxy) block that
// address before anything else runs, raise one HIGH alert and notify: one signed webhook call and
// one email. Blocks expire; a storm folds into one alert.
import { createHmac, randomUUID } from 'node:crypto';
import {
  AlertList,
  NotificationDeliveryList,
  ProblemSchema,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  manualClock,
  type TestContext,
  WORKER_ID,
} from '../../../test/test-app.js';
import { eventually, startRecorder, startSmtpSink } from '../../../test/security-kit.js';

const NGINX = '10.0.0.2';
let next = 1;
/** A fresh public-looking client address per test, so tests sharing a database never collide. */
const freshIp = () => `198.51.100.${(Number(WORKER_ID) * 40 + next++) % 250}`;

function loginFrom(
  ctx: TestContext,
  ip: string,
  credentials?: { email: string; password: string },
) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: credentials ?? {
      email: `nobody-${randomUUID()}@example.test`,
      password: 'wrong-password',
    },
    headers: { 'x-forwarded-for': ip },
    remoteAddress: NGINX,
  });
}

async function failTimes(ctx: TestContext, ip: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await loginFrom(ctx, ip)).statusCode);
  return statuses;
}

async function alertsFor(ctx: TestContext, token: string, subject: string) {
  const response = await ctx.app.inject({ url: '/api/security/alerts', headers: bearer(token) });
  expect(response.statusCode).toBe(200);
  return AlertList.parse(response.json()).items.filter((alert) => alert.subject === subject);
}

describe('failed requests from one address', () => {
  it('11 failed sign-ins block that address (403 + Retry-After), alert HIGH once, and notify once by webhook and email', async () => {
    const smtp = await startSmtpSink();
    const webhook = await startRecorder();
    const ctx = await createTestApp({
      env: { SECURITY_AUTO_BLOCK: 'true', TRUST_PROXY: '1', SMTP_URL: smtp.url },
    });
    try {
      const admin = await createUser(ctx.db, { role: 'admin' });
      const token = await accessTokenFor(ctx, admin);
      const secret = `whsec-${randomUUID()}`;
      const configured = await ctx.app.inject({
        method: 'PUT',
        url: '/api/security/notifications',
        headers: bearer(token),
        payload: {
          webhook: { url: `${webhook.url}/hook`, format: 'json', severities: ['HIGH'], secret },
          email: { to: ['security-team@example.test'], severities: ['HIGH'] },
          sns: null,
        },
      });
      expect(configured.statusCode).toBe(200);
      expect(configured.body).not.toContain(secret);

      const attacker = freshIp();
      expect(await failTimes(ctx, attacker, 11)).toEqual(Array(11).fill(401));

      const refused = await loginFrom(ctx, attacker);
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(ProblemSchema.parse(refused.json()).code).toBe('IP_BLOCKED');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);

      // Another client behind the same proxy still signs in.
      const user = await createUser(ctx.db);
      expect((await loginFrom(ctx, freshIp(), user)).statusCode).toBe(200);

      const alerts = await alertsFor(ctx, token, attacker);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        rule: 'failed-requests',
        severity: 'HIGH',
        subjectType: 'ip',
        status: 'open',
      });
      expect(alerts[0]!.evidence.length).toBeGreaterThanOrEqual(11);
      expect(alerts[0]!.evidence.every((item) => item.ip === attacker && item.requestId)).toBe(
        true,
      );

      const deliveries = await eventually(async () => {
        const response = await ctx.app.inject({
          url: '/api/security/notifications/deliveries',
          headers: bearer(token),
        });
        const items = NotificationDeliveryList.parse(response.json()).items.filter(
          (item) => item.alertId === alerts[0]!.id,
        );
        return items.length === 2 && items.every((item) => item.status !== 'pending') && items;
      });
      expect(deliveries.map((item) => [item.channel, item.status]).sort()).toEqual([
        ['email', 'sent'],
        ['webhook', 'sent'],
      ]);

      expect(webhook.received).toHaveLength(1);
      const call = webhook.received[0]!;
      const timestamp = String(call.headers[WEBHOOK_TIMESTAMP_HEADER]);
      const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${call.body}`).digest('hex')}`;
      expect(call.headers[WEBHOOK_SIGNATURE_HEADER]).toBe(expected);
      expect(JSON.parse(call.body)).toMatchObject({
        type: 'security.alert',
        alert: { id: alerts[0]!.id, rule: 'failed-requests', severity: 'HIGH', subject: attacker },
      });

      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]!.to).toEqual(['security-team@example.test']);
      expect(smtp.mails[0]!.raw).toContain('failed-requests');
    } finally {
      await ctx.close();
      await webhook.close();
      await smtp.close();
    }
  });

  it('the block expires after its time (injected clock)', async () => {
    const clock = manualClock('2026-12-02T10:00:00.000Z');
    const ctx = await createTestApp({
      env: { SECURITY_AUTO_BLOCK: 'true', TRUST_PROXY: '1' },
      clock: clock.now,
    });
    try {
      const attacker = freshIp();
      await failTimes(ctx, attacker, 11);
      expect((await loginFrom(ctx, attacker)).statusCode).toBe(403);
      clock.advance(14 * 60_000);
      expect((await loginFrom(ctx, attacker)).statusCode).toBe(403);
      clock.advance(61_000);
      expect((await loginFrom(ctx, attacker)).statusCode).toBe(401);
    } finally {
      await ctx.close();
    }
  });

  it('10 failures in a minute are not enough, and failures spread over minutes never block', async () => {
    const clock = manualClock('2026-12-02T11:00:00.000Z');
    const ctx = await createTestApp({
      env: { SECURITY_AUTO_BLOCK: 'true', TRUST_PROXY: '1' },
      clock: clock.now,
    });
    try {
      const careful = freshIp();
      for (let i = 0; i < 30; i++) {
        expect((await loginFrom(ctx, careful)).statusCode).toBe(401);
        clock.advance(7_000);
      }
      expect(await ctx.db.ipBlock.count({ where: { cidr: careful } })).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
