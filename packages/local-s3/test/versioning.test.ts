// Bucket versioning as the AWS SDK v3 sees it: Put/GetBucketVersioning, versions kept on every
// write, GET/HEAD/CopyObject of a version, delete markers, deleting a version, ListObjectVersions
// with markers and pages; a bucket that never enabled versioning behaves as it always did.
import { randomUUID } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { useS3Target } from './s3-target.js';
import { MiB, bytes, s3ErrorOf } from './s3-assertions.js';

// Creating buckets needs rights an external target may not give: those run the suite on the
// versioned bucket they name.
const externalBucket = process.env.S3_CONFORMANCE_VERSIONED_BUCKET;
const describeTarget =
  process.env.S3_CONFORMANCE_ENDPOINT && !externalBucket ? describe.skip : describe;

const suite = useS3Target();
let bucket: string;

async function createBucket(s3: S3Client, versioning?: 'Enabled' | 'Suspended'): Promise<string> {
  const name = `versions-${randomUUID().slice(0, 8)}`;
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  if (versioning)
    await s3.send(
      new PutBucketVersioningCommand({
        Bucket: name,
        VersioningConfiguration: { Status: versioning },
      }),
    );
  return name;
}

const put = (key: string, body: string) =>
  suite.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

const read = async (key: string, versionId?: string) => {
  const answer = await suite.s3.send(
    new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }),
  );
  return { body: await answer.Body!.transformToString(), versionId: answer.VersionId };
};

/** The key's versions and delete markers as [versionId, isLatest, marker], newest first. */
async function versionsOf(key: string) {
  const page = await suite.s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
  const all = [
    ...(page.Versions ?? []).map((v) => ({ ...v, marker: false })),
    ...(page.DeleteMarkers ?? []).map((m) => ({ ...m, marker: true })),
  ].filter((v) => v.Key === key);
  return all
    .sort((a, b) => (b.LastModified?.getTime() ?? 0) - (a.LastModified?.getTime() ?? 0))
    .map((v) => ({ versionId: v.VersionId, isLatest: v.IsLatest, marker: v.marker }));
}

describeTarget('bucket versioning', () => {
  beforeAll(async () => {
    bucket = externalBucket ?? (await createBucket(suite.s3, 'Enabled'));
  });

  it('reports no status before versioning is turned on, then Enabled and Suspended', async () => {
    if (externalBucket) return;
    const fresh = await createBucket(suite.s3);
    const status = async () =>
      (await suite.s3.send(new GetBucketVersioningCommand({ Bucket: fresh }))).Status;
    expect(await status()).toBeUndefined();
    for (const wanted of ['Enabled', 'Suspended'] as const) {
      await suite.s3.send(
        new PutBucketVersioningCommand({
          Bucket: fresh,
          VersioningConfiguration: { Status: wanted },
        }),
      );
      expect(await status()).toBe(wanted);
    }
  });

  it('keeps v1 when v2 is written, lists both newest first, and reads each by id', async () => {
    const key = `kept/${randomUUID()}.txt`;
    const v1 = (await put(key, 'first bytes')).VersionId!;
    const v2 = (await put(key, 'second bytes')).VersionId!;
    expect(v1).toEqual(expect.any(String));
    expect(v2).not.toBe(v1);

    expect(await versionsOf(key)).toEqual([
      { versionId: v2, isLatest: true, marker: false },
      { versionId: v1, isLatest: false, marker: false },
    ]);
    expect(await read(key)).toEqual({ body: 'second bytes', versionId: v2 });
    expect(await read(key, v1)).toEqual({ body: 'first bytes', versionId: v1 });
    const head = await suite.s3.send(
      new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: v1 }),
    );
    expect({ size: head.ContentLength, versionId: head.VersionId }).toEqual({
      size: 'first bytes'.length,
      versionId: v1,
    });
    expect(await s3ErrorOf(read(key, '0'.repeat(32)))).toEqual({
      code: 'NoSuchVersion',
      status: 404,
    });
  });

  it('hides the key behind a delete marker, keeps its versions, and restores v1 by copy', async () => {
    const key = `marked/${randomUUID()}.txt`;
    const v1 = (await put(key, 'old content')).VersionId!;
    const v2 = (await put(key, 'new content')).VersionId!;

    const deleted = await suite.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    expect(deleted.DeleteMarker).toBe(true);
    const markerId = deleted.VersionId!;
    expect([v1, v2]).not.toContain(markerId);
    expect(await s3ErrorOf(read(key))).toEqual({ code: 'NoSuchKey', status: 404 });
    const listed = await suite.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key }));
    expect(listed.KeyCount).toBe(0);
    expect(await versionsOf(key)).toEqual([
      { versionId: markerId, isLatest: true, marker: true },
      { versionId: v2, isLatest: false, marker: false },
      { versionId: v1, isLatest: false, marker: false },
    ]);
    expect(await s3ErrorOf(read(key, markerId))).toMatchObject({ status: 405 });
    expect((await read(key, v1)).body).toBe('old content');

    const copied = await suite.s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: key,
        CopySource: `${bucket}/${encodeURIComponent(key)}?versionId=${v1}`,
      }),
    );
    expect(copied.CopySourceVersionId).toBe(v1);
    const restored = copied.VersionId!;
    expect([v1, v2, markerId]).not.toContain(restored);
    expect(await read(key)).toEqual({ body: 'old content', versionId: restored });
    expect((await versionsOf(key)).map((v) => [v.versionId, v.isLatest])).toEqual([
      [restored, true],
      [markerId, false],
      [v2, false],
      [v1, false],
    ]);
  });

  it('deletes one version for good; deleting the latest makes the previous one current', async () => {
    const key = `pruned/${randomUUID()}.txt`;
    const v1 = (await put(key, 'one')).VersionId!;
    const v2 = (await put(key, 'two')).VersionId!;
    const v3 = (await put(key, 'three')).VersionId!;

    await suite.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: v2 }));
    expect((await versionsOf(key)).map((v) => v.versionId)).toEqual([v3, v1]);
    await suite.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: v3 }));
    expect(await read(key)).toEqual({ body: 'one', versionId: v1 });
    expect(await versionsOf(key)).toEqual([{ versionId: v1, isLatest: true, marker: false }]);

    // removing the delete marker brings the object back
    const marker = await suite.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    await suite.s3.send(
      new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: marker.VersionId }),
    );
    expect(await read(key)).toEqual({ body: 'one', versionId: v1 });

    await suite.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: v1 }));
    expect(await versionsOf(key)).toEqual([]);
    expect(await s3ErrorOf(read(key))).toEqual({ code: 'NoSuchKey', status: 404 });
  });

  it('pages through versions with key and version-id markers, none repeated or skipped', async () => {
    const folder = `paged-${randomUUID()}/`;
    const expected: string[] = [];
    for (const name of ['a.txt', 'b.txt']) {
      const ids = [];
      for (let i = 0; i < 3; i++)
        ids.push((await put(`${folder}${name}`, `${name} ${i}`)).VersionId!);
      expected.push(...ids.reverse().map((id) => `${folder}${name}@${id}`));
    }
    const seen: string[] = [];
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    for (let page = 0; page < 10; page++) {
      const answer = await suite.s3.send(
        new ListObjectVersionsCommand({
          Bucket: bucket,
          Prefix: folder,
          MaxKeys: 2,
          KeyMarker: keyMarker,
          VersionIdMarker: versionIdMarker,
        }),
      );
      seen.push(...(answer.Versions ?? []).map((v) => `${v.Key}@${v.VersionId}`));
      if (!answer.IsTruncated) break;
      keyMarker = answer.NextKeyMarker;
      versionIdMarker = answer.NextVersionIdMarker;
    }
    expect(seen).toEqual(expected);
  });

  it('keeps the previous version when a multipart upload completes over it', async () => {
    const key = `multipart/${randomUUID()}.bin`;
    const before = (await put(key, 'small before')).VersionId!;
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }),
    );
    const parts = [bytes(5 * MiB), bytes(10)];
    const etags = [];
    for (const [i, body] of parts.entries())
      etags.push(
        (
          await suite.s3.send(
            new UploadPartCommand({
              Bucket: bucket,
              Key: key,
              UploadId,
              PartNumber: i + 1,
              Body: body,
            }),
          )
        ).ETag,
      );
    const done = await suite.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    expect(done.VersionId).toEqual(expect.any(String));
    expect((await versionsOf(key)).map((v) => v.versionId)).toEqual([done.VersionId, before]);
    expect((await read(key, before)).body).toBe('small before');
  });

  it('adds a delete marker per key through DeleteObjects', async () => {
    const key = `batch/${randomUUID()}.txt`;
    const v1 = (await put(key, 'kept')).VersionId!;
    const answer = await suite.s3.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: key }] } }),
    );
    const [only, ...others] = answer.Deleted ?? [];
    expect(others).toEqual([]);
    expect(only).toMatchObject({ Key: key, DeleteMarker: true });
    expect(only?.DeleteMarkerVersionId).not.toBe(v1);
    expect(only?.DeleteMarkerVersionId?.length).toBeGreaterThan(0);
    expect(await s3ErrorOf(read(key))).toEqual({ code: 'NoSuchKey', status: 404 });
    expect((await read(key, v1)).body).toBe('kept');
  });

  it('writes the null version while suspended and keeps the versions made before', async () => {
    if (externalBucket) return;
    const suspended = await createBucket(suite.s3, 'Enabled');
    const key = 'suspended.txt';
    const v1 = (
      await suite.s3.send(new PutObjectCommand({ Bucket: suspended, Key: key, Body: 'enabled' }))
    ).VersionId!;
    await suite.s3.send(
      new PutBucketVersioningCommand({
        Bucket: suspended,
        VersioningConfiguration: { Status: 'Suspended' },
      }),
    );
    for (const body of ['null one', 'null two']) {
      const answer = await suite.s3.send(
        new PutObjectCommand({ Bucket: suspended, Key: key, Body: body }),
      );
      expect(answer.VersionId).toBe('null');
    }
    const page = await suite.s3.send(new ListObjectVersionsCommand({ Bucket: suspended }));
    expect((page.Versions ?? []).map((v) => [v.VersionId, v.IsLatest])).toEqual([
      ['null', true],
      [v1, false],
    ]);
  });
});

describeTarget('a bucket that never enabled versioning', () => {
  it('answers no version ids, overwrites in place and lists the one null version', async () => {
    if (externalBucket) return;
    const plain = await createBucket(suite.s3);
    const key = 'plain.txt';
    const first = await suite.s3.send(new PutObjectCommand({ Bucket: plain, Key: key, Body: 'a' }));
    expect(first.VersionId).toBeUndefined();
    await suite.s3.send(new PutObjectCommand({ Bucket: plain, Key: key, Body: 'b' }));
    const page = await suite.s3.send(new ListObjectVersionsCommand({ Bucket: plain }));
    expect((page.Versions ?? []).map((v) => [v.Key, v.VersionId, v.IsLatest])).toEqual([
      [key, 'null', true],
    ]);
    const deleted = await suite.s3.send(new DeleteObjectCommand({ Bucket: plain, Key: key }));
    expect(deleted.DeleteMarker).toBeUndefined();
    expect(
      (await suite.s3.send(new ListObjectVersionsCommand({ Bucket: plain }))).Versions,
    ).toBeUndefined();
  });
});
