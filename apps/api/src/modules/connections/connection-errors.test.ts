// Failure classification for the connection test, from SDK-shaped and network errors.
import { classifyS3Error } from './connection-errors.js';

describe('classifyS3Error', () => {
  it.each([
    [{ name: 'InvalidAccessKeyId' }, 'invalid_access_key'],
    [{ name: 'SignatureDoesNotMatch' }, 'signature_mismatch'],
    [{ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }, 'access_denied'],
    [{ name: 'NoSuchBucket' }, 'no_such_bucket'],
    [{ name: 'PermanentRedirect' }, 'wrong_region'],
    [
      {
        name: 'Error',
        message: 'AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:1',
      },
      'unreachable',
    ],
    [{ name: 'Error', code: 'ENOTFOUND' }, 'unreachable'],
    [
      {
        name: 'Error',
        message: 'self-signed certificate in certificate chain',
        code: 'SELF_SIGNED_CERT_IN_CHAIN',
      },
      'tls',
    ],
    [{ name: 'SlowDown' }, 'unknown'],
  ])('%j → %s', (error, reason) => {
    expect(classifyS3Error(error).reason).toBe(reason);
  });

  it('gives the Access Denied checklist: IAM, bucket policy, KMS, VPC endpoint, SCP', () => {
    const hints = classifyS3Error({ name: 'AccessDenied' }).hints.join(' ');
    for (const place of [
      'IAM policy',
      'Bucket policy',
      'KMS key policy',
      'VPC endpoint policy',
      'Service control policies',
    ])
      expect(hints).toContain(place);
  });
});
