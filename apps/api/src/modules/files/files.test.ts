// The file browser against the real local S3 server: users see and touch only what their grants
// allow (403 + audit otherwise), downloads work through presigned links that expire.
import { PutObjectCommand, PutObjectTaggingCommand } from '@aws-sdk/client-s3';
import {
  DeleteObjectsResult,
  DownloadLink,
  FileListing,
  FileLocations,
  ObjectDetails,
  ProblemSchema,
} from '@s3am/contracts';
import {
  accessTokenFor,
  bearer,
  createTestApp,
  createLocalConnection,
  createUser,
  localS3Client,
  manualClock,
  type TestContext,
} from '../../../test/test-app.js';

const run = `files-${Date.now()}`;
const clock = manualClock(new Date().toISOString());
let ctx: TestContext;
let connectionId: string;
let alice: { id: string; token: string };
let bob: { id: string; token: string };
const direct = localS3Client();

async function put(
  key: string,
  body: string,
  extra: Partial<ConstructorParameters<typeof PutObjectCommand>[0]> = {},
) {
  await direct.send(
    new PutObjectCommand({ Bucket: 'uploads', Key: `${run}/${key}`, Body: body, ...extra }),
  );
}

beforeAll(async () => {
  ctx = await createTestApp({ clock: clock.now, env: { SESSION_IDLE_TIMEOUT_SECONDS: '86400' } });
  connectionId = await createLocalConnection(ctx.db, { name: run });
  const a = await createUser(ctx.db, { role: 'uploader' });
  const b = await createUser(ctx.db, { role: 'uploader' });
  alice = { id: a.id, token: await accessTokenFor(ctx, a) };
  bob = { id: b.id, token: await accessTokenFor(ctx, b) };
  await ctx.db.grant.create({
    data: {
      userId: alice.id,
      connectionId,
      bucket: 'uploads',
      prefix: `${run}/data/`,
      actions: ['list', 'read', 'delete'],
    },
  });
  await put('data/report.txt', 'quarterly numbers', {
    ContentType: 'text/plain',
    Metadata: { owner: 'alice' },
    Tagging: 'team=finance',
  });
  await direct.send(
    new PutObjectTaggingCommand({
      Bucket: 'uploads',
      Key: `${run}/data/report.txt`,
      Tagging: { TagSet: [{ Key: 'team', Value: 'finance' }] },
    }),
  );
  await put('data/sub/deep.txt', 'deep');
  await put('data/remove-me.txt', 'bye');
  await put('data-other/secret.txt', 'not for alice');
});
afterAll(async () => {
  direct.destroy();
  await ctx.close();
});

const get = (url: string, token: string) =>
  ctx.app.inject({ method: 'GET', url, headers: bearer(token) });
const post = (url: string, token: string, payload: object) =>
  ctx.app.inject({ method: 'POST', url, headers: bearer(token), payload });
const q = (params: Record<string, string>) =>
  new URLSearchParams({ connectionId, bucket: 'uploads', ...params }).toString();

describe('browsing within grants', () => {
  it('offers only the granted location', async () => {
    const locations = FileLocations.parse(
      (await get('/api/files/locations', alice.token)).json(),
    ).items;
    expect(locations).toEqual([
      { connectionId, connectionName: run, bucket: 'uploads', prefix: `${run}/data/` },
    ]);
    expect(
      FileLocations.parse((await get('/api/files/locations', bob.token)).json()).items,
    ).toEqual([]);
  });

  it('tells where an action is allowed: no upload destination for a read/delete grant', async () => {
    const where = async (action: string) =>
      FileLocations.parse((await get(`/api/files/locations?action=${action}`, alice.token)).json())
        .items;
    expect(await where('write')).toEqual([]);
    expect((await where('delete')).map((l) => l.prefix)).toEqual([`${run}/data/`]);
    expect((await get('/api/files/locations?action=fly', alice.token)).statusCode).toBe(400);
  });

  it('lists folders and objects of the granted prefix, and nothing above or beside it', async () => {
    const listing = FileListing.parse(
      (await get(`/api/files?${q({ prefix: `${run}/data/` })}`, alice.token)).json(),
    );
    expect(listing.folders).toEqual([{ prefix: `${run}/data/sub/`, name: 'sub' }]);
    expect(listing.objects.map((o) => o.name).sort()).toEqual(['remove-me.txt', 'report.txt']);
    for (const prefix of [`${run}/`, `${run}/data-other/`, '']) {
      const denied = await get(`/api/files?${q({ prefix })}`, alice.token);
      expect(denied.statusCode).toBe(403);
      expect(ProblemSchema.parse(denied.json()).code).toBe('GRANT_DENIED');
    }
  });

  it('shows object details: size, type, metadata, tags', async () => {
    const details = ObjectDetails.parse(
      (await get(`/api/files/object?${q({ key: `${run}/data/report.txt` })}`, alice.token)).json(),
    );
    expect(details).toMatchObject({
      size: 17,
      contentType: 'text/plain',
      metadata: { owner: 'alice' },
      tags: { team: 'finance' },
    });
  });

  it("refuses another user's access to the same object, and audits it", async () => {
    const denied = await get(
      `/api/files/object?${q({ key: `${run}/data/report.txt` })}`,
      bob.token,
    );
    expect(denied.statusCode).toBe(403);
    expect(
      await ctx.db.auditEvent.count({
        where: { actorId: bob.id, action: 'files.read', outcome: 'denied' },
      }),
    ).toBe(1);
  });
});

describe('downloads', () => {
  it('gives a presigned link that downloads the content under its name', async () => {
    const link = DownloadLink.parse(
      (
        await post('/api/files/download-url', alice.token, {
          connectionId,
          bucket: 'uploads',
          key: `${run}/data/report.txt`,
        })
      ).json(),
    );
    const response = await fetch(link.url);
    expect(await response.text()).toBe('quarterly numbers');
    expect(response.headers.get('content-disposition')).toContain('filename="report.txt"');
    expect(
      await ctx.db.auditEvent.count({
        where: { actorId: alice.id, action: 'files.download_link' },
      }),
    ).toBe(1);
  });

  it('stops working after its lifetime', async () => {
    clock.advance(-2 * 3600 * 1000); // signed two hours ago with a one-hour lifetime
    const link = DownloadLink.parse(
      (
        await post('/api/files/download-url', alice.token, {
          connectionId,
          bucket: 'uploads',
          key: `${run}/data/report.txt`,
        })
      ).json(),
    );
    clock.advance(2 * 3600 * 1000);
    expect((await fetch(link.url)).status).toBe(403);
  });
});

describe('changes', () => {
  it('refuses a delete when any key is outside the grants, deleting nothing', async () => {
    const response = await post('/api/files/delete', alice.token, {
      connectionId,
      bucket: 'uploads',
      keys: [`${run}/data/remove-me.txt`, `${run}/data-other/secret.txt`],
    });
    expect(response.statusCode).toBe(403);
    const listing = FileListing.parse(
      (await get(`/api/files?${q({ prefix: `${run}/data/` })}`, alice.token)).json(),
    );
    expect(listing.objects.map((o) => o.name)).toContain('remove-me.txt');
  });

  it('deletes granted objects and records each one', async () => {
    const result = DeleteObjectsResult.parse(
      (
        await post('/api/files/delete', alice.token, {
          connectionId,
          bucket: 'uploads',
          keys: [`${run}/data/remove-me.txt`],
        })
      ).json(),
    );
    expect(result).toEqual({ deleted: [`${run}/data/remove-me.txt`], errors: [] });
    expect(
      await ctx.db.auditEvent.count({
        where: {
          actorId: alice.id,
          action: 'files.delete',
          targetId: `uploads/${run}/data/remove-me.txt`,
        },
      }),
    ).toBe(1);
  });

  it('creates folders only with a write grant', async () => {
    expect(
      (
        await post('/api/files/folder', alice.token, {
          connectionId,
          bucket: 'uploads',
          key: `${run}/data/new`,
        })
      ).statusCode,
    ).toBe(403);
    await ctx.db.grant.create({
      data: {
        userId: alice.id,
        connectionId,
        bucket: 'uploads',
        prefix: `${run}/data/`,
        actions: ['write'],
      },
    });
    expect(
      (
        await post('/api/files/folder', alice.token, {
          connectionId,
          bucket: 'uploads',
          key: `${run}/data/new`,
        })
      ).statusCode,
    ).toBe(204);
    const listing = FileListing.parse(
      (await get(`/api/files?${q({ prefix: `${run}/data/` })}`, alice.token)).json(),
    );
    expect(listing.folders.map((f) => f.name)).toContain('new');
  });

  it('rejects traversal keys with INVALID_KEY', async () => {
    const response = await post('/api/files/download-url', alice.token, {
      connectionId,
      bucket: 'uploads',
      key: `${run}/data/../data-other/secret.txt`,
    });
    expect(ProblemSchema.parse(response.json()).code).toBe('INVALID_KEY');
  });

  it('explains a connection whose secret no master key opens, instead of failing', async () => {
    const admin = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
    const broken = await ctx.db.s3Connection.create({
      data: {
        name: `${run}-broken`,
        endpoint: 'http://127.0.0.1:1',
        authMode: 'static_keys',
        accessKeyId: 'AKIAEXAMPLE',
        secretCiphertext: 'v1.retired.AAAA.AAAA.AAAA',
        buckets: ['uploads'],
      },
    });
    const query = new URLSearchParams({ connectionId: broken.id, bucket: 'uploads' });
    const response = await get(`/api/files?${query.toString()}`, admin);
    expect(response.statusCode).toBe(400);
    expect(ProblemSchema.parse(response.json())).toMatchObject({ code: 'CONNECTION_INVALID' });
    await ctx.db.s3Connection.delete({ where: { id: broken.id } });
  });
});
