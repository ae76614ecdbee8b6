// 2FA through the API with an injected clock: enrol with a QR secret, confirm, sign in with a
// code (never the same code twice), recovery codes work once, admins can be required to enrol.
import {
  ProblemSchema,
  RecoveryCodesResponse,
  TokenResponse,
  TotpSetupResponse,
} from '@s3am/contracts';
import { totpCode } from '../../lib/totp.js';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  type TestContext,
  type UserFixture,
  manualClock,
} from '../../../test/test-app.js';

let ctx: TestContext;
const clock = manualClock('2026-11-23T12:00:00Z');

beforeAll(async () => {
  ctx = await createTestApp({
    clock: clock.now,
    env: { SESSION_IDLE_TIMEOUT_SECONDS: String(30 * 24 * 3600) },
  });
});
afterAll(() => ctx.close());

const post = (url: string, token: string, payload?: object) =>
  ctx.app.inject({ method: 'POST', url, headers: bearer(token), ...(payload ? { payload } : {}) });
const randomAddress = () =>
  `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const login = (user: UserFixture, extra: object = {}, remoteAddress = randomAddress()) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password, ...extra },
    remoteAddress,
  });

async function enrol(
  user: UserFixture,
): Promise<{ secret: string; recoveryCodes: string[]; token: string }> {
  const token = await accessTokenFor(ctx, user);
  const setup = TotpSetupResponse.parse((await post('/api/me/2fa/setup', token)).json());
  const enabled = await post('/api/me/2fa/enable', token, {
    code: totpCode(setup.secret, clock.now()),
  });
  expect(enabled.statusCode).toBe(200);
  return {
    secret: setup.secret,
    recoveryCodes: RecoveryCodesResponse.parse(enabled.json()).recoveryCodes,
    token,
  };
}

describe('enrolment', () => {
  it('returns a scannable QR code and secret, and turns on only after a valid first code', async () => {
    const alice = await createUser(ctx.db);
    const token = await accessTokenFor(ctx, alice);
    const setup = TotpSetupResponse.parse((await post('/api/me/2fa/setup', token)).json());
    expect(setup.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(setup.otpauthUrl).toContain(encodeURIComponent(alice.email));

    const wrong = await post('/api/me/2fa/enable', token, { code: '000000' });
    expect(ProblemSchema.parse(wrong.json()).code).toBe('INVALID_TOTP');
    expect(
      (await ctx.db.user.findUniqueOrThrow({ where: { id: alice.id } })).totpEnabledAt,
    ).toBeNull();

    const enabled = await post('/api/me/2fa/enable', token, {
      code: totpCode(setup.secret, clock.now()),
    });
    const { recoveryCodes } = RecoveryCodesResponse.parse(enabled.json());
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await ctx.db.recoveryCode.findMany({ where: { userId: alice.id } });
    expect(stored).toHaveLength(10);
    expect(stored.map((c) => c.codeHash)).not.toContain(recoveryCodes[0]);
    const secretRow = await ctx.db.user.findUniqueOrThrow({ where: { id: alice.id } });
    expect(secretRow.totpSecretCiphertext).not.toContain(setup.secret);
  });
});

describe('signing in with 2FA on', () => {
  it('asks for the code, accepts it once, and refuses a replay of the same code', async () => {
    const bob = await createUser(ctx.db);
    const { secret } = await enrol(bob);
    clock.advance(30_000);

    const withoutCode = await login(bob);
    expect(withoutCode.statusCode).toBe(401);
    expect(ProblemSchema.parse(withoutCode.json()).code).toBe('TOTP_REQUIRED');

    const code = totpCode(secret, clock.now());
    const ok = await login(bob, { totpCode: code });
    expect(ok.statusCode).toBe(200);
    expect(TokenResponse.parse(ok.json()).user.totpEnabled).toBe(true);

    const replay = await login(bob, { totpCode: code });
    expect(ProblemSchema.parse(replay.json()).code).toBe('INVALID_TOTP');
    clock.advance(30_000);
    expect((await login(bob, { totpCode: totpCode(secret, clock.now()) })).statusCode).toBe(200);
  });

  it('accepts each recovery code exactly once', async () => {
    const carol = await createUser(ctx.db);
    const { recoveryCodes } = await enrol(carol);
    const code = recoveryCodes[3]!;
    expect((await login(carol, { recoveryCode: code.toUpperCase() })).statusCode).toBe(200);
    expect(ProblemSchema.parse((await login(carol, { recoveryCode: code })).json()).code).toBe(
      'INVALID_TOTP',
    );
    expect(
      await ctx.db.auditEvent.count({
        where: { action: 'two_factor.recovery_code_used', actorId: carol.id },
      }),
    ).toBe(1);
  });

  it('counts wrong codes toward the lockout of the account from that address', async () => {
    const dave = await createUser(ctx.db);
    await enrol(dave);
    const ip = randomAddress();
    for (let i = 0; i < 5; i++)
      expect((await login(dave, { totpCode: '000000' }, ip)).statusCode).toBe(401);
    expect(ProblemSchema.parse((await login(dave, { totpCode: '000000' }, ip)).json()).code).toBe(
      'LOGIN_THROTTLED',
    );
  });

  it('turns off only with the password and a valid code', async () => {
    const erin = await createUser(ctx.db);
    const { secret, token } = await enrol(erin);
    clock.advance(30_000);
    expect(
      (
        await post('/api/me/2fa/disable', token, {
          password: 'wrong-password',
          code: totpCode(secret, clock.now()),
        })
      ).statusCode,
    ).toBe(401);
    clock.advance(30_000);
    expect(
      (
        await post('/api/me/2fa/disable', token, {
          password: erin.password,
          code: totpCode(secret, clock.now()),
        })
      ).statusCode,
    ).toBe(204);
    expect((await login(erin)).statusCode).toBe(200);
  });
});

describe('requiring 2FA for admins', () => {
  it('blocks an admin without 2FA until enrolled, and refuses turning it off', async () => {
    const root = await createUser(ctx.db, { role: 'admin' });
    const rootToken = await accessTokenFor(ctx, root);
    const settings = await ctx.app.inject({
      method: 'PUT',
      url: '/api/settings/security',
      headers: bearer(rootToken),
      payload: { requireTotpForAdmins: true },
    });
    expect(settings.statusCode).toBe(200);
    try {
      const frank = await createUser(ctx.db, { role: 'admin' });
      const signedIn = await login(frank);
      expect(TokenResponse.parse(signedIn.json()).user.mustEnrollTotp).toBe(true);
      const token = TokenResponse.parse(signedIn.json()).accessToken;
      const blocked = await ctx.app.inject({
        method: 'GET',
        url: '/api/users',
        headers: bearer(token),
      });
      expect(ProblemSchema.parse(blocked.json()).code).toBe('TOTP_ENROLLMENT_REQUIRED');

      const setup = TotpSetupResponse.parse((await post('/api/me/2fa/setup', token)).json());
      await post('/api/me/2fa/enable', token, { code: totpCode(setup.secret, clock.now()) });
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/users', headers: bearer(token) }))
          .statusCode,
      ).toBe(200);
      clock.advance(30_000);
      const disable = await post('/api/me/2fa/disable', token, {
        password: frank.password,
        code: totpCode(setup.secret, clock.now()),
      });
      expect(ProblemSchema.parse(disable.json()).code).toBe('FORBIDDEN');
      // Uploaders are not concerned.
      const uploader = await createUser(ctx.db);
      expect(
        (
          await ctx.app.inject({
            method: 'GET',
            url: '/api/me/tokens',
            headers: bearer(await accessTokenFor(ctx, uploader)),
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      await ctx.db.systemSetting.deleteMany({ where: { key: 'security' } });
    }
  });
});
