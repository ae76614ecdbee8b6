// Access tokens must carry exp (and iat within the TTL); the dummy hash for unknown emails is
// ready before the first request.
import { createHmac } from 'node:crypto';
import argon2 from '@node-rs/argon2';
import {
  TEST_JWT_SECRET,
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  type TestContext,
} from '../../test/test-app.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const base64url = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/** An HS256 JWT signed with the app's own secret: only the claims decide whether it is accepted. */
function signWithAppSecret(claims: Record<string, unknown>): string {
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  const signature = createHmac('sha256', TEST_JWT_SECRET).update(unsigned).digest();
  return `${unsigned}.${base64url(signature)}`;
}

async function sessionClaims(): Promise<{ sub: string; sid: string; role: string }> {
  const token = await accessTokenFor(ctx, await createUser(ctx.db));
  const payload = JSON.parse(
    Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
  ) as { sub: string; sid: string; role: string; iat: number; exp: number };
  expect(payload.exp - payload.iat).toBe(ctx.config.ACCESS_TOKEN_TTL_SECONDS);
  return { sub: payload.sub, sid: payload.sid, role: payload.role };
}

const me = (token: string) =>
  ctx.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
const now = () => Math.floor(Date.now() / 1000);

describe('access token claims', () => {
  it('accepts a token with iat and exp within the TTL (the control)', async () => {
    const claims = await sessionClaims();
    expect(
      (await me(signWithAppSecret({ ...claims, iat: now(), exp: now() + 60 }))).statusCode,
    ).toBe(200);
  });

  it('refuses a correctly signed token without exp', async () => {
    const claims = await sessionClaims();
    const response = await me(signWithAppSecret({ ...claims, iat: now() }));
    expect(response.statusCode).toBe(401);
    expect(response.json<{ code: string }>().code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token without iat, and one whose exp lies beyond the TTL from iat', async () => {
    const claims = await sessionClaims();
    expect((await me(signWithAppSecret({ ...claims, exp: now() + 60 }))).statusCode).toBe(401);
    const issuedLongAgo = now() - ctx.config.ACCESS_TOKEN_TTL_SECONDS - 60;
    expect(
      (await me(signWithAppSecret({ ...claims, iat: issuedLongAgo, exp: now() + 3600 })))
        .statusCode,
    ).toBe(401);
  });
});

describe('timing of unknown-email logins', () => {
  it('computes the dummy hash at start-up, not during the first unknown-email login', async () => {
    const fresh = await createTestApp();
    const hash = jest.spyOn(argon2, 'hash');
    try {
      const response = await fresh.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `nobody-${Date.now()}@example.test`, password: 'some-password-1234' },
      });
      expect(response.statusCode).toBe(401);
      expect(hash).not.toHaveBeenCalled();
    } finally {
      hash.mockRestore();
      await fresh.close();
    }
  });
});
