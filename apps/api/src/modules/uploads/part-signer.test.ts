// The batch signer must produce exactly the URL the SDK's SignatureV4.presign produces for the
// same request: same query order, same signature. The reference below is how the part signer
// signed before it did the shared work once per batch.
import { S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import type { S3Connection } from '../../db/prisma.js';
import { createPartSigner, type PresignRequest } from './part-signer.js';

const signingDate = new Date('2026-11-30T10:11:12.345Z');

function connectionOf(fields: Partial<S3Connection>): S3Connection {
  return {
    endpoint: null,
    publicEndpoint: null,
    region: 'eu-west-1',
    forcePathStyle: false,
    ...fields,
  } as S3Connection;
}

/** The SDK's own presign of one request, turned into a URL as the part signer always did. */
async function sdkUrl(
  client: S3Client,
  region: string,
  target: { protocol: string; hostname: string; port?: number; path: string },
  request: PresignRequest,
  expiresIn: number,
): Promise<string> {
  const signer = new SignatureV4({
    service: 's3',
    credentials: client.config.credentials,
    region,
    sha256: client.config.sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const port = target.port ? `:${target.port}` : '';
  const signed = await signer.presign(
    {
      ...target,
      method: request.method,
      query: { ...request.query },
      headers: {
        host: `${target.hostname}${port}`,
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
        ...request.headers,
      },
    },
    { expiresIn, signingDate, unhoistableHeaders: new Set(Object.keys(request.headers ?? {})) },
  );
  const escape = (text: string) =>
    encodeURIComponent(text).replace(
      /[!'()*]/g,
      (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  const query = Object.entries(signed.query ?? {})
    .map(([name, value]) => `${escape(name)}=${escape(String(value))}`)
    .join('&');
  return `${target.protocol}//${target.hostname}${port}${target.path}?${query}`;
}

const part = (key: string, partNumber: number): PresignRequest => ({
  method: 'PUT',
  bucket: 'uploads',
  key,
  query: { partNumber: String(partNumber), uploadId: 'upload/id+with=odd&chars' },
});

describe('createPartSigner', () => {
  const staticKeys = new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDTESTONLY', secretAccessKey: 'test-only-secret/not+real' },
  });
  const temporaryKeys = new S3Client({
    region: 'eu-west-1',
    credentials: {
      accessKeyId: 'ASIATESTONLY',
      secretAccessKey: 'another-test-secret',
      sessionToken: 'session/token+with=chars',
    },
  });
  afterAll(() => {
    staticKeys.destroy();
    temporaryKeys.destroy();
  });

  it('signs part URLs on a path-style endpoint exactly as the SDK does', async () => {
    const connection = connectionOf({
      endpoint: 'http://127.0.0.1:9000/base/',
      forcePathStyle: true,
    });
    const key = "reports/2026 Q4 (final)!*'~ü+€.csv";
    const requests = [1, 2, 10_000].map((n) => part(key, n));
    const urls = await createPartSigner(connection, staticKeys).presign(
      requests,
      3600,
      signingDate,
    );
    const target = {
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 9000,
      path: '/base/uploads/reports/2026%20Q4%20%28final%29%21%2A%27~%C3%BC%2B%E2%82%AC.csv',
    };
    for (const [index, request] of requests.entries())
      expect(urls[index]).toBe(await sdkUrl(staticKeys, 'eu-west-1', target, request, 3600));
  });

  it('signs a single PUT with every header it names (type, length, metadata, SSE) as the SDK does', async () => {
    const request: PresignRequest = {
      method: 'PUT',
      bucket: 'uploads',
      key: 'a/b.bin',
      headers: {
        'content-type': 'text/plain;  charset=utf-8',
        'content-length': '1234',
        'if-none-match': '*',
        'x-amz-meta-owner': '  Ada   Lovelace ',
        'x-amz-server-side-encryption': 'aws:kms',
        'x-amz-tagging': 'team=blue&kind=report',
      },
    };
    const urls = await createPartSigner(connectionOf({}), temporaryKeys).presign(
      [request],
      300,
      signingDate,
    );
    const target = {
      protocol: 'https:',
      hostname: 'uploads.s3.eu-west-1.amazonaws.com',
      path: '/a/b.bin',
    };
    expect(urls[0]).toBe(await sdkUrl(temporaryKeys, 'eu-west-1', target, request, 300));
    expect(urls[0]).toContain('X-Amz-Security-Token=session%2Ftoken%2Bwith%3Dchars');
    expect(urls[0]).toContain(
      'X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3Bif-none-match%3Bx-amz-meta-owner%3Bx-amz-server-side-encryption%3Bx-amz-tagging',
    );
  });

  it('uses path-style URLs on AWS for dotted bucket names, and signs GETs too', async () => {
    const request: PresignRequest = { method: 'GET', bucket: 'my.dotted.bucket', key: 'x' };
    const [url] = await createPartSigner(connectionOf({}), staticKeys).presign(
      [request],
      60,
      signingDate,
    );
    const target = {
      protocol: 'https:',
      hostname: 's3.eu-west-1.amazonaws.com',
      path: '/my.dotted.bucket/x',
    };
    expect(url).toBe(await sdkUrl(staticKeys, 'eu-west-1', target, request, 60));
  });

  it('refuses an expiry beyond the week SigV4 allows', async () => {
    await expect(
      createPartSigner(connectionOf({}), staticKeys).presign(
        [part('k', 1)],
        7 * 24 * 3600 + 1,
        signingDate,
      ),
    ).rejects.toThrow(/one week/);
  });
});
