// A long Uppy upload through the Companion routes keeps working as long as the session lives:
// the /s3 cookie names the session, not one access token. With 30-second access tokens (as in
// the bug report, where part 19 failed), the sign route still answers after tokens expired and
// after refreshes; the session's own rules (logout, idle timeout) still end it, and the cookie
// is never accepted as a bearer token elsewhere.
import {
  REFRESH_COOKIE,
  UPLOAD_COOKIE,
  UppyCreateMultipartResponse,
  UppySignedPart,
} from '@s3am/contracts';
import {
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  grantOnUploads,
  refreshCookieFrom,
  type TestContext,
} from '../../../test/test-app.js';

const run = `uppy-session-${Date.now()}`;
// Time moves by hand: Date.now (which JWT expiry is checked against) and the app clock.
const realNow = Date.now.bind(Date);
let shiftMs = 0;
const advance = (ms: number) => {
  shiftMs += ms;
};
let ctx: TestContext;
let connectionId: string;
let user: { id: string; email: string; password: string };

beforeAll(async () => {
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + shiftMs);
  ctx = await createTestApp({
    env: { ACCESS_TOKEN_TTL_SECONDS: '30', SESSION_IDLE_TIMEOUT_SECONDS: '900' },
    clock: () => new Date(Date.now()),
  });
  connectionId = await createLocalConnection(ctx.db);
  user = await createUser(ctx.db);
  await grantOnUploads(ctx.db, { userId: user.id, connectionId, prefix: `${run}/` });
});
afterAll(async () => {
  await ctx.close();
  jest.restoreAllMocks();
});

function uploadCookieOf(response: { cookies: { name: string; value: string; path?: string }[] }) {
  const cookie = response.cookies.find((c) => c.name === UPLOAD_COOKIE);
  expect(cookie?.path).toBe('/s3');
  return cookie!.value;
}

async function signIn() {
  const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: user });
  expect(login.statusCode).toBe(200);
  return {
    accessToken: login.json<{ accessToken: string }>().accessToken,
    refresh: refreshCookieFrom(login),
    upload: uploadCookieOf(login),
  };
}

async function startUpload(cookie: string) {
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/s3/multipart',
    cookies: { [UPLOAD_COOKIE]: cookie },
    payload: {
      filename: 'long-film.mp4',
      type: 'video/mp4',
      metadata: { connectionId, bucket: 'uploads', prefix: run },
    },
  });
  expect(created.statusCode).toBe(200);
  return UppyCreateMultipartResponse.parse(created.json());
}

const signPart = (upload: { uploadId: string; key: string }, partNumber: number, cookie: string) =>
  ctx.app.inject({
    url: `/s3/multipart/${upload.uploadId}/${partNumber}?key=${encodeURIComponent(upload.key)}`,
    cookies: { [UPLOAD_COOKIE]: cookie },
  });

it('signs parts after the access token expired, and after refreshes, while the session lives', async () => {
  const session = await signIn();
  const upload = await startUpload(session.upload);

  advance(31_000);
  // The access token the cookie came with has expired…
  expect(
    (await ctx.app.inject({ url: '/api/me', headers: bearer(session.accessToken) })).statusCode,
  ).toBe(401);
  // …and the upload goes on.
  const signed = await signPart(upload, 19, session.upload);
  expect(signed.statusCode).toBe(200);
  expect(UppySignedPart.parse(signed.json()).url).toContain('partNumber=19');

  // The SPA's refresh sets the cookie again; that one keeps working past token lifetimes too.
  const refreshed = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/refresh',
    cookies: { [REFRESH_COOKIE]: session.refresh },
  });
  expect(refreshed.statusCode).toBe(200);
  const renewed = uploadCookieOf(refreshed);
  for (const partNumber of [20, 21, 22]) {
    advance(5 * 60_000); // each call is activity, so the 15-minute idle timeout never hits
    expect((await signPart(upload, partNumber, renewed)).statusCode).toBe(200);
  }
});

it('ends with the session: after sign-out, and after the idle timeout', async () => {
  const first = await signIn();
  const upload = await startUpload(first.upload);
  const logout = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    cookies: { [REFRESH_COOKIE]: first.refresh },
  });
  expect(logout.statusCode).toBe(204);
  expect((await signPart(upload, 1, first.upload)).statusCode).toBe(401);

  const second = await signIn();
  const idle = await startUpload(second.upload);
  advance(16 * 60_000);
  expect((await signPart(idle, 1, second.upload)).statusCode).toBe(401);
});

it('is not an access token: other routes refuse it as a bearer, and forgeries are refused', async () => {
  const session = await signIn();
  expect(
    (await ctx.app.inject({ url: '/api/me', headers: bearer(session.upload) })).statusCode,
  ).toBe(401);
  const upload = await startUpload(session.upload);
  const forged = `${session.upload.slice(0, -2)}xx`;
  expect((await signPart(upload, 1, forged)).statusCode).toBe(401);
  // Uppy-style calls still work with an Authorization header instead of the cookie.
  expect(
    (
      await ctx.app.inject({
        url: `/s3/multipart/${upload.uploadId}/1?key=${encodeURIComponent(upload.key)}`,
        headers: bearer(session.accessToken),
      })
    ).statusCode,
  ).toBe(200);
});
