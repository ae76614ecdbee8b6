// HeadObject answers what GetObject answers, without the body: whole objects, byte ranges,
// ranges that cannot be satisfied, missing keys. Runs against the local server or
// S3_CONFORMANCE_ENDPOINT.
import { randomUUID } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useS3Target } from './s3-target.js';
import { bytes, md5Hex, s3ErrorOf } from './s3-assertions.js';

const suite = useS3Target();
const key = `head-${randomUUID()}/object.bin`;
const body = bytes(10_000);

beforeAll(async () => {
  await suite.s3.send(
    new PutObjectCommand({
      Bucket: suite.target.bucket,
      Key: key,
      Body: body,
      ContentType: 'image/png',
      Metadata: { origin: 'head-test' },
    }),
  );
});

describe('HeadObject', () => {
  it('answers the headers GetObject answers', async () => {
    const head = await suite.s3.send(
      new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    const get = await suite.s3.send(
      new GetObjectCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    await get.Body!.transformToByteArray();
    expect(head.$metadata.httpStatusCode).toBe(200);
    expect(head.ETag).toBe(`"${md5Hex(body)}"`);
    expect(head.ContentLength).toBe(body.length);
    expect(head.ContentType).toBe('image/png');
    expect(head.Metadata).toEqual({ origin: 'head-test' });
    expect(head.LastModified).toEqual(get.LastModified);
    expect(head.ETag).toBe(get.ETag);
  });

  it('answers a satisfiable Range with 206 and its length', async () => {
    const head = await suite.s3.send(
      new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key, Range: 'bytes=100-199' }),
    );
    expect(head.$metadata.httpStatusCode).toBe(206);
    expect(head.ContentLength).toBe(100);
    expect(head.ContentRange).toBe(`bytes 100-199/${body.length}`);
  });

  it('answers a Range past the end with 416, and a missing key with 404', async () => {
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new HeadObjectCommand({
            Bucket: suite.target.bucket,
            Key: key,
            Range: 'bytes=20000-20010',
          }),
        ),
      ),
    ).toMatchObject({ status: 416 });
    expect(
      await s3ErrorOf(
        suite.s3.send(
          new HeadObjectCommand({ Bucket: suite.target.bucket, Key: `${key}.missing` }),
        ),
      ),
    ).toEqual({ code: 'NotFound', status: 404 });
  });
});
