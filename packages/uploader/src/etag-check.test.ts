import { createHash } from 'node:crypto';
import { expectedMultipartEtag, normalizeEtag, verifyCompletedUpload } from './etag-check.js';
import { uploadViewFixture } from './test-fakes.js';
import { UploadVerificationError } from './upload-errors.js';

const md5 = (data: Uint8Array | string): Buffer => createHash('md5').update(data).digest();

const view = uploadViewFixture;

describe('multipart ETag', () => {
  const parts = ['hello', 'world'].map((text) => md5(text));
  const partEtags = parts.map((digest) => `"${digest.toString('hex')}"`);
  const expected = `${md5(Buffer.concat(parts)).toString('hex')}-2`;

  it('is md5 of the concatenated binary part MD5s, then -N', () => {
    expect(expectedMultipartEtag(partEtags)).toBe(expected);
  });

  it('cannot be predicted when a part ETag is not a plain MD5', () => {
    expect(expectedMultipartEtag(['"abc"', partEtags[1]!])).toBeNull();
  });

  it('normalizes quotes, weak prefixes and case', () => {
    expect(normalizeEtag('W/"ABCDEF"')).toBe('abcdef');
  });

  it('accepts a completed upload whose size and ETag match', () => {
    expect(() =>
      verifyCompletedUpload(view({ etag: `"${expected}"` }), { fileSize: 10, partEtags }),
    ).not.toThrow();
  });

  it('rejects a wrong size or a wrong ETag', () => {
    expect(() => verifyCompletedUpload(view({ size: 9 }), { fileSize: 10, partEtags })).toThrow(
      UploadVerificationError,
    );
    const wrong = view({ etag: `"${md5('other').toString('hex')}-2"` });
    expect(() => verifyCompletedUpload(wrong, { fileSize: 10, partEtags })).toThrow(/ETag/);
    expect(() =>
      verifyCompletedUpload(wrong, { fileSize: 10, partEtags, checkEtag: false }),
    ).not.toThrow();
  });

  it('compares a single-mode object with its one part ETag', () => {
    const single = view({ mode: 'single', partCount: 1, etag: partEtags[0]! });
    expect(() =>
      verifyCompletedUpload(single, { fileSize: 10, partEtags: [partEtags[0]!] }),
    ).not.toThrow();
    expect(() =>
      verifyCompletedUpload(single, { fileSize: 10, partEtags: [partEtags[1]!] }),
    ).toThrow(UploadVerificationError);
  });
});
