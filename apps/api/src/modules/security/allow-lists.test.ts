// IP allow-lists: a user's personal list is checked at sign-in only after the password, and its
// refusal reads exactly like a wrong password (so nobody outside learns that the account exists
// or has a list); a token is refused from elsewhere; the global list refuses every other address.
import { randomUUID } from 'node:crypto';
import { AllowListEntryView, ProblemSchema } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  signIn,
  type TestContext,
} from '../../../test/test-app.js';

const OFFICE = '203.0.113.0/24';
const INSIDE = '203.0.113.40';
const OUTSIDE = '198.51.100.77';

let ctx: TestContext;
let adminToken: string;
beforeAll(async () => {
  ctx = await createTestApp();
  adminToken = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
});
afterAll(() => ctx.close());

async function allow(cidr: string, userId: string | null) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/security/allow-list',
    headers: bearer(adminToken),
    payload: { cidr, userId, note: 'test' },
  });
  expect(response.statusCode).toBe(201);
  return AllowListEntryView.parse(response.json());
}

async function removeEntry(id: string) {
  const response = await ctx.app.inject({
    method: 'DELETE',
    url: `/api/security/allow-list/${id}`,
    headers: bearer(adminToken),
  });
  expect(response.statusCode).toBe(204);
}

/** The parts of an answer a caller could tell two refusals apart by. */
function refusalShape(response: Awaited<ReturnType<typeof signIn>>) {
  const problem = ProblemSchema.parse(response.json());
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    code: problem.code,
    title: problem.title,
    detail: problem.detail,
  };
}

describe('a personal allow-list', () => {
  it('refuses a right password from outside exactly like a wrong one, and lets it in from inside', async () => {
    const user = await createUser(ctx.db);
    await allow(OFFICE, user.id);

    const rightOutside = await signIn(ctx, user, OUTSIDE);
    const wrongOutside = await signIn(ctx, { ...user, password: 'not-the-password' }, OUTSIDE);
    const unknownOutside = await signIn(
      ctx,
      { email: `nobody-${randomUUID()}@example.test`, password: user.password },
      OUTSIDE,
    );
    expect(refusalShape(rightOutside)).toEqual(refusalShape(wrongOutside));
    expect(refusalShape(rightOutside)).toEqual(refusalShape(unknownOutside));
    expect(refusalShape(rightOutside)).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(rightOutside.cookies).toHaveLength(0);

    // The audit log (admins only) keeps the real reason.
    const refused = await ctx.db.auditEvent.findFirst({
      where: { actorId: user.id, action: 'auth.login', outcome: 'denied' },
    });
    expect(refused?.details).toMatchObject({ reason: 'ip_not_allowed' });
    expect(refused?.ip).toBe(OUTSIDE);

    expect((await signIn(ctx, user, INSIDE)).statusCode).toBe(200);
  });

  it('a wrong password from inside the list is still a wrong password', async () => {
    const user = await createUser(ctx.db);
    await allow(OFFICE, user.id);
    const response = await signIn(ctx, { ...user, password: 'not-the-password' }, INSIDE);
    expect(response.statusCode).toBe(401);
    const audit = await ctx.db.auditEvent.findFirst({
      where: { actorId: user.id, action: 'auth.login' },
      orderBy: { seq: 'desc' },
    });
    expect(audit?.details).toMatchObject({ reason: 'wrong_password' });
  });

  it("refuses the user's token from outside the list (403 problem+json), not from inside", async () => {
    const user = await createUser(ctx.db);
    await allow(OFFICE, user.id);
    const signedIn = await signIn(ctx, user, INSIDE);
    const token = signedIn.json<{ accessToken: string }>().accessToken;

    const inside = await ctx.app.inject({
      url: '/api/me',
      headers: bearer(token),
      remoteAddress: INSIDE,
    });
    expect(inside.statusCode).toBe(200);
    const outside = await ctx.app.inject({
      url: '/api/me',
      headers: bearer(token),
      remoteAddress: OUTSIDE,
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.headers['content-type']).toContain('application/problem+json');
    expect(ProblemSchema.parse(outside.json()).code).toBe('IP_NOT_ALLOWED');
  });

  it('users without a list sign in from anywhere', async () => {
    const user = await createUser(ctx.db);
    expect((await signIn(ctx, user, OUTSIDE)).statusCode).toBe(200);
  });
});

describe('the global allow-list', () => {
  it('refuses every address outside it before anything else, and applies removals at once', async () => {
    const user = await createUser(ctx.db);
    // The admin's own address (inject's default) stays allowed, so the test can undo the list.
    const local = await allow('127.0.0.1', null);
    const office = await allow(OFFICE, null);
    try {
      const outside = await signIn(ctx, user, OUTSIDE);
      expect(outside.statusCode).toBe(403);
      expect(outside.headers['content-type']).toContain('application/problem+json');
      expect(ProblemSchema.parse(outside.json()).code).toBe('IP_NOT_ALLOWED');
      // Refused before routing: unknown paths and public endpoints alike.
      const health = await ctx.app.inject({ url: '/api/system/status', remoteAddress: OUTSIDE });
      expect(health.statusCode).toBe(403);

      expect((await signIn(ctx, user, INSIDE)).statusCode).toBe(200);
    } finally {
      await removeEntry(office.id);
      await removeEntry(local.id);
    }
    expect((await signIn(ctx, user, OUTSIDE)).statusCode).toBe(200);
  });
});
