// POST /api/files/thumbnail-urls against the real local S3 server: links for the raster images
// among the keys (answered with the image type, ranged GETs work), grants checked on every key,
// one audit event per call.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ThumbnailUrls } from '@s3am/contracts';
import { bearer, localS3Client, type TestContext } from '../../../test/test-app.js';
import {
  createAppWithLocalConnection,
  problemOf,
  signedInGrantee,
} from '../../../test/uploads-kit.js';

const run = `thumbs-${Date.now()}`;
const direct = localS3Client();
let ctx: TestContext;
let connectionId: string;
let reader: { token: string; userId: string };
let lister: { token: string; userId: string };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection());
  const grantee = async (prefix: string, actions: string[]) => {
    const g = await signedInGrantee(ctx, { connectionId, prefix, actions });
    return { token: g.token, userId: g.user.id };
  };
  reader = await grantee(`${run}/pics/`, ['list', 'read']);
  lister = await grantee(`${run}/`, ['list']);
  for (const [key, body, type] of [
    ['pics/a.png', PNG, 'application/octet-stream'],
    ['pics/b.JPG', Buffer.from('not really a jpeg'), 'image/jpeg'],
    ['pics/icon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/svg+xml'],
    ['private/c.png', PNG, 'image/png'],
  ] as const)
    await direct.send(
      new PutObjectCommand({
        Bucket: 'uploads',
        Key: `${run}/${key}`,
        Body: body,
        ContentType: type,
      }),
    );
});
afterAll(async () => {
  direct.destroy();
  await ctx.close();
});

const ask = (token: string, keys: string[]) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/files/thumbnail-urls',
    headers: bearer(token),
    payload: { connectionId, bucket: 'uploads', keys: keys.map((key) => `${run}/${key}`) },
  });

it('signs ranged-fetchable links for the raster images and skips other names', async () => {
  const response = await ask(reader.token, ['pics/a.png', 'pics/b.JPG', 'pics/icon.svg']);
  expect(response.statusCode).toBe(200);
  const body = ThumbnailUrls.parse(response.json());
  expect(body.items.map((item) => item.key)).toEqual([`${run}/pics/a.png`, `${run}/pics/b.JPG`]);
  expect(body.skipped).toEqual([`${run}/pics/icon.svg`]);
  const png = await fetch(body.items[0]!.url, { headers: { Range: 'bytes=0-7' } });
  expect(png.status).toBe(206);
  // The extension names the type, whatever was stored.
  expect(png.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await png.arrayBuffer()).equals(PNG.subarray(0, 8))).toBe(true);
  const jpeg = await fetch(body.items[1]!.url);
  expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
  const events = await ctx.db.auditEvent.findMany({
    where: { actorId: reader.userId, action: 'files.thumbnail_links' },
  });
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    targetType: 'object',
    targetId: `uploads/${run}/pics/`,
    details: { connectionId, count: 2 },
  });
});

it('refuses the whole call when one key is outside the read grants, and audits the refusal', async () => {
  const response = await ask(reader.token, ['pics/a.png', 'private/c.png']);
  expect(response.statusCode).toBe(403);
  expect(problemOf(response).code).toBe('GRANT_DENIED');
  const denied = await ctx.db.auditEvent.findFirst({
    where: { actorId: reader.userId, action: 'files.read', outcome: 'denied' },
  });
  expect(denied?.targetId).toBe(`uploads/${run}/private/c.png`);
  // List alone is not read.
  expect((await ask(lister.token, ['pics/a.png'])).statusCode).toBe(403);
});

it('rejects malformed keys and more than 100 keys at the edge', async () => {
  const malformed = await ask(reader.token, ['pics/../private/c.png']);
  expect(malformed.statusCode).toBe(400);
  expect(problemOf(malformed).code).toBe('INVALID_KEY');
  const many = await ask(
    reader.token,
    Array.from({ length: 101 }, (_, i) => `pics/${i}.png`),
  );
  expect(many.statusCode).toBe(400);
  expect(problemOf(many).code).toBe('VALIDATION');
  const anonymous = await ctx.app.inject({
    method: 'POST',
    url: '/api/files/thumbnail-urls',
    payload: { connectionId, bucket: 'uploads', keys: [`${run}/pics/a.png`] },
  });
  expect(anonymous.statusCode).toBe(401);
});
