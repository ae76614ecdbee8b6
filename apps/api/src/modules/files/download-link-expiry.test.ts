// Download links with a chosen lifetime: shorter than the admin's maximum when asked, never
// longer; S3 enforces it (X-Amz-Expires), the audit records it, the link works until then.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DownloadLink, ProblemSchema } from '@s3am/contracts';
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

const run = `link-expiry-${Date.now()}`;
const clock = manualClock(new Date().toISOString());
const MAX_SECONDS = 7200;
let ctx: TestContext;
let connectionId: string;
let alice: { id: string; token: string };

beforeAll(async () => {
  ctx = await createTestApp({
    clock: clock.now,
    env: { DOWNLOAD_URL_TTL_SECONDS: String(MAX_SECONDS), SESSION_IDLE_TIMEOUT_SECONDS: '86400' },
  });
  connectionId = await createLocalConnection(ctx.db, { name: run });
  const user = await createUser(ctx.db, { role: 'viewer' });
  alice = { id: user.id, token: await accessTokenFor(ctx, user) };
  await ctx.db.grant.create({
    data: {
      userId: user.id,
      connectionId,
      bucket: 'uploads',
      prefix: `${run}/`,
      actions: ['read'],
    },
  });
  await localS3Client().send(
    new PutObjectCommand({ Bucket: 'uploads', Key: `${run}/report.txt`, Body: 'numbers' }),
  );
});
afterAll(() => ctx.close());

async function link(extra: object = {}) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/files/download-url',
    headers: bearer(alice.token),
    payload: { connectionId, bucket: 'uploads', key: `${run}/report.txt`, ...extra },
  });
  return response;
}

const lifetime = (url: string) => Number(new URL(url).searchParams.get('X-Amz-Expires'));

describe('download link lifetime', () => {
  it('lives as long as asked, says until when, is audited, and works', async () => {
    const response = await link({ expiresInSeconds: 900 });
    expect(response.statusCode).toBe(200);
    const body = DownloadLink.parse(response.json());
    expect(lifetime(body.url)).toBe(900);
    expect(Date.parse(body.expiresAt) - clock.now().getTime()).toBe(900_000);
    expect(await (await fetch(body.url)).text()).toBe('numbers');
    const event = await ctx.db.auditEvent.findFirst({
      where: { actorId: alice.id, action: 'files.download_link' },
      orderBy: { seq: 'desc' },
    });
    expect(event?.details).toMatchObject({ ttlSeconds: 900 });
  });

  it('defaults to the admin maximum and never exceeds it', async () => {
    expect(lifetime(DownloadLink.parse((await link()).json()).url)).toBe(MAX_SECONDS);
    const asked = DownloadLink.parse((await link({ expiresInSeconds: 7 * 24 * 3600 })).json());
    expect(lifetime(asked.url)).toBe(MAX_SECONDS);
    expect(Date.parse(asked.expiresAt) - clock.now().getTime()).toBe(MAX_SECONDS * 1000);
  });

  it('a short link stops working when its time is up', async () => {
    clock.advance(-120_000); // signed two minutes ago for one minute
    const body = DownloadLink.parse((await link({ expiresInSeconds: 60 })).json());
    clock.advance(120_000);
    expect((await fetch(body.url)).status).toBe(403);
  });

  it('refuses lifetimes outside 60 s … 7 days with the field named', async () => {
    for (const expiresInSeconds of [10, 8 * 24 * 3600]) {
      const response = await link({ expiresInSeconds });
      expect(response.statusCode).toBe(400);
      expect(ProblemSchema.parse(response.json()).errors?.[0]?.path).toBe('body.expiresInSeconds');
    }
  });
});
