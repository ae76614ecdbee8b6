// CopyObject as S3 answers it, on the paths the local server takes for it: small objects (read and
// written whole) and large ones, into folders that exist or not, over an existing object, with
// the metadata directive COPY or REPLACE; its errors; and what the server keeps in memory between
// requests (derived signing keys, a bucket's existence and versioning) staying right.
// Runs against the local server or S3_CONFORMANCE_ENDPOINT.
import { randomUUID } from 'node:crypto';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { useS3Target } from './s3-target.js';
import { bytes, md5Hex, s3ErrorOf } from './s3-assertions.js';

const suite = useS3Target();
const RUN = `copy-${randomUUID()}/`;
// Creating buckets needs rights an external target may not give.
const itCreatingBuckets = process.env.S3_CONFORMANCE_ENDPOINT ? it.skip : it;

async function put(
  key: string,
  body: Buffer,
  metadata?: Record<string, string>,
  contentType?: string,
) {
  return suite.s3.send(
    new PutObjectCommand({
      Bucket: suite.target.bucket,
      Key: key,
      Body: body,
      Metadata: metadata,
      ContentType: contentType,
    }),
  );
}

async function copy(
  sourceKey: string,
  key: string,
  extra: Partial<CopyObjectCommand['input']> = {},
) {
  return suite.s3.send(
    new CopyObjectCommand({
      Bucket: suite.target.bucket,
      Key: key,
      CopySource: `${suite.target.bucket}/${encodeURIComponent(sourceKey)}`,
      ...extra,
    }),
  );
}

async function read(key: string) {
  const answer = await suite.s3.send(
    new GetObjectCommand({ Bucket: suite.target.bucket, Key: key }),
  );
  return { ...answer, body: Buffer.from(await answer.Body!.transformToByteArray()) };
}

const head = (key: string) =>
  suite.s3.send(new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key }));

describe('CopyObject', () => {
  it('answers a new LastModified and the source ETag; the copy reads back the same', async () => {
    const source = `${RUN}dated/source.bin`;
    const body = bytes(20 * 1024);
    await put(source, body, { origin: 'scan' }, 'application/pdf');
    const sourceHead = await head(source);
    // LastModified has whole seconds
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const copied = await copy(source, `${RUN}dated/copy.bin`);
    expect(copied.CopyObjectResult?.ETag).toBe(`"${md5Hex(body)}"`);
    expect(copied.CopyObjectResult!.LastModified!.getTime()).toBeGreaterThan(
      sourceHead.LastModified!.getTime(),
    );
    const copyHead = await head(`${RUN}dated/copy.bin`);
    expect(copyHead.LastModified).toEqual(copied.CopyObjectResult!.LastModified);
    expect(copyHead.ETag).toBe(copied.CopyObjectResult!.ETag);
    expect(copyHead.ContentLength).toBe(body.length);
    // the metadata directive defaults to COPY
    expect(copyHead.Metadata).toEqual({ origin: 'scan' });
    expect(copyHead.ContentType).toBe('application/pdf');
    expect((await read(`${RUN}dated/copy.bin`)).body.equals(body)).toBe(true);
    // the source is untouched
    expect((await head(source)).LastModified).toEqual(sourceHead.LastModified);
  });

  it('copies into a key whose folders do not exist yet, and lists it', async () => {
    const source = `${RUN}flat.bin`;
    const body = bytes(3000);
    await put(source, body);
    const key = `${RUN}new/${randomUUID()}/deeper/still/copy.bin`;
    await copy(source, key);
    expect((await read(key)).body.equals(body)).toBe(true);
    const page = await suite.s3.send(
      new ListObjectsV2Command({ Bucket: suite.target.bucket, Prefix: `${RUN}new/` }),
    );
    expect((page.Contents ?? []).map((object) => object.Key)).toEqual([key]);
  });

  it('copies into keys with escaped segments (long, dot-dot), which list as themselves', async () => {
    const source = `${RUN}escaped-source.bin`;
    const body = bytes(1000);
    await put(source, body);
    const keys = [
      `${RUN}escaped/${'é'.repeat(150)}/copy.bin`,
      `${RUN}escaped/../${'ü'.repeat(140)}`,
    ];
    for (const key of keys) {
      await copy(source, key);
      expect((await read(key)).body.equals(body)).toBe(true);
    }
    const page = await suite.s3.send(
      new ListObjectsV2Command({ Bucket: suite.target.bucket, Prefix: `${RUN}escaped/` }),
    );
    expect((page.Contents ?? []).map((object) => object.Key).sort()).toEqual([...keys].sort());
  });

  it('replaces a larger existing object entirely, with the source metadata', async () => {
    const source = `${RUN}over/source.bin`;
    const key = `${RUN}over/target.bin`;
    const body = bytes(2048);
    await put(source, body, { kind: 'new' });
    await put(key, bytes(50 * 1024), { kind: 'old', extra: 'gone' });

    const copied = await copy(source, key);
    expect(copied.CopyObjectResult?.ETag).toBe(`"${md5Hex(body)}"`);
    const answer = await read(key);
    expect(answer.body.equals(body)).toBe(true);
    expect(answer.ETag).toBe(`"${md5Hex(body)}"`);
    expect(answer.Metadata).toEqual({ kind: 'new' });
  });

  it.each([
    ['a small', 4096],
    ['a large', 300 * 1024],
  ])(
    'with REPLACE over an existing object (%s one): new metadata, the ETag of the copied bytes',
    async (_size, size) => {
      const source = `${RUN}replace-${size}/source.bin`;
      const key = `${RUN}replace-${size}/target.bin`;
      const body = bytes(size);
      await put(source, body, { kind: 'source' });
      await put(key, bytes(100), { kind: 'old' });

      const copied = await copy(source, key, {
        MetadataDirective: 'REPLACE',
        Metadata: { kind: 'replaced' },
        ContentType: 'text/plain',
      });
      expect(copied.CopyObjectResult?.ETag).toBe(`"${md5Hex(body)}"`);
      const copyHead = await head(key);
      expect(copyHead.ETag).toBe(`"${md5Hex(body)}"`);
      expect(copyHead.Metadata).toEqual({ kind: 'replaced' });
      expect(copyHead.ContentType).toBe('text/plain');
      expect((await read(key)).body.equals(body)).toBe(true);
    },
  );

  it('copies an object larger than what is read whole (streamed file copy)', async () => {
    const source = `${RUN}large/source.bin`;
    const body = bytes(300 * 1024);
    await put(source, body);
    const copied = await copy(source, `${RUN}large/copy.bin`);
    expect(copied.CopyObjectResult?.ETag).toBe(`"${md5Hex(body)}"`);
    expect((await read(`${RUN}large/copy.bin`)).body.equals(body)).toBe(true);
  });

  it('answers NoSuchKey for a missing source, and NoSuchBucket for a missing bucket', async () => {
    expect(await s3ErrorOf(copy(`${RUN}missing/nothing.bin`, `${RUN}missing/copy.bin`))).toEqual({
      code: 'NoSuchKey',
      status: 404,
    });
    // a missing source under a folder that does not exist either
    expect(await s3ErrorOf(copy(`${RUN}no/such/folder/x.bin`, `${RUN}missing/copy.bin`))).toEqual({
      code: 'NoSuchKey',
      status: 404,
    });
    await put(`${RUN}missing/source.bin`, bytes(10));
    const noBucket = `no-such-bucket-${randomUUID().slice(0, 8)}`;
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new CopyObjectCommand({
            Bucket: suite.target.bucket,
            Key: `${RUN}missing/copy.bin`,
            CopySource: `${noBucket}/x.bin`,
          }),
        ),
      ),
    ).toEqual({ code: 'NoSuchBucket', status: 404 });
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new CopyObjectCommand({
            Bucket: noBucket,
            Key: 'copy.bin',
            CopySource: `${suite.target.bucket}/${RUN}missing/source.bin`,
          }),
        ),
      ),
    ).toEqual({ code: 'NoSuchBucket', status: 404 });
    // nothing was written by the failed copies
    expect(await s3ErrorOf(head(`${RUN}missing/copy.bin`))).toEqual({
      code: 'NotFound',
      status: 404,
    });
  });
});

describe('what the server keeps between requests', () => {
  it('refuses a wrong secret after a good request with the same key id, and still takes the good one', async () => {
    const key = `${RUN}signed.bin`;
    await put(key, bytes(10));
    const wrong = suite.target.client('not-the-secret');
    try {
      expect(
        await s3ErrorOf(
          wrong.send(new GetObjectCommand({ Bucket: suite.target.bucket, Key: key })),
        ),
      ).toEqual({ code: 'SignatureDoesNotMatch', status: 403 });
      expect(
        await s3ErrorOf(
          wrong.send(
            new CopyObjectCommand({
              Bucket: suite.target.bucket,
              Key: `${RUN}signed-copy.bin`,
              CopySource: `${suite.target.bucket}/${key}`,
            }),
          ),
        ),
      ).toEqual({ code: 'SignatureDoesNotMatch', status: 403 });
    } finally {
      wrong.destroy();
    }
    expect((await head(key)).ContentLength).toBe(10);
  });

  itCreatingBuckets('sees a bucket turn versioned, go away and come back', async () => {
    const name = `copy-${randomUUID().slice(0, 8)}`;
    await suite.s3.send(new CreateBucketCommand({ Bucket: name }));
    const putInto = (key: string) =>
      suite.s3.send(new PutObjectCommand({ Bucket: name, Key: key, Body: 'x' }));
    expect((await putInto('a.txt')).VersionId).toBeUndefined();
    await suite.s3.send(
      new PutBucketVersioningCommand({
        Bucket: name,
        VersioningConfiguration: { Status: 'Enabled' },
      }),
    );
    expect((await putInto('a.txt')).VersionId).toMatch(/^[0-9a-f]{32}$/);
    const copied = await suite.s3.send(
      new CopyObjectCommand({ Bucket: name, Key: 'b.txt', CopySource: `${name}/a.txt` }),
    );
    expect(copied.VersionId).toMatch(/^[0-9a-f]{32}$/);

    for (const key of ['a.txt', 'b.txt']) {
      const { Versions = [], DeleteMarkers = [] } = await suite.s3.send(
        new ListObjectVersionsCommand({ Bucket: name, Prefix: key }),
      );
      for (const version of [...Versions, ...DeleteMarkers]) {
        await suite.s3.send(
          new DeleteObjectCommand({ Bucket: name, Key: key, VersionId: version.VersionId }),
        );
      }
    }
    await suite.s3.send(new DeleteBucketCommand({ Bucket: name }));
    expect(await s3ErrorOf(putInto('c.txt'))).toEqual({ code: 'NoSuchBucket', status: 404 });

    // created again: a new, unversioned bucket
    await suite.s3.send(new CreateBucketCommand({ Bucket: name }));
    expect((await putInto('c.txt')).VersionId).toBeUndefined();
  });
});
