// Fixtures shared by the API tests that upload or browse files on the local S3 server: the app
// with a connection to it, users granted a prefix there and signed in, the parts-signing call,
// and the problem+json body of a refusal.
import { ProblemSchema, SignedParts, UPLOAD_COOKIE, type Problem } from '@s3am/contracts';
import {
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  grantOnUploads,
  signIn,
  type TestAppOptions,
  type TestContext,
  type UserFixture,
} from './test-app.js';

/** The real app plus a connection to the local S3 server (its `uploads` bucket). */
export async function createAppWithLocalConnection(
  options: TestAppOptions = {},
): Promise<{ ctx: TestContext; connectionId: string }> {
  const ctx = await createTestApp(options);
  try {
    return { ctx, connectionId: await createLocalConnection(ctx.db) };
  } catch (error) {
    await ctx.close();
    throw error;
  }
}

export interface SignedInGrantee {
  user: UserFixture;
  /** Access token of the sign-in. */
  token: string;
  /** The upload cookie (Uppy routes) the same sign-in set, if any. */
  uploadCookie: string | undefined;
}

/**
 * A new user (uploader unless said otherwise) granted `actions` (list + write unless said
 * otherwise) under `prefix` of the local `uploads` bucket, signed in once through the API.
 */
export async function signedInGrantee(
  ctx: TestContext,
  grant: { connectionId: string; prefix: string; actions?: string[] },
): Promise<SignedInGrantee> {
  const user = await createUser(ctx.db);
  await grantOnUploads(ctx.db, { userId: user.id, ...grant });
  const login = await signIn(ctx, user);
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  return {
    user,
    token: login.json<{ accessToken: string }>().accessToken,
    uploadCookie: login.cookies.find((c) => c.name === UPLOAD_COOKIE)?.value,
  };
}

/** POST /api/uploads/:id/parts as `token`: expects 200 and returns the signed URLs. */
export async function signParts(
  ctx: TestContext,
  token: string,
  id: string,
  partNumbers: number[],
): Promise<SignedParts> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/uploads/${id}/parts`,
    headers: bearer(token),
    payload: { partNumbers },
  });
  expect(response.statusCode).toBe(200);
  return SignedParts.parse(response.json());
}

/** The problem+json body of a response (throws when it is not one). */
export const problemOf = (response: { json: () => unknown }): Problem =>
  ProblemSchema.parse(response.json());
