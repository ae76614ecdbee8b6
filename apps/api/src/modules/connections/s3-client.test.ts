// Which S3 calls get the long timeout, and how transport failures reach callers: stable codes for
// a refused endpoint, a timeout and an unencodable key; S3's own answers pass through untouched.
import type { S3Connection } from '../../db/prisma.js';
import { isAppError } from '../../lib/app-error.js';
import { EndpointRefusedError } from '../../lib/ssrf-guard.js';
import { isLongRunning, transportError } from './s3-client.js';

describe('isLongRunning', () => {
  it.each([
    ['CompleteMultipartUpload', true, { method: 'POST', query: { uploadId: 'u' }, headers: {} }],
    ['CopyObject', true, { method: 'PUT', query: {}, headers: { 'x-amz-copy-source': 'b/k' } }],
    [
      'UploadPartCopy',
      true,
      { method: 'PUT', query: { uploadId: 'u' }, headers: { 'X-Amz-Copy-Source': 'b/k' } },
    ],
    [
      'UploadPart',
      false,
      { method: 'PUT', query: { uploadId: 'u', partNumber: '1' }, headers: {} },
    ],
    ['CreateMultipartUpload', false, { method: 'POST', query: { uploads: '' }, headers: {} }],
    ['ListObjectsV2', false, { method: 'GET', query: { 'list-type': '2' }, headers: {} }],
    ['HeadObject', false, { method: 'HEAD', query: {}, headers: {} }],
  ])('%s is long-running: %s', (_name, long, request) => {
    expect(isLongRunning(request)).toBe(long);
  });
});

describe('transportError', () => {
  const connection = { name: 'Archive' } as S3Connection;

  it('names the setting that refuses an endpoint, and says nothing was sent', () => {
    const error = transportError(
      new EndpointRefusedError('s3.internal', 'loopback', '127.0.0.1'),
      connection,
    );
    expect(isAppError(error) && error.code).toBe('ENDPOINT_BLOCKED');
    expect((error as Error).message).toMatch(
      /"Archive".*loopback.*ENDPOINT_ALLOW_LOOPBACK.*no request was sent/,
    );
    const metadata = transportError(
      new EndpointRefusedError('evil.example', 'link_local', '169.254.169.254'),
      connection,
    );
    expect((metadata as Error).message).toMatch(/is never allowed/);
  });

  it('turns timeouts into S3_TIMEOUT and unencodable keys into INVALID_KEY', () => {
    const timeout = Object.assign(new Error('socket hang'), { name: 'TimeoutError' });
    expect(transportError(timeout, connection)).toMatchObject({ code: 'S3_TIMEOUT' });
    expect(transportError(new URIError('URI malformed'), connection)).toMatchObject({
      code: 'INVALID_KEY',
    });
  });

  it('leaves what S3 answered to the callers', () => {
    const denied = Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    expect(transportError(denied, connection)).toBe(denied);
  });
});
