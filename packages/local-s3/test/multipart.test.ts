// Multipart conformance: every call the product makes, with S3's error codes. Runs against the
// local server by default, or against S3_CONFORMANCE_ENDPOINT (see s3-target.ts).
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { useS3Target } from './s3-target.js';
import { MiB, bytes, md5Hex, multipartEtag, s3ErrorOf, uniqueKey } from './s3-assertions.js';

const suite = useS3Target();

async function createUpload(key = uniqueKey()) {
  const { UploadId } = await suite.s3.send(
    new CreateMultipartUploadCommand({
      Bucket: suite.target.bucket,
      Key: key,
      ContentType: 'application/octet-stream',
    }),
  );
  return { key, uploadId: UploadId! };
}

async function uploadPart(key: string, uploadId: string, partNumber: number, body: Buffer) {
  const { ETag } = await suite.s3.send(
    new UploadPartCommand({
      Bucket: suite.target.bucket,
      Key: key,
      UploadId: uploadId,
      PartNumber: partNumber,
      Body: body,
    }),
  );
  return ETag!;
}

describe('a complete multipart upload', () => {
  it('assembles the parts in order, with the md5-of-md5s-N ETag and the exact content', async () => {
    const { key, uploadId } = await createUpload();
    const parts = [bytes(5 * MiB), bytes(5 * MiB), bytes(1234)];
    const etags = await Promise.all(parts.map((part, i) => uploadPart(key, uploadId, i + 1, part)));
    expect(etags).toEqual(parts.map((part) => `"${md5Hex(part)}"`));

    const done = await suite.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    expect(done.ETag).toBe(multipartEtag(parts));
    const object = await suite.s3.send(
      new GetObjectCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    expect(object.ETag).toBe(multipartEtag(parts));
    expect(
      Buffer.from(await object.Body!.transformToByteArray()).equals(Buffer.concat(parts)),
    ).toBe(true);
  });

  it('keeps the last upload of a part number (a retried part replaces the first try)', async () => {
    const { key, uploadId } = await createUpload();
    await uploadPart(key, uploadId, 1, bytes(100));
    const retried = bytes(200);
    const etag = await uploadPart(key, uploadId, 1, retried);
    await suite.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: [{ ETag: etag, PartNumber: 1 }] },
      }),
    );
    const object = await suite.s3.send(
      new GetObjectCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(retried)).toBe(true);
  });

  it('copies a byte range of an existing object into a part (UploadPartCopy)', async () => {
    const sourceKey = uniqueKey('copy-source');
    const source = bytes(6 * MiB);
    await suite.s3.send(
      new PutObjectCommand({ Bucket: suite.target.bucket, Key: sourceKey, Body: source }),
    );
    const { key, uploadId } = await createUpload();
    const copied = await suite.s3.send(
      new UploadPartCopyCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId: uploadId,
        PartNumber: 1,
        CopySource: `${suite.target.bucket}/${sourceKey}`,
        CopySourceRange: `bytes=0-${5 * MiB - 1}`,
      }),
    );
    const tail = bytes(10);
    const tailEtag = await uploadPart(key, uploadId, 2, tail);
    await suite.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: {
          Parts: [
            { ETag: copied.CopyPartResult!.ETag!, PartNumber: 1 },
            { ETag: tailEtag, PartNumber: 2 },
          ],
        },
      }),
    );
    const object = await suite.s3.send(
      new GetObjectCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    expect(
      Buffer.from(await object.Body!.transformToByteArray()).equals(
        Buffer.concat([source.subarray(0, 5 * MiB), tail]),
      ),
    ).toBe(true);
  });
});

describe('ListParts', () => {
  it('pages with max-parts and part-number-marker', async () => {
    const { key, uploadId } = await createUpload();
    for (const n of [1, 2, 3]) await uploadPart(key, uploadId, n, bytes(10 * n));
    const first = await suite.s3.send(
      new ListPartsCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId: uploadId,
        MaxParts: 2,
      }),
    );
    expect(first.Parts?.map((p) => [p.PartNumber, p.Size])).toEqual([
      [1, 10],
      [2, 20],
    ]);
    expect(first.IsTruncated).toBe(true);
    expect(String(first.NextPartNumberMarker)).toBe('2');
    const second = await suite.s3.send(
      new ListPartsCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId: uploadId,
        MaxParts: 2,
        PartNumberMarker: first.NextPartNumberMarker,
      }),
    );
    expect(second.Parts?.map((p) => p.PartNumber)).toEqual([3]);
    expect(second.IsTruncated).toBe(false);
    expect(second.Parts?.[0]?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('answers NoSuchUpload for an unknown upload id', async () => {
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new ListPartsCommand({
            Bucket: suite.target.bucket,
            Key: uniqueKey(),
            UploadId: 'a'.repeat(32),
          }),
        ),
      ),
    ).toEqual({ code: 'NoSuchUpload', status: 404 });
  });
});

describe('ListMultipartUploads', () => {
  it('filters by prefix and pages with key-marker / upload-id-marker', async () => {
    const prefix = `list-${Date.now()}/`;
    const a = await createUpload(`${prefix}a.bin`);
    const b1 = await createUpload(`${prefix}b.bin`);
    const b2 = await createUpload(`${prefix}b.bin`);
    await createUpload(`other-${Date.now()}/c.bin`);

    const all = await suite.s3.send(
      new ListMultipartUploadsCommand({ Bucket: suite.target.bucket, Prefix: prefix }),
    );
    expect(all.Uploads?.map((u) => u.Key)).toEqual([a.key, b1.key, b2.key]);
    expect(new Set(all.Uploads?.map((u) => u.UploadId))).toEqual(
      new Set([a.uploadId, b1.uploadId, b2.uploadId]),
    );

    const seen: string[] = [];
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    for (let page = 0; page < 5; page++) {
      const response = await suite.s3.send(
        new ListMultipartUploadsCommand({
          Bucket: suite.target.bucket,
          Prefix: prefix,
          MaxUploads: 1,
          KeyMarker: keyMarker,
          UploadIdMarker: uploadIdMarker,
        }),
      );
      seen.push(...(response.Uploads ?? []).map((u) => u.UploadId!));
      if (!response.IsTruncated) break;
      keyMarker = response.NextKeyMarker;
      uploadIdMarker = response.NextUploadIdMarker;
    }
    expect(seen).toEqual(all.Uploads?.map((u) => u.UploadId));
  });
});

describe('AbortMultipartUpload', () => {
  it('deletes the parts; afterwards the upload id answers NoSuchUpload everywhere', async () => {
    const { key, uploadId } = await createUpload();
    const etag = await uploadPart(key, uploadId, 1, bytes(100));
    await suite.s3.send(
      new AbortMultipartUploadCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId: uploadId,
      }),
    );
    const noSuchUpload = { code: 'NoSuchUpload', status: 404 };
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new ListPartsCommand({ Bucket: suite.target.bucket, Key: key, UploadId: uploadId }),
        ),
      ),
    ).toEqual(noSuchUpload);
    expect(await s3ErrorOf(uploadPart(key, uploadId, 2, bytes(10)))).toEqual(noSuchUpload);
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: suite.target.bucket,
            Key: key,
            UploadId: uploadId,
            MultipartUpload: { Parts: [{ ETag: etag, PartNumber: 1 }] },
          }),
        ),
      ),
    ).toEqual(noSuchUpload);
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new AbortMultipartUploadCommand({
            Bucket: suite.target.bucket,
            Key: key,
            UploadId: uploadId,
          }),
        ),
      ),
    ).toEqual(noSuchUpload);
    const uploads = await suite.s3.send(
      new ListMultipartUploadsCommand({ Bucket: suite.target.bucket, Prefix: key }),
    );
    expect(uploads.Uploads ?? []).toEqual([]);
  });
});

describe('UploadPart to an unknown upload', () => {
  it('answers NoSuchUpload and stores nothing', async () => {
    const key = uniqueKey();
    expect(await s3ErrorOf(uploadPart(key, 'f'.repeat(32), 1, bytes(10)))).toEqual({
      code: 'NoSuchUpload',
      status: 404,
    });
    const uploads = await suite.s3.send(
      new ListMultipartUploadsCommand({ Bucket: suite.target.bucket, Prefix: key }),
    );
    expect(uploads.Uploads ?? []).toEqual([]);
  });
});

describe('CompleteMultipartUpload checks', () => {
  const complete = (key: string, uploadId: string, parts: { ETag: string; PartNumber: number }[]) =>
    suite.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: suite.target.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );

  it('refuses a part that was never uploaded with InvalidPart (and the server stays up)', async () => {
    const { key, uploadId } = await createUpload();
    const etag = await uploadPart(key, uploadId, 1, bytes(5 * MiB));
    expect(
      await s3ErrorOf(
        complete(key, uploadId, [
          { ETag: etag, PartNumber: 1 },
          { ETag: etag, PartNumber: 2 },
        ]),
      ),
    ).toEqual({ code: 'InvalidPart', status: 400 });
    await expect(
      suite.s3.send(new ListObjectsV2Command({ Bucket: suite.target.bucket, MaxKeys: 1 })),
    ).resolves.toBeDefined();
  });

  it('refuses a wrong ETag with InvalidPart', async () => {
    const { key, uploadId } = await createUpload();
    await uploadPart(key, uploadId, 1, bytes(100));
    expect(
      await s3ErrorOf(complete(key, uploadId, [{ ETag: `"${'0'.repeat(32)}"`, PartNumber: 1 }])),
    ).toEqual({ code: 'InvalidPart', status: 400 });
  });

  it('refuses parts out of ascending order with InvalidPartOrder', async () => {
    const { key, uploadId } = await createUpload();
    const one = await uploadPart(key, uploadId, 1, bytes(5 * MiB));
    const two = await uploadPart(key, uploadId, 2, bytes(100));
    expect(
      await s3ErrorOf(
        complete(key, uploadId, [
          { ETag: two, PartNumber: 2 },
          { ETag: one, PartNumber: 1 },
        ]),
      ),
    ).toEqual({ code: 'InvalidPartOrder', status: 400 });
  });

  it('refuses a part under 5 MiB that is not the last with EntityTooSmall', async () => {
    const { key, uploadId } = await createUpload();
    const one = await uploadPart(key, uploadId, 1, bytes(5 * MiB - 1));
    const two = await uploadPart(key, uploadId, 2, bytes(100));
    expect(
      await s3ErrorOf(
        complete(key, uploadId, [
          { ETag: one, PartNumber: 1 },
          { ETag: two, PartNumber: 2 },
        ]),
      ),
    ).toEqual({ code: 'EntityTooSmall', status: 400 });
  });

  it('leaves the upload intact after a refused completion, so it can be completed correctly', async () => {
    const { key, uploadId } = await createUpload();
    const etag = await uploadPart(key, uploadId, 1, bytes(100));
    await s3ErrorOf(complete(key, uploadId, [{ ETag: `"${'1'.repeat(32)}"`, PartNumber: 1 }]));
    await expect(complete(key, uploadId, [{ ETag: etag, PartNumber: 1 }])).resolves.toMatchObject({
      Key: key,
    });
  });
});

describe('ListObjectsV2', () => {
  it('pages with continuation tokens (the file browser depends on it)', async () => {
    const prefix = `paging-${Date.now()}/`;
    for (const name of ['a', 'b', 'c'])
      await suite.s3.send(
        new PutObjectCommand({ Bucket: suite.target.bucket, Key: `${prefix}${name}`, Body: name }),
      );
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await suite.s3.send(
        new ListObjectsV2Command({
          Bucket: suite.target.bucket,
          Prefix: prefix,
          MaxKeys: 2,
          ContinuationToken: token,
        }),
      );
      keys.push(...(page.Contents ?? []).map((object) => object.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    expect(keys).toEqual([`${prefix}a`, `${prefix}b`, `${prefix}c`]);
  });
});

describe('authentication', () => {
  it('refuses a wrong secret with 403 SignatureDoesNotMatch', async () => {
    const wrong = suite.target.client('definitely-not-the-secret');
    try {
      expect(
        await s3ErrorOf(wrong.send(new ListObjectsV2Command({ Bucket: suite.target.bucket }))),
      ).toEqual({ code: 'SignatureDoesNotMatch', status: 403 });
    } finally {
      wrong.destroy();
    }
  });

  it('refuses anonymous requests with 403', async () => {
    const response = await fetch(`${suite.target.endpoint}/${suite.target.bucket}?list-type=2`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('AccessDenied');
  });
});
