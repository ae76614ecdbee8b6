// The calls a browser makes from the app's origin: CORS preflight, presigned part PUT with a
// readable ETag, presigned GET (and its expiry), and a presigned POST form whose policy holds.
import {
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { APP_ORIGIN, useS3Target } from './s3-target.js';
import { bytes, md5Hex, s3ErrorOf, uniqueKey } from './s3-assertions.js';

const suite = useS3Target();

describe('presigned multipart part upload from the app origin', () => {
  it('passes the CORS preflight and exposes the ETag of the PUT response', async () => {
    const key = uniqueKey('browser');
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    const url = await getSignedUrl(
      suite.s3,
      new UploadPartCommand({ Bucket: suite.target.bucket, Key: key, UploadId, PartNumber: 1 }),
      { expiresIn: 300 },
    );

    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        Origin: APP_ORIGIN,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toMatch(
      new RegExp(`^(\\*|${APP_ORIGIN})$`),
    );
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');

    const body = bytes(64 * 1024);
    const put = await fetch(url, { method: 'PUT', headers: { Origin: APP_ORIGIN }, body });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe(`"${md5Hex(body)}"`);
    expect(put.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('etag');

    const parts = await suite.s3.send(
      new ListPartsCommand({ Bucket: suite.target.bucket, Key: key, UploadId }),
    );
    expect(parts.Parts?.map((p) => [p.PartNumber, p.Size])).toEqual([[1, body.length]]);
  });

  it('refuses a presigned URL whose signature was tampered with', async () => {
    const key = uniqueKey('browser');
    const { UploadId } = await suite.s3.send(
      new CreateMultipartUploadCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    const url = new URL(
      await getSignedUrl(
        suite.s3,
        new UploadPartCommand({ Bucket: suite.target.bucket, Key: key, UploadId, PartNumber: 1 }),
        { expiresIn: 300 },
      ),
    );
    url.searchParams.set('partNumber', '2'); // signed for part 1
    const put = await fetch(url, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('SignatureDoesNotMatch');
  });
});

describe('presigned GET', () => {
  it('downloads with the filename from Content-Disposition, and stops working once expired', async () => {
    const key = uniqueKey('download');
    await suite.s3.send(
      new PutObjectCommand({ Bucket: suite.target.bucket, Key: key, Body: 'hello' }),
    );
    const url = await getSignedUrl(
      suite.s3,
      new GetObjectCommand({
        Bucket: suite.target.bucket,
        Key: key,
        ResponseContentDisposition: 'attachment; filename="hello.txt"',
      }),
      { expiresIn: 60 },
    );
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="hello.txt"');

    // Signed an hour ago for 60 seconds: the clock, not a sleep, makes it expired.
    const expired = await getSignedUrl(
      suite.s3,
      new GetObjectCommand({ Bucket: suite.target.bucket, Key: key }),
      { expiresIn: 60, signingDate: new Date(Date.now() - 3600_000) },
    );
    const refused = await fetch(expired);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/AccessDenied|expired/i);
  });
});

describe('presigned POST form upload (as Uppy sends small files)', () => {
  async function presignedPost(key: string, maxBytes: number) {
    return createPresignedPost(suite.s3, {
      Bucket: suite.target.bucket,
      Key: key,
      Conditions: [
        ['content-length-range', 0, maxBytes],
        ['starts-with', '$Content-Type', 'text/'],
      ],
      Fields: { 'Content-Type': 'text/plain' },
      Expires: 300,
    });
  }

  function form(fields: Record<string, string>, file: Buffer) {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    data.append('file', new Blob([new Uint8Array(file)]), 'note.txt');
    return data;
  }

  it('stores a file within the policy, readable afterwards', async () => {
    const key = uniqueKey('form');
    const { url, fields } = await presignedPost(key, 1024);
    const body = Buffer.from('a small note');
    const response = await fetch(url, {
      method: 'POST',
      headers: { Origin: APP_ORIGIN },
      body: form(fields, body),
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('etag')).toBe(`"${md5Hex(body)}"`);
    const head = await suite.s3.send(
      new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key }),
    );
    expect(head.ContentLength).toBe(body.length);
    expect(head.ContentType).toBe('text/plain');
  });

  it('refuses a file over the policy size limit with EntityTooLarge and stores nothing', async () => {
    const key = uniqueKey('form');
    const { url, fields } = await presignedPost(key, 1024);
    const response = await fetch(url, { method: 'POST', body: form(fields, bytes(4096)) });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('EntityTooLarge');
    expect(
      await s3ErrorOf(
        suite.s3.send(new HeadObjectCommand({ Bucket: suite.target.bucket, Key: key })),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('refuses a form that breaks a policy condition, or whose policy was altered', async () => {
    const key = uniqueKey('form');
    const { url, fields } = await presignedPost(key, 1024);
    const wrongType = await fetch(url, {
      method: 'POST',
      body: form({ ...fields, 'Content-Type': 'application/x-msdownload' }, Buffer.from('x')),
    });
    expect(wrongType.status).toBe(403);
    const otherKey = await fetch(url, {
      method: 'POST',
      body: form({ ...fields, key: uniqueKey('elsewhere') }, Buffer.from('x')),
    });
    expect(otherKey.status).toBe(403);
    const policy = JSON.parse(Buffer.from(fields.Policy!, 'base64').toString()) as {
      conditions: unknown[];
    };
    policy.conditions = policy.conditions.map((c) =>
      Array.isArray(c) && c[0] === 'content-length-range'
        ? ['content-length-range', 0, 10 ** 9]
        : c,
    );
    const forged = await fetch(url, {
      method: 'POST',
      body: form(
        { ...fields, Policy: Buffer.from(JSON.stringify(policy)).toString('base64') },
        Buffer.from('x'),
      ),
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('SignatureDoesNotMatch');
  });
});
