// Users are told about their own account: a password change, an admin's reset, 2FA turned on and a
// sign-in from a new country each become a notice listed at the next sign-in (until dismissed)
// and an email through SMTP_URL (a local SMTP sink here).
import { TotpSetupResponse, UserNoticeList } from '@s3am/contracts';
import { totpCode } from '../../lib/totp.js';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  signIn,
  type TestContext,
} from '../../../test/test-app.js';
import { eventually, startSmtpSink } from '../../../test/security-kit.js';

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
  ctx = await createTestApp({ env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

async function noticesOf(token: string) {
  const response = await ctx.app.inject({ url: '/api/me/notices', headers: bearer(token) });
  expect(response.statusCode).toBe(200);
  return UserNoticeList.parse(response.json()).items;
}

const mailsTo = (email: string) => smtp.mails.filter((mail) => mail.to.includes(email));

it('a password change is a notice at the next sign-in and an email, until dismissed', async () => {
  const user = await createUser(ctx.db);
  const token = await accessTokenFor(ctx, user);
  const newPassword = 'Tangerine-Harbour-Lantern-42';
  const changed = await ctx.app.inject({
    method: 'POST',
    url: '/api/me/password',
    headers: bearer(token),
    payload: { currentPassword: user.password, newPassword },
    remoteAddress: '192.0.2.77',
  });
  expect(changed.statusCode).toBe(204);
  await ctx.app.securityMonitor.settled();

  const next = await accessTokenFor(ctx, { email: user.email, password: newPassword });
  const notices = await noticesOf(next);
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({ kind: 'password_changed' });
  expect(notices[0]!.message).toContain('192.0.2.77');

  const mails = mailsTo(user.email);
  expect(mails).toHaveLength(1);
  expect(mails[0]!.raw).toContain('your password was changed');

  const dismissed = await ctx.app.inject({
    method: 'POST',
    url: '/api/me/notices/dismiss',
    headers: bearer(next),
    payload: { ids: [notices[0]!.id] },
  });
  expect(dismissed.statusCode).toBe(204);
  expect(await noticesOf(next)).toEqual([]);
});

it("an admin's reset tells the user who did it; another user's notices stay out of reach", async () => {
  const admin = await createUser(ctx.db, { role: 'admin' });
  const user = await createUser(ctx.db);
  const adminToken = await accessTokenFor(ctx, admin);
  const reset = await ctx.app.inject({
    method: 'POST',
    url: `/api/users/${user.id}/reset-password`,
    headers: bearer(adminToken),
    payload: {},
  });
  expect(reset.statusCode).toBe(200);
  await ctx.app.securityMonitor.settled();
  const notice = await ctx.db.userNotice.findFirstOrThrow({ where: { userId: user.id } });
  expect(notice.kind).toBe('password_changed');
  expect(notice.message).toContain(`by an administrator (${admin.email})`);

  // The admin cannot dismiss (or see) the user's notice.
  expect(await noticesOf(adminToken)).toEqual([]);
  await ctx.app.inject({
    method: 'POST',
    url: '/api/me/notices/dismiss',
    headers: bearer(adminToken),
    payload: { ids: [notice.id] },
  });
  expect(
    (await ctx.db.userNotice.findUniqueOrThrow({ where: { id: notice.id } })).readAt,
  ).toBeNull();
});

it('turning 2FA on is a notice and an email', async () => {
  const user = await createUser(ctx.db);
  const token = await accessTokenFor(ctx, user);
  const setup = TotpSetupResponse.parse(
    (
      await ctx.app.inject({ method: 'POST', url: '/api/me/2fa/setup', headers: bearer(token) })
    ).json(),
  );
  const enabled = await ctx.app.inject({
    method: 'POST',
    url: '/api/me/2fa/enable',
    headers: bearer(token),
    payload: { code: totpCode(setup.secret, new Date()) },
  });
  expect(enabled.statusCode).toBe(200);
  await ctx.app.securityMonitor.settled();
  const notices = await noticesOf(token);
  expect(notices.map((notice) => notice.kind)).toEqual(['two_factor_changed']);
  expect(notices[0]!.message).toContain('turned on');
  expect(mailsTo(user.email)).toHaveLength(1);
});

it('a sign-in from a new country is a notice and an email', async () => {
  const traveller = await createUser(ctx.db);
  expect((await signIn(ctx, traveller, '81.2.69.142')).statusCode).toBe(200); // GB
  await ctx.app.securityMonitor.settled();
  expect(mailsTo(traveller.email)).toHaveLength(0);
  const fromJapan = await signIn(ctx, traveller, '133.242.0.1');
  expect(fromJapan.statusCode).toBe(200);
  await eventually(async () => {
    await ctx.app.securityMonitor.settled();
    return mailsTo(traveller.email).length > 0;
  });
  const token = fromJapan.json<{ accessToken: string }>().accessToken;
  const notices = await noticesOf(token);
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({ kind: 'new_country_sign_in' });
  expect(notices[0]!.message).toContain('JP');
  expect(mailsTo(traveller.email)[0]!.raw).toContain('sign-in from a new country');
});
