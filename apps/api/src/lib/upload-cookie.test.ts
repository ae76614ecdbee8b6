// The /s3 cookie: names a session until it ends, cannot be forged, altered or replayed past
// its expiry, and is signed with a key of its own.
import { createUploadCookieCodec } from './upload-cookie.js';

const codec = createUploadCookieCodec('a-secret-that-is-long-enough-for-tests-0123');
const claims = { sub: 'user-1', sid: 'session-1', role: 'uploader' as const };
const now = new Date('2026-11-29T12:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('upload cookie', () => {
  it('reads back what it issued until it expires', () => {
    const value = codec.issue(claims, later(60_000));
    expect(codec.read(value, now)).toEqual(claims);
    expect(codec.read(value, later(59_000))).toEqual(claims);
    expect(codec.read(value, later(60_000))).toBeNull();
  });

  it('refuses altered, foreign and malformed values', () => {
    const value = codec.issue(claims, later(60_000));
    const [version, payload, signature] = value.split('.') as [string, string, string];
    const admin = Buffer.from(
      JSON.stringify({ ...claims, role: 'admin', exp: Math.floor(later(60_000).getTime() / 1000) }),
    ).toString('base64url');
    expect(codec.read(`${version}.${admin}.${signature}`, now)).toBeNull();
    expect(codec.read(`${version}.${payload}.${signature.slice(1)}x`, now)).toBeNull();
    const other = createUploadCookieCodec('another-secret-that-is-long-enough-0123456');
    expect(other.read(value, now)).toBeNull();
    for (const junk of [
      '',
      'u1',
      'u1..',
      'eyJhbGciOiJIUzI1NiJ9.e30.sig',
      `u2.${payload}.${signature}`,
    ])
      expect(codec.read(junk, now)).toBeNull();
  });
});
