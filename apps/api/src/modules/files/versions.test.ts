// Object versions on a bucket of the real local S3 server with versioning on: listing needs
// read, downloading an older version needs read, restoring needs read + write; both audited.
import { randomUUID } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { ObjectVersions, PreviewLink, RestoreVersionResult } from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3Client,
  type TestContext,
} from '../../../test/test-app.js';
import { problemOf } from '../../../test/uploads-kit.js';

const bucket = `versioned-${randomUUID().slice(0, 8)}`;
const direct = localS3Client();
let ctx: TestContext;
let connectionId: string;
type Person = { token: string; userId: string };
let reader: Person;
let writer: Person;
let writeOnly: Person;
let stranger: Person;

async function person(prefix: string, actions: string[]): Promise<Person> {
  const user = await createUser(ctx.db);
  await ctx.db.grant.create({ data: { userId: user.id, connectionId, bucket, prefix, actions } });
  return { token: await accessTokenFor(ctx, user), userId: user.id };
}

beforeAll(async () => {
  await direct.send(new CreateBucketCommand({ Bucket: bucket }));
  await direct.send(
    new PutBucketVersioningCommand({
      Bucket: bucket,
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  ctx = await createTestApp();
  connectionId = await createLocalConnection(ctx.db, { buckets: [bucket] });
  reader = await person('docs/', ['list', 'read']);
  writer = await person('docs/', ['list', 'read', 'write']);
  writeOnly = await person('docs/', ['list', 'write']);
  stranger = await person('elsewhere/', ['list', 'read', 'write']);
});
afterAll(async () => {
  direct.destroy();
  await ctx.close();
});

const send = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const at = (key: string) => ({ connectionId, bucket, key });

/** Two versions of a fresh key: returns the key and the ids, oldest first. */
async function twoVersions(name: string): Promise<{ key: string; v1: string; v2: string }> {
  const key = `docs/${name}-${randomUUID().slice(0, 8)}.txt`;
  const put = async (body: string) =>
    (await direct.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))).VersionId!;
  const v1 = await put('the old bytes');
  const v2 = await put('the new bytes, longer');
  return { key, v1, v2 };
}

const listed = async (key: string, token = reader.token) => {
  const response = await send(
    'GET',
    `/api/files/versions?${new URLSearchParams(at(key)).toString()}`,
    token,
  );
  expect(response.statusCode).toBe(200);
  return ObjectVersions.parse(response.json());
};

const current = async (key: string) =>
  (await direct.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

describe('GET /api/files/versions', () => {
  it('lists the versions newest first with read, and audits the look', async () => {
    const { key, v1, v2 } = await twoVersions('listed');
    const answer = await listed(key);
    expect(answer.versioning).toBe('enabled');
    expect(answer.versions.map((v) => [v.versionId, v.isLatest, v.deleteMarker, v.size])).toEqual([
      [v2, true, false, 'the new bytes, longer'.length],
      [v1, false, false, 'the old bytes'.length],
    ]);
    const event = await ctx.db.auditEvent.findFirst({
      where: { actorId: reader.userId, action: 'files.versions', targetId: `${bucket}/${key}` },
    });
    expect(event?.details).toMatchObject({ connectionId });
  });

  it('refuses someone without read on the key', async () => {
    const { key } = await twoVersions('refused');
    const query = new URLSearchParams(at(key)).toString();
    expect((await send('GET', `/api/files/versions?${query}`, stranger.token)).statusCode).toBe(
      403,
    );
    expect((await send('GET', `/api/files/versions?${query}`, writeOnly.token)).statusCode).toBe(
      403,
    );
  });

  it('shows a delete marker as the latest entry once the object is deleted', async () => {
    const { key, v2 } = await twoVersions('marked');
    const marker = await direct.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    const answer = await listed(key);
    expect(answer.versions.map((v) => [v.versionId, v.isLatest, v.deleteMarker])).toEqual([
      [marker.VersionId, true, true],
      [v2, false, false],
      [expect.any(String), false, false],
    ]);
  });
});

describe('downloading an older version', () => {
  it('gives a link that storage answers with the old bytes', async () => {
    const { key, v1 } = await twoVersions('download');
    const response = await send('POST', '/api/files/preview-url', reader.token, {
      ...at(key),
      versionId: v1,
      disposition: 'attachment',
    });
    expect(response.statusCode).toBe(200);
    const fetched = await fetch(PreviewLink.parse(response.json()).url);
    expect(await fetched.text()).toBe('the old bytes');
  });
});

describe('POST /api/files/restore-version', () => {
  it('makes the old bytes the latest version with write, keeps the others, and audits it', async () => {
    const { key, v1, v2 } = await twoVersions('restored');
    const response = await send('POST', '/api/files/restore-version', writer.token, {
      ...at(key),
      versionId: v1,
    });
    expect(response.statusCode).toBe(200);
    const result = RestoreVersionResult.parse(response.json());
    expect(result.key).toBe(key);
    expect([v1, v2, null]).not.toContain(result.versionId);
    expect(await current(key)).toBe('the old bytes');
    expect((await listed(key)).versions.map((v) => [v.versionId, v.isLatest])).toEqual([
      [result.versionId, true],
      [v2, false],
      [v1, false],
    ]);
    const event = await ctx.db.auditEvent.findFirst({
      where: { actorId: writer.userId, action: 'files.restore_version' },
    });
    expect(event).toMatchObject({ targetId: `${bucket}/${key}` });
    expect(event?.details).toMatchObject({ versionId: v1, connectionId });
  });

  it('brings a deleted object back from the version before its delete marker', async () => {
    const { key, v1 } = await twoVersions('undeleted');
    await direct.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    const response = await send('POST', '/api/files/restore-version', writer.token, {
      ...at(key),
      versionId: v1,
    });
    expect(response.statusCode).toBe(200);
    expect(await current(key)).toBe('the old bytes');
  });

  it('needs read and write: a reader, a writer without read and a stranger are refused', async () => {
    const { key, v1 } = await twoVersions('guarded');
    for (const token of [reader.token, writeOnly.token, stranger.token]) {
      const response = await send('POST', '/api/files/restore-version', token, {
        ...at(key),
        versionId: v1,
      });
      expect(response.statusCode).toBe(403);
    }
    expect(await current(key)).toBe('the new bytes, longer');
    const events = await ctx.db.auditEvent.count({
      where: { action: 'files.restore_version', targetId: `${bucket}/${key}` },
    });
    expect(events).toBe(0);
  });

  it('answers 404 for a version the object never had', async () => {
    const { key } = await twoVersions('unknown');
    for (const versionId of ['0'.repeat(32), 'not-a-version']) {
      const response = await send('POST', '/api/files/restore-version', writer.token, {
        ...at(key),
        versionId,
      });
      expect(response.statusCode).toBe(404);
      expect(problemOf(response).detail).toContain('No such version');
    }
  });

  it('refuses to restore a delete marker: it holds no bytes', async () => {
    const { key } = await twoVersions('marker');
    const marker = await direct.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    const response = await send('POST', '/api/files/restore-version', writer.token, {
      ...at(key),
      versionId: marker.VersionId,
    });
    expect(response.statusCode).toBe(409);
    expect(problemOf(response).detail).toContain('delete marker');
  });
});
