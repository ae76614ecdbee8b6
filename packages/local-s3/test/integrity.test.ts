// Integrity and preconditions as S3 checks them: a Content-MD5 that does not match the body is
// BadDigest; conditional writes (If-None-Match: *, If-Match: <etag>) on PutObject and
// CompleteMultipartUpload. And the local server's strict mode, which refuses calls that need an
// integrity header without Content-MD5, as older MinIO and Ceph RGW do.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { LOCAL_KEYS, useS3Target, s3Client, startLocalProcess } from './s3-target.js';
import { s3ErrorOf } from './s3-assertions.js';

const suite = useS3Target();

const run = `integrity-${randomUUID()}/`;

/** A client whose requests carry this Content-MD5, whatever their body (`null`: none at all). */
function clientSendingContentMd5(
  make: () => S3Client,
  contentMd5: (body: Buffer) => string | null,
): S3Client {
  const client = make();
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body?: unknown };
      const body = Buffer.from(
        typeof request.body === 'string' ? request.body : ((request.body as Uint8Array) ?? []),
      );
      const value = contentMd5(body);
      if (value === null) delete request.headers['content-md5'];
      else request.headers['content-md5'] = value;
      return next(args);
    },
    { step: 'build', priority: 'low', name: 'testContentMd5' },
  );
  return client;
}

const md5Base64 = (body: Buffer) => createHash('md5').update(body).digest('base64');

async function exists(client: S3Client, key: string): Promise<boolean> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}

describe('Content-MD5', () => {
  it('is checked against the DeleteObjects body: right deletes, wrong is BadDigest and deletes nothing', async () => {
    const key = `${run}R&D notes.txt`;
    await suite.s3.send(new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: 'x' }));
    const wrong = clientSendingContentMd5(
      () => suite.target.client(),
      () => md5Base64(Buffer.from('other')),
    );
    const right = clientSendingContentMd5(() => suite.target.client(), md5Base64);
    try {
      expect(
        await s3ErrorOf(
          wrong.send(
            new DeleteObjectsCommand({
              Bucket: suite.target.bucket,
              Delete: { Objects: [{ Key: key }] },
            }),
          ),
        ),
      ).toEqual({ code: 'BadDigest', status: 400 });
      expect(await exists(suite.s3, key)).toBe(true);

      await right.send(
        new DeleteObjectsCommand({
          Bucket: suite.target.bucket,
          Delete: { Objects: [{ Key: key }] },
        }),
      );
      expect(await exists(suite.s3, key)).toBe(false);
    } finally {
      wrong.destroy();
      right.destroy();
    }
  });

  it('is checked against the PutObjectTagging body', async () => {
    const key = `${run}tagged.txt`;
    await suite.s3.send(new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: 'x' }));
    const wrong = clientSendingContentMd5(
      () => suite.target.client(),
      () => md5Base64(Buffer.from('other')),
    );
    try {
      expect(
        await s3ErrorOf(
          wrong.send(
            new PutObjectTaggingCommand({
              Bucket: suite.target.bucket,
              Key: key,
              Tagging: { TagSet: [{ Key: 'a', Value: 'b' }] },
            }),
          ),
        ),
      ).toEqual({ code: 'BadDigest', status: 400 });
    } finally {
      wrong.destroy();
    }
  });
});

describe('conditional writes', () => {
  it('PutObject with If-None-Match: * creates once, then answers 412', async () => {
    const key = `${run}photo (2).jpg`;
    await suite.s3.send(
      new PutObjectCommand({
        Bucket: suite.target.bucket,
        Key: key,
        Body: 'first',
        IfNoneMatch: '*',
      }),
    );
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new PutObjectCommand({
            Bucket: suite.target.bucket,
            Key: key,
            Body: 'second',
            IfNoneMatch: '*',
          }),
        ),
      ),
    ).toEqual({ code: 'PreconditionFailed', status: 412 });
  });

  it('PutObject with If-Match replaces only the object with that ETag', async () => {
    const key = `${run}report (1).pdf`;
    const { ETag } = await suite.s3.send(
      new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: 'v1' }),
    );
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new PutObjectCommand({
            Bucket: suite.target.bucket,
            Key: key,
            Body: 'v2',
            IfMatch: '"00000000000000000000000000000000"',
          }),
        ),
      ),
    ).toEqual({ code: 'PreconditionFailed', status: 412 });
    await suite.s3.send(
      new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: 'v2', IfMatch: ETag }),
    );
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new PutObjectCommand({
            Bucket: suite.target.bucket,
            Key: `${run}missing`,
            Body: 'v1',
            IfMatch: ETag,
          }),
        ),
      ),
    ).toEqual({ code: 'NoSuchKey', status: 404 });
  });

  it('CompleteMultipartUpload with If-None-Match: * does not replace an existing object', async () => {
    const key = `${run}taken.bin`;
    await suite.s3.send(
      new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: 'kept' }),
    );
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    const { ETag } = await suite.s3.send(
      new UploadPartCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId,
        PartNumber: 1,
        Body: 'new',
      }),
    );
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: suite.target.bucket,
            Key: key,
            UploadId,
            IfNoneMatch: '*',
            MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] },
          }),
        ),
      ),
    ).toEqual({ code: 'PreconditionFailed', status: 412 });
    const head = await suite.s3.send(
      new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    expect(head.ContentLength).toBe(4);
  });
});

const describeLocal = process.env.S3_CONFORMANCE_ENDPOINT ? describe.skip : describe;

describeLocal('the local server with LOCAL_S3_REQUIRE_CONTENT_MD5=1', () => {
  it('refuses DeleteObjects without Content-MD5 and accepts it with one', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 's3am-strict-'));
    const strict = await startLocalProcess(directory, { LOCAL_S3_REQUIRE_CONTENT_MD5: '1' });
    const make = () =>
      s3Client(strict.endpoint, 'us-east-1', LOCAL_KEYS.accessKeyId, LOCAL_KEYS.secretAccessKey);
    const without = clientSendingContentMd5(make, () => null);
    const withMd5 = clientSendingContentMd5(make, md5Base64);
    try {
      await withMd5.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'a & b.txt', Body: 'x' }));
      const request = { Bucket: 'uploads', Delete: { Objects: [{ Key: 'a & b.txt' }] } };
      expect(await s3ErrorOf(without.send(new DeleteObjectsCommand(request)))).toEqual({
        code: 'InvalidRequest',
        status: 400,
      });
      expect(await exists(withMd5, 'a & b.txt')).toBe(true);
      await withMd5.send(new DeleteObjectsCommand(request));
      expect(await exists(withMd5, 'a & b.txt')).toBe(false);
    } finally {
      without.destroy();
      withMd5.destroy();
      await strict.stop();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
