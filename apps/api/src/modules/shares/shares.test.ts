// Share links against real PostgreSQL and the real local S3 server: tokens stored hashed, every
// access checked again (password, download limit, address ranges, revoke, expiry, the owner's
// grant) and audited with IP and user agent, bytes fetched from S3 through presigned GETs.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { CreatedShare, ShareDownload, SharedContents, ShareList } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3Client,
  manualClock,
  type TestContext,
} from '../../../test/test-app.js';
import { problemOf } from '../../../test/uploads-kit.js';

const run = `shares-${Date.now()}`;
const clock = manualClock(new Date().toISOString());
const UA = 'share-test-browser/1.0';
let ctx: TestContext;
let connectionId: string;
let owner: { id: string; token: string };
let other: { id: string; token: string };

async function put(key: string, body: string) {
  await localS3Client().send(
    new PutObjectCommand({ Bucket: 'uploads', Key: `${run}/${key}`, Body: body }),
  );
}

async function share(body: Record<string, unknown>, token = owner.token) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/shares',
    headers: bearer(token),
    payload: { connectionId, bucket: 'uploads', ...body },
  });
}

async function created(body: Record<string, unknown>) {
  const response = await share(body);
  expect(response.statusCode).toBe(201);
  const link = CreatedShare.parse(response.json());
  return { ...link, token: link.url.slice(link.url.lastIndexOf('/') + 1) };
}

function open(
  token: string,
  payload: Record<string, unknown> = {},
  remoteAddress = '198.51.100.7',
) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/public/shares/${token}`,
    headers: { 'user-agent': UA },
    payload,
    remoteAddress,
  });
}

function download(
  token: string,
  payload: Record<string, unknown> = {},
  remoteAddress = '198.51.100.7',
) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/public/shares/${token}/download`,
    headers: { 'user-agent': UA },
    payload,
    remoteAddress,
  });
}

beforeAll(async () => {
  ctx = await createTestApp({
    clock: clock.now,
    env: { SESSION_IDLE_TIMEOUT_SECONDS: '86400', SHARE_MAX_EXPIRY_DAYS: '30' },
  });
  connectionId = await createLocalConnection(ctx.db, { name: run });
  const a = await createUser(ctx.db);
  const b = await createUser(ctx.db, { role: 'viewer' });
  owner = { id: a.id, token: await accessTokenFor(ctx, a) };
  other = { id: b.id, token: await accessTokenFor(ctx, b) };
  await ctx.db.grant.create({
    data: {
      userId: owner.id,
      connectionId,
      bucket: 'uploads',
      prefix: `${run}/docs/`,
      actions: ['list', 'read'],
    },
  });
  await put('docs/report.txt', 'quarterly numbers');
  await put('docs/team/a.txt', 'alpha');
  await put('docs/team/b.txt', 'bravo');
  await put('secret/keys.txt', 'not shared');
});

afterAll(() => ctx.close());

describe('share links', () => {
  it('stores only a hash of the 256-bit token and hands out a link to the app', async () => {
    const link = await created({ key: `${run}/docs/report.txt` });
    expect(link.url.startsWith(`${ctx.config.PUBLIC_URL}/s/`)).toBe(true);
    expect(Buffer.from(link.token, 'base64url')).toHaveLength(32);
    const row = await ctx.db.share.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(createHash('sha256').update(link.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(link.token);
    const list = ShareList.parse(
      (await ctx.app.inject({ url: '/api/shares', headers: bearer(owner.token) })).json(),
    );
    expect(JSON.stringify(list)).not.toContain(link.token);
  });

  it('lets anyone with the link download the file through a short-lived presigned GET, audited with IP and user agent', async () => {
    const link = await created({ key: `${run}/docs/report.txt` });
    const opened = await open(link.token);
    expect(opened.statusCode).toBe(200);
    expect(SharedContents.parse(opened.json())).toMatchObject({
      kind: 'file',
      name: 'report.txt',
      files: [{ name: 'report.txt', size: 17 }],
    });
    const got = await download(link.token);
    expect(got.statusCode).toBe(200);
    const { items, expiresAt } = ShareDownload.parse(got.json());
    expect(new Date(expiresAt).getTime() - clock.now().getTime()).toBe(300_000);
    const bytes = await fetch(items[0]!.url);
    expect(await bytes.text()).toBe('quarterly numbers');
    expect(bytes.headers.get('content-disposition')).toContain('report.txt');
    const events = await ctx.db.auditEvent.findMany({
      where: { targetType: 'share', targetId: link.id },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => [e.action, e.outcome, e.ip, e.userAgent])).toEqual([
      ['share.create', 'success', '127.0.0.1', 'lightMyRequest'],
      ['share.open', 'success', '198.51.100.7', UA],
      ['share.download', 'success', '198.51.100.7', UA],
    ]);
    const [view] = ShareList.parse(
      (await ctx.app.inject({ url: '/api/shares', headers: bearer(owner.token) })).json(),
    ).items.filter((item) => item.id === link.id);
    expect(view).toMatchObject({ accessCount: 2, downloadCount: 1, status: 'active' });
  });

  it('asks for the password (stored as argon2id) and audits wrong ones as denied', async () => {
    const link = await created({ key: `${run}/docs/report.txt`, password: 'correct horse 42' });
    const row = await ctx.db.share.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const none = await open(link.token);
    expect(none.statusCode).toBe(401);
    expect(problemOf(none).code).toBe('LINK_PASSWORD_REQUIRED');
    expect((await download(link.token, { password: 'wrong password' })).statusCode).toBe(401);
    expect((await open(link.token, { password: 'correct horse 42' })).statusCode).toBe(200);
    const denied = await ctx.db.auditEvent.findMany({
      where: { targetId: link.id, outcome: 'denied' },
    });
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ action: 'share.access', ip: '198.51.100.7', userAgent: UA });
  });

  it('stops at the download limit, counting parallel downloads exactly', async () => {
    const link = await created({ key: `${run}/docs/report.txt`, maxDownloads: 3 });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => download(link.token)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 410, 410]);
    const gone = await open(link.token);
    expect(gone.statusCode).toBe(410);
    expect(problemOf(gone).code).toBe('LINK_UNAVAILABLE');
    const row = await ctx.db.share.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.downloadCount).toBe(3);
  });

  it('answers only from the allowed address ranges', async () => {
    const link = await created({
      key: `${run}/docs/report.txt`,
      allowedCidrs: ['10.20.0.0/16', '2001:db8::/32'],
    });
    expect((await open(link.token, {}, '10.20.3.4')).statusCode).toBe(200);
    expect((await open(link.token, {}, '2001:db8::1')).statusCode).toBe(200);
    const outside = await download(link.token, {}, '192.0.2.1');
    expect(outside.statusCode).toBe(403);
    expect(problemOf(outside).code).toBe('LINK_ADDRESS_REFUSED');
    expect(
      (await share({ key: `${run}/docs/report.txt`, allowedCidrs: ['10.0.0.0/99'] })).statusCode,
    ).toBe(400);
  });

  it('refuses a revoked link, and only its owner (or an admin) may revoke it', async () => {
    const link = await created({ key: `${run}/docs/report.txt` });
    const foreign = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/shares/${link.id}`,
      headers: bearer(other.token),
    });
    expect(foreign.statusCode).toBe(404);
    const revoked = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/shares/${link.id}`,
      headers: bearer(owner.token),
    });
    expect(revoked.statusCode).toBe(204);
    const answer = await open(link.token);
    expect(answer.statusCode).toBe(410);
    expect(problemOf(answer).detail).toMatch(/revoked/);
  });

  it('needs read on what is shared, and dies with the owner’s grant', async () => {
    const denied = await share({ key: `${run}/secret/keys.txt` });
    expect(denied.statusCode).toBe(403);
    const viewer = await share({ key: `${run}/docs/report.txt` }, other.token);
    expect(viewer.statusCode).toBe(403);
    const temp = await ctx.db.grant.create({
      data: {
        userId: other.id,
        connectionId,
        bucket: 'uploads',
        prefix: `${run}/docs/`,
        actions: ['read'],
      },
    });
    const response = await share({ key: `${run}/docs/report.txt` }, other.token);
    expect(response.statusCode).toBe(201);
    const token = CreatedShare.parse(response.json()).url.split('/s/')[1]!;
    await ctx.db.grant.delete({ where: { id: temp.id } });
    expect((await download(token)).statusCode).toBe(410);
  });

  it('lists a shared folder, downloads several files as one download, and never leaves the folder', async () => {
    const link = await created({ prefix: `${run}/docs/`, maxDownloads: 1 });
    const root = SharedContents.parse((await open(link.token)).json());
    expect(root).toMatchObject({
      kind: 'folder',
      name: 'docs',
      folders: [{ path: 'team/', name: 'team' }],
      files: [{ path: 'report.txt', name: 'report.txt' }],
    });
    const team = SharedContents.parse((await open(link.token, { path: 'team/' })).json());
    expect(team.files.map((f) => f.path)).toEqual(['team/a.txt', 'team/b.txt']);
    const escape = await open(link.token, { path: '../secret/' });
    expect(escape.statusCode).toBe(400);
    expect((await download(link.token, { paths: ['../secret/keys.txt'] })).statusCode).toBe(400);
    const got = ShareDownload.parse(
      (await download(link.token, { paths: ['team/a.txt', 'team/b.txt'] })).json(),
    );
    const texts = await Promise.all(got.items.map(async (item) => (await fetch(item.url)).text()));
    expect(texts).toEqual(['alpha', 'bravo']);
    expect((await download(link.token, { paths: ['report.txt'] })).statusCode).toBe(410);
  });

  // Last: it moves the clock past every access token.
  it('refuses an expired link, and a life beyond the admin maximum', async () => {
    const link = await created({ key: `${run}/docs/report.txt`, expiresInDays: 1 });
    expect((await share({ key: `${run}/docs/report.txt`, expiresInDays: 31 })).statusCode).toBe(
      400,
    );
    clock.advance(24 * 3600 * 1000 + 1);
    const answer = await download(link.token);
    expect(answer.statusCode).toBe(410);
    expect(problemOf(answer).detail).toMatch(/expired/);
  });

  it('answers an unknown token with 404, never a 500', async () => {
    const answer = await open('x'.repeat(43));
    expect(answer.statusCode).toBe(404);
    expect(problemOf(answer).code).toBe('LINK_NOT_FOUND');
  });
});

describe('public link rate limit', () => {
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestApp({ env: { LINK_RATE_LIMIT_MAX: '3' } });
  });
  afterAll(() => limited.close());

  it('throttles link calls per client IP with 429 and Retry-After', async () => {
    const call = (remoteAddress: string) =>
      limited.app.inject({
        method: 'POST',
        url: `/api/public/shares/${'y'.repeat(43)}`,
        payload: {},
        remoteAddress,
      });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await call('203.0.113.9')).statusCode);
    expect(codes).toEqual([404, 404, 404, 429]);
    const throttled = await call('203.0.113.9');
    expect(throttled.headers['retry-after']).toBeDefined();
    expect((await call('203.0.113.10')).statusCode).toBe(404);
  });
});
