// The value of the /s3-scoped cookie Uppy's Companion routes authenticate with. It names the
// session (not an access token), so it lasts as long as the session may: a long upload keeps
// working after access tokens expire, while every call still re-checks the session (revoked,
// idle, user disabled). Signed with a key of its own, so it is never accepted as a bearer token.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '@s3am/contracts';

export interface UploadCookieClaims {
  /** User id. */
  sub: string;
  /** Session id. */
  sid: string;
  role: Role;
}

export interface UploadCookieCodec {
  issue(claims: UploadCookieClaims, expiresAt: Date): string;
  /** The claims of a genuine, unexpired cookie; null for anything else. */
  read(value: string, now: Date): UploadCookieClaims | null;
}

const VERSION = 'u1';
const ROLES: readonly string[] = ['admin', 'uploader', 'viewer'];

export function createUploadCookieCodec(secret: string): UploadCookieCodec {
  // Domain separation: the same secret signs access JWTs, never with this key.
  const key = createHmac('sha256', secret).update('s3am upload cookie v1').digest();
  const mac = (payload: string) =>
    createHmac('sha256', key).update(`${VERSION}.${payload}`).digest('base64url');
  return {
    issue(claims, expiresAt) {
      const payload = Buffer.from(
        JSON.stringify({
          sub: claims.sub,
          sid: claims.sid,
          role: claims.role,
          exp: Math.floor(expiresAt.getTime() / 1000),
        }),
      ).toString('base64url');
      return `${VERSION}.${payload}.${mac(payload)}`;
    },
    read(value, now) {
      const [version, payload, signature] = value.split('.');
      if (version !== VERSION || !payload || !signature) return null;
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      let claims: Partial<UploadCookieClaims & { exp: number }>;
      try {
        claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
      } catch {
        return null;
      }
      const { sub, sid, role, exp } = claims;
      if (typeof sub !== 'string' || typeof sid !== 'string' || typeof exp !== 'number')
        return null;
      if (typeof role !== 'string' || !ROLES.includes(role)) return null;
      if (exp * 1000 <= now.getTime()) return null;
      return { sub, sid, role };
    },
  };
}
