// Tags, user metadata, versions and preview links of one object against the real local S3
// server: write is needed to change, read to look; every call is audited (names, never values).
import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { ObjectVersions, PreviewLink } from '@s3am/contracts';
import { bearer, localS3Client, type TestContext } from '../../../test/test-app.js';
import {
  createAppWithLocalConnection,
  problemOf,
  signedInGrantee,
} from '../../../test/uploads-kit.js';

const run = `props-${Date.now()}`;
const direct = localS3Client();
let ctx: TestContext;
let connectionId: string;
let writer: { token: string; userId: string };
let reader: { token: string; userId: string };
let stranger: { token: string; userId: string };
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
  writer = await grantee(`${run}/`, ['list', 'read', 'write']);
  reader = await grantee(`${run}/`, ['list', 'read']);
  stranger = await grantee(`elsewhere-${run}/`, ['list', 'read', 'write']);
  const put = (key: string, body: string | Buffer, type: string) =>
    direct.send(
      new PutObjectCommand({
        Bucket: 'uploads',
        Key: `${run}/${key}`,
        Body: body,
        ContentType: type,
      }),
    );
  await put('notes.csv', 'a,b\n1,2\n', 'text/csv');
  await put('pixel.png', PNG, 'image/png');
  await put('page.html', '<script>alert(1)</script>', 'text/html');
  await put('blob.bin', 'xyz', 'application/octet-stream');
});
afterAll(async () => {
  direct.destroy();
  await ctx.close();
});

const send = (method: 'GET' | 'PUT' | 'POST', url: string, token: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const at = (key: string) => ({ connectionId, bucket: 'uploads', key: `${run}/${key}` });

describe('tags', () => {
  it('replaces the tag set with write, and audits the tag names', async () => {
    const response = await send('PUT', '/api/files/tags', writer.token, {
      ...at('notes.csv'),
      tags: { team: 'finance', year: '2026' },
    });
    expect(response.statusCode).toBe(200);
    const stored = await direct.send(
      new GetObjectTaggingCommand({ Bucket: 'uploads', Key: `${run}/notes.csv` }),
    );
    expect(stored.TagSet).toEqual([
      { Key: 'team', Value: 'finance' },
      { Key: 'year', Value: '2026' },
    ]);
    const event = await ctx.db.auditEvent.findFirst({
      where: { actorId: writer.userId, action: 'files.tags' },
    });
    expect(event?.details).toMatchObject({ tags: 'team,year' });
  });

  it('refuses without write, outside the grants, and more than 10 tags', async () => {
    const tags = { team: 'x' };
    expect(
      (await send('PUT', '/api/files/tags', reader.token, { ...at('notes.csv'), tags })).statusCode,
    ).toBe(403);
    expect(
      (await send('PUT', '/api/files/tags', stranger.token, { ...at('notes.csv'), tags }))
        .statusCode,
    ).toBe(403);
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
    const tooMany = await send('PUT', '/api/files/tags', writer.token, {
      ...at('notes.csv'),
      tags: many,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(problemOf(tooMany).errors?.[0]?.path).toBe('body.tags');
  });
});

describe('metadata', () => {
  it('rewrites the object in place with new metadata, keeping its content type and bytes', async () => {
    const response = await send('PUT', '/api/files/metadata', writer.token, {
      ...at('notes.csv'),
      metadata: { owner: 'alice', source: 'import-7' },
    });
    expect(response.statusCode).toBe(200);
    const head = await direct.send(
      new HeadObjectCommand({ Bucket: 'uploads', Key: `${run}/notes.csv` }),
    );
    expect(head.Metadata).toEqual({ owner: 'alice', source: 'import-7' });
    expect(head.ContentType).toBe('text/csv');
    const body = await direct.send(
      new GetObjectCommand({ Bucket: 'uploads', Key: `${run}/notes.csv` }),
    );
    expect(await body.Body!.transformToString()).toBe('a,b\n1,2\n');
    expect(
      await ctx.db.auditEvent.count({
        where: { actorId: writer.userId, action: 'files.metadata' },
      }),
    ).toBe(1);
  });

  it('refuses without write, and names S3 cannot carry', async () => {
    const denied = await send('PUT', '/api/files/metadata', reader.token, {
      ...at('notes.csv'),
      metadata: {},
    });
    expect(denied.statusCode).toBe(403);
    expect(problemOf(denied).code).toBe('GRANT_DENIED');
    const bad = await send('PUT', '/api/files/metadata', writer.token, {
      ...at('notes.csv'),
      metadata: { 'Bad Name': 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('versions', () => {
  // A versioned bucket: versions.test.ts.
  it('says versioning is off where the bucket never turned it on, listing the one null version', async () => {
    const query = new URLSearchParams(at('notes.csv')).toString();
    const response = await send('GET', `/api/files/versions?${query}`, reader.token);
    expect(response.statusCode).toBe(200);
    expect(ObjectVersions.parse(response.json())).toMatchObject({
      key: `${run}/notes.csv`,
      versioning: 'off',
      versions: [{ versionId: 'null', isLatest: true, deleteMarker: false, size: 8 }],
    });
    expect((await send('GET', `/api/files/versions?${query}`, stranger.token)).statusCode).toBe(
      403,
    );
  });

  it('refuses a restore without write, and explains why nothing can be restored here', async () => {
    const body = { ...at('notes.csv'), versionId: 'v1' };
    expect((await send('POST', '/api/files/restore-version', reader.token, body)).statusCode).toBe(
      403,
    );
    const refused = await send('POST', '/api/files/restore-version', writer.token, body);
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused).detail).toContain('nothing to restore');
  });
});

describe('preview links', () => {
  it('gives an image link that storage answers with the bytes and the image type', async () => {
    const response = await send('POST', '/api/files/preview-url', reader.token, at('pixel.png'));
    expect(response.statusCode).toBe(200);
    const link = PreviewLink.parse(response.json());
    expect(link).toMatchObject({ kind: 'image', contentType: 'image/png', size: PNG.length });
    const fetched = await fetch(link.url);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);
    expect(
      await ctx.db.auditEvent.count({
        where: { actorId: reader.userId, action: 'files.preview_link' },
      }),
    ).toBe(1);
  });

  it('answers markup as plain text, and guesses the kind from the name when the type says nothing', async () => {
    const html = PreviewLink.parse(
      (await send('POST', '/api/files/preview-url', reader.token, at('page.html'))).json(),
    );
    expect(html).toMatchObject({ kind: 'text', contentType: 'text/plain; charset=utf-8' });
    expect((await fetch(html.url)).headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const csv = PreviewLink.parse(
      (await send('POST', '/api/files/preview-url', reader.token, at('notes.csv'))).json(),
    );
    expect(csv.kind).toBe('text');
    const bin = PreviewLink.parse(
      (await send('POST', '/api/files/preview-url', reader.token, at('blob.bin'))).json(),
    );
    expect(bin.kind).toBe('none');
  });

  it('refuses outside the grants and answers 404 for a missing object', async () => {
    expect(
      (await send('POST', '/api/files/preview-url', stranger.token, at('pixel.png'))).statusCode,
    ).toBe(403);
    expect(
      (await send('POST', '/api/files/preview-url', reader.token, at('missing.png'))).statusCode,
    ).toBe(404);
  });
});
