// Rename, move and copy of single objects against the real local S3 server: the bytes arrive at
// the target by server-side copy, the grants decide (read/write/delete), and every change is
// audited. Part copies (above S3's 5 GiB CopyObject limit) are exercised with a lowered limit.
import { createHash } from 'node:crypto';
import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
} from '@aws-sdk/client-s3';
import { MoveResult } from '@s3am/contracts';
import { bearer, localS3Client, type TestContext } from '../../../test/test-app.js';
import {
  createAppWithLocalConnection,
  problemOf,
  signedInGrantee,
} from '../../../test/uploads-kit.js';
import { copyObject } from './object-copy.js';

const run = `move-${Date.now()}`;
const direct = localS3Client();
let ctx: TestContext;
let connectionId: string;
let owner: { token: string; userId: string };
let noDelete: { token: string; userId: string };

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection());
  const all = await signedInGrantee(ctx, {
    connectionId,
    prefix: `${run}/`,
    actions: ['list', 'read', 'write', 'delete'],
  });
  owner = { token: all.token, userId: all.user.id };
  const limited = await signedInGrantee(ctx, {
    connectionId,
    prefix: `${run}/`,
    actions: ['list', 'read', 'write'],
  });
  noDelete = { token: limited.token, userId: limited.user.id };
});
afterAll(async () => {
  direct.destroy();
  await ctx.close();
});

const put = (key: string, body: string | Uint8Array, type = 'text/plain') =>
  direct.send(
    new PutObjectCommand({
      Bucket: 'uploads',
      Key: `${run}/${key}`,
      Body: body,
      ContentType: type,
    }),
  );
const read = async (key: string) =>
  (
    await direct.send(new GetObjectCommand({ Bucket: 'uploads', Key: `${run}/${key}` }))
  ).Body!.transformToString();
const exists = (key: string) =>
  direct
    .send(new HeadObjectCommand({ Bucket: 'uploads', Key: `${run}/${key}` }))
    .then(() => true)
    .catch(() => false);
const move = (token: string, body: Record<string, unknown>) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/files/move',
    headers: bearer(token),
    payload: { connectionId, bucket: 'uploads', ...body },
  });

it('renames a file: the bytes and type arrive under the new key, the old key is gone, audited', async () => {
  await put('a/report.txt', 'quarterly numbers');
  const response = await move(owner.token, { from: `${run}/a/report.txt`, to: `${run}/a/q3.txt` });
  expect(response.statusCode).toBe(200);
  expect(MoveResult.parse(response.json())).toEqual({
    kind: 'object',
    key: `${run}/a/q3.txt`,
    copied: false,
  });
  expect(await read('a/q3.txt')).toBe('quarterly numbers');
  const head = await direct.send(
    new HeadObjectCommand({ Bucket: 'uploads', Key: `${run}/a/q3.txt` }),
  );
  expect(head.ContentType).toBe('text/plain');
  expect(await exists('a/report.txt')).toBe(false);
  const event = await ctx.db.auditEvent.findFirst({
    where: { actorId: owner.userId, action: 'files.move', targetId: `uploads/${run}/a/report.txt` },
  });
  expect(event?.details).toMatchObject({ to: `${run}/a/q3.txt`, bytes: 17 });
});

it('copies a file and keeps the source', async () => {
  await put('b/logo.txt', 'logo');
  const response = await move(owner.token, {
    from: `${run}/b/logo.txt`,
    to: `${run}/c/logo.txt`,
    copy: true,
  });
  expect(response.statusCode).toBe(200);
  expect(await read('b/logo.txt')).toBe('logo');
  expect(await read('c/logo.txt')).toBe('logo');
});

it('needs delete on the source to move, but not to copy', async () => {
  await put('d/keep.txt', 'keep');
  const denied = await move(noDelete.token, {
    from: `${run}/d/keep.txt`,
    to: `${run}/d/moved.txt`,
  });
  expect(denied.statusCode).toBe(403);
  expect(problemOf(denied).code).toBe('GRANT_DENIED');
  expect(await exists('d/moved.txt')).toBe(false);
  expect(
    await ctx.db.auditEvent.count({
      where: { actorId: noDelete.userId, action: 'files.delete', outcome: 'denied' },
    }),
  ).toBe(1);
  const copied = await move(noDelete.token, {
    from: `${run}/d/keep.txt`,
    to: `${run}/d/copy.txt`,
    copy: true,
  });
  expect(copied.statusCode).toBe(200);
});

it('refuses a target outside the grants and changes nothing', async () => {
  await put('e/stay.txt', 'stay');
  const denied = await move(owner.token, {
    from: `${run}/e/stay.txt`,
    to: `elsewhere-${run}/x.txt`,
  });
  expect(denied.statusCode).toBe(403);
  expect(await read('e/stay.txt')).toBe('stay');
});

it('never overwrites unless asked, and overwriting needs delete on the target', async () => {
  await put('f/new.txt', 'new');
  await put('f/old.txt', 'old');
  const conflict = await move(owner.token, { from: `${run}/f/new.txt`, to: `${run}/f/old.txt` });
  expect(conflict.statusCode).toBe(409);
  expect(problemOf(conflict).code).toBe('OBJECT_EXISTS');
  expect(await read('f/old.txt')).toBe('old');
  const noRight = await move(noDelete.token, {
    from: `${run}/f/new.txt`,
    to: `${run}/f/old.txt`,
    copy: true,
    overwrite: true,
  });
  expect(noRight.statusCode).toBe(403);
  const replaced = await move(owner.token, {
    from: `${run}/f/new.txt`,
    to: `${run}/f/old.txt`,
    overwrite: true,
  });
  expect(replaced.statusCode).toBe(200);
  expect(await read('f/old.txt')).toBe('new');
});

it('answers 404 for a missing source and 400 for shapes that make no sense', async () => {
  const missing = await move(owner.token, { from: `${run}/nope.txt`, to: `${run}/yes.txt` });
  expect(missing.statusCode).toBe(404);
  for (const body of [
    { from: `${run}/g/`, to: `${run}/g.txt` },
    { from: `${run}/g/`, to: `${run}/g/inside/` },
    { from: `${run}/same.txt`, to: `${run}/same.txt` },
    { from: `${run}/../x.txt`, to: `${run}/y.txt` },
  ]) {
    const refused = await move(owner.token, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  }
});

it('copies above the single-copy limit part by part, with bytes, type and tags intact', async () => {
  const bytes = new Uint8Array(11 * 1024 * 1024).map((_, i) => (i * 7) % 251);
  await direct.send(
    new PutObjectCommand({
      Bucket: 'uploads',
      Key: `${run}/big/video.bin`,
      Body: bytes,
      ContentType: 'video/mp4',
    }),
  );
  await direct.send(
    new PutObjectTaggingCommand({
      Bucket: 'uploads',
      Key: `${run}/big/video.bin`,
      Tagging: { TagSet: [{ Key: 'team', Value: 'media' }] },
    }),
  );
  const copied = await copyObject(
    direct,
    { bucket: 'uploads', sourceKey: `${run}/big/video.bin`, targetKey: `${run}/big/copy.bin` },
    { singleCopyLimitBytes: 5 * 1024 * 1024, partBytes: 5 * 1024 * 1024 },
  );
  expect(copied).toBe(bytes.length);
  const target = await direct.send(
    new GetObjectCommand({ Bucket: 'uploads', Key: `${run}/big/copy.bin` }),
  );
  expect(target.ContentType).toBe('video/mp4');
  expect(target.ETag).toMatch(/-3"$/); // three parts: 5 + 5 + 1 MiB
  const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
  expect(sha(await target.Body!.transformToByteArray())).toBe(sha(bytes));
  const tags = await direct.send(
    new GetObjectTaggingCommand({ Bucket: 'uploads', Key: `${run}/big/copy.bin` }),
  );
  expect(tags.TagSet).toEqual([{ Key: 'team', Value: 'media' }]);
});
