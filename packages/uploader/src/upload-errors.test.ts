// Telling failures apart once (uploadFailureOf), and the English sentences the engine and the CLI
// print for them (describeUploadError).
import {
  FileChangedError,
  HttpError,
  NetworkError,
  UploadApiError,
  UploadVerificationError,
  describeUploadError,
  uploadFailureOf,
} from './upload-errors.js';

const api = (status: number, code?: string, detail?: string) =>
  new UploadApiError(status, code, detail, '');

test.each([
  [api(401, 'UNAUTHENTICATED'), { kind: 'sessionEnded' }],
  [api(403, 'GRANT_DENIED', 'No write grant.'), { kind: 'notAllowed', reason: 'No write grant.' }],
  [api(403), { kind: 'notAllowed', reason: 'forbidden' }],
  [api(500), { kind: 'serverRefused', reason: 'HTTP 500' }],
  [new HttpError(412, ''), { kind: 's3Exists' }],
  [new HttpError(403, ''), { kind: 's3PartRefused' }],
  [new HttpError(500, ''), { kind: 's3Status', status: 500 }],
  [new FileChangedError('a.bin'), { kind: 'fileChanged', name: 'a.bin' }],
  [new NetworkError('reset'), { kind: 'network', message: 'reset' }],
  [new UploadVerificationError('sizes differ'), { kind: 'sentence', text: 'sizes differ' }],
  ['plain', { kind: 'sentence', text: 'plain' }],
])('%s is %j', (error, failure) => {
  expect(uploadFailureOf(error)).toEqual(failure);
});

test('the English sentences name what to do', () => {
  expect(describeUploadError(api(401))).toBe(
    'Your session has ended: sign in again, then resume the upload.',
  );
  expect(describeUploadError(api(409, 'CONFLICT', 'the name is taken'))).toBe(
    'The server refused the request: the name is taken.',
  );
  expect(describeUploadError(new FileChangedError('a.bin'))).toBe(
    '"a.bin" changed on disk during the upload; start it again to send the new content.',
  );
  expect(describeUploadError(new NetworkError('reset'))).toBe(
    'The network connection failed (reset). The upload can be resumed.',
  );
  expect(describeUploadError(new HttpError(503, ''))).toBe('S3 answered HTTP 503 for a part.');
});
