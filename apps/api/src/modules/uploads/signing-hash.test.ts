// The fast hash must sign exactly as the SDK's own Node hash does: same URL, same signature.
import { S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import { SigningSha256 } from './signing-hash.js';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'test-only-secret/not+a+real+key',
};
const request = {
  method: 'PUT',
  protocol: 'https:',
  hostname: 'uploads.s3.eu-west-1.amazonaws.com',
  path: '/reports/2026%20Q4%20%28final%29.csv',
  query: { partNumber: '7', uploadId: 'abc' },
  headers: {
    host: 'uploads.s3.eu-west-1.amazonaws.com',
    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
  },
};

function signer(sha256: ConstructorParameters<typeof SignatureV4>[0]['sha256']) {
  return new SignatureV4({
    service: 's3',
    region: 'eu-west-1',
    credentials,
    sha256,
    uriEscapePath: false,
  });
}

describe('SigningSha256', () => {
  it('produces the same presigned query as the SDK hash, on every repeated use of a cached key', async () => {
    const sdkHash = new S3Client({ region: 'eu-west-1' }).config.sha256;
    const signingDate = new Date('2026-11-30T10:00:00Z');
    const expected = await signer(sdkHash).presign({ ...request }, { expiresIn: 900, signingDate });
    const fast = signer(SigningSha256);
    for (let round = 0; round < 3; round++) {
      const actual = await fast.presign({ ...request }, { expiresIn: 900, signingDate });
      expect(actual.query).toEqual(expected.query);
    }
  });

  it('keeps other days and other secrets apart', async () => {
    const fast = signer(SigningSha256);
    const day1 = await fast.presign(
      { ...request },
      { signingDate: new Date('2026-11-30T10:00:00Z') },
    );
    const day2 = await fast.presign(
      { ...request },
      { signingDate: new Date('2026-12-01T10:00:00Z') },
    );
    const other = await new SignatureV4({
      service: 's3',
      region: 'eu-west-1',
      credentials: { ...credentials, secretAccessKey: 'another-secret' },
      sha256: SigningSha256,
      uriEscapePath: false,
    }).presign({ ...request }, { signingDate: new Date('2026-11-30T10:00:00Z') });
    const signature = (q: typeof day1) => q.query?.['X-Amz-Signature'];
    expect(new Set([signature(day1), signature(day2), signature(other)]).size).toBe(3);
  });
});
