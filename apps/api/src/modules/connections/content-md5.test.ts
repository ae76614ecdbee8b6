// Custom endpoints get Content-MD5 on the calls that require an integrity header: against a real
// local S3 server that, like older MinIO and Ceph RGW, refuses DeleteObjects without it
// (requireContentMd5), deleting through the API works, and the header is the MD5 of the body.
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DeleteObjectsResult } from '@s3am/contracts';
import { startLocalS3, type LocalS3Server } from '@s3am/local-s3';
import {
  TEST_KEYRING,
  accessTokenFor,
  bearer,
  createTestApp,
  createUser,
  grantOnUploads,
  localS3,
  testTmpDir,
  type TestContext,
} from '../../../test/test-app.js';
import { createConnectionTo } from '../../../test/upload-engine-kit.js';
import { s3ClientFor, s3NetworkFrom } from './s3-client.js';

let strict: LocalS3Server;
let ctx: TestContext;
let connectionId: string;
let token: string;
const run = `md5-${Date.now()}`;

beforeAll(async () => {
  strict = await startLocalS3({
    directory: await mkdtemp(path.join(testTmpDir(), 'strict-md5-s3-')),
    accessKeyId: localS3().accessKeyId,
    secretAccessKey: localS3().secretAccessKey,
    buckets: ['uploads'],
    requireContentMd5: true,
  });
  ctx = await createTestApp();
  connectionId = await createConnectionTo(ctx.db, strict.endpoint);
  const user = await createUser(ctx.db, { role: 'uploader' });
  await grantOnUploads(ctx.db, {
    userId: user.id,
    connectionId,
    prefix: `${run}/`,
    actions: ['list', 'read', 'delete'],
  });
  token = await accessTokenFor(ctx, user);
});
afterAll(async () => {
  await ctx.close();
  await strict.close();
});

/** A plain SDK client to the strict server, configured as before this change. */
function plainClient(): S3Client {
  return new S3Client({
    endpoint: strict.endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: strict.accessKeyId, secretAccessKey: strict.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 1,
  });
}

/** The connection's own client (s3ClientFor), recording each request as it goes out, signed. */
async function recordingConnectionClient() {
  const row = await ctx.db.s3Connection.findUniqueOrThrow({ where: { id: connectionId } });
  const client = s3ClientFor(row, {
    keyring: TEST_KEYRING,
    s3Network: s3NetworkFrom(ctx.config),
  });
  const sent: { command: string; headers: Record<string, string>; body: Buffer }[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body?: unknown };
      const body = request.body;
      sent.push({
        command: context.commandName ?? '',
        headers: { ...request.headers },
        body: Buffer.from(typeof body === 'string' ? body : ((body as Uint8Array) ?? [])),
      });
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'testRecorder' },
  );
  return { client, sent };
}

const md5Base64 = (body: Buffer) => createHash('md5').update(body).digest('base64');

describe('a connection to a server that requires Content-MD5 (like older MinIO, Ceph RGW)', () => {
  it('deletes files through the API: DeleteObjects carries Content-MD5', async () => {
    const keys = [`${run}/R&D notes.txt`, `${run}/photo (2).jpg`];
    const seed = plainClient();
    try {
      for (const key of keys)
        await seed.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: key }));
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/files/delete',
        headers: bearer(token),
        payload: { connectionId, bucket: 'uploads', keys },
      });
      expect(response.statusCode).toBe(200);
      expect(DeleteObjectsResult.parse(response.json())).toEqual({ deleted: keys, errors: [] });
      const left = await seed.send(
        new ListObjectsV2Command({ Bucket: 'uploads', Prefix: `${run}/` }),
      );
      expect(left.Contents ?? []).toEqual([]);
    } finally {
      seed.destroy();
    }
  });

  it('is refused there by a client that sends only the SDK checksum (what the API did before)', async () => {
    const client = plainClient();
    try {
      const key = `${run}/kept.txt`;
      await client.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: 'x' }));
      await expect(
        client.send(
          new DeleteObjectsCommand({ Bucket: 'uploads', Delete: { Objects: [{ Key: key }] } }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidRequest' });
    } finally {
      client.destroy();
    }
  });

  it('sends the MD5 of the exact body on DeleteObjects and PutObjectTagging, and nothing on other calls', async () => {
    const { client, sent } = await recordingConnectionClient();
    try {
      const key = `${run}/tagged & listed.txt`;
      await client.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: 'hello' }));
      await client.send(
        new PutObjectTaggingCommand({
          Bucket: 'uploads',
          Key: key,
          Tagging: { TagSet: [{ Key: 'project', Value: 'R+D 007' }] },
        }),
      );
      const tags = await client.send(new GetObjectTaggingCommand({ Bucket: 'uploads', Key: key }));
      expect(tags.TagSet).toEqual([{ Key: 'project', Value: 'R+D 007' }]);
      await client.send(new GetObjectCommand({ Bucket: 'uploads', Key: key }));
      await client.send(new ListObjectsV2Command({ Bucket: 'uploads', Prefix: `${run}/` }));
      await client.send(
        new DeleteObjectsCommand({ Bucket: 'uploads', Delete: { Objects: [{ Key: key }] } }),
      );

      const md5Of = (command: string) => sent.find((r) => r.command === command);
      for (const command of ['PutObjectTaggingCommand', 'DeleteObjectsCommand']) {
        const request = md5Of(command);
        expect(request?.body.length).toBeGreaterThan(0);
        expect(request?.headers['content-md5']).toBe(md5Base64(request!.body));
      }
      for (const command of [
        'PutObjectCommand',
        'GetObjectTaggingCommand',
        'GetObjectCommand',
        'ListObjectsV2Command',
      ]) {
        expect(md5Of(command)?.headers).not.toHaveProperty('content-md5');
      }
    } finally {
      client.destroy();
    }
  });
});

describe('an AWS connection (no custom endpoint)', () => {
  it('is left as the SDK makes it', async () => {
    const row = await ctx.db.s3Connection.findUniqueOrThrow({ where: { id: connectionId } });
    const client = s3ClientFor(
      { ...row, endpoint: null },
      { keyring: TEST_KEYRING, s3Network: s3NetworkFrom(ctx.config) },
    );
    try {
      expect(client.middlewareStack.identify().join('\n')).not.toContain('s3amContentMd5');
    } finally {
      client.destroy();
    }
  });
});
