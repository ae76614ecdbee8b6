// Authentication for every protected route: a session's access JWT (@fastify/jwt) or a personal
// API token, both re-checked against the database on each request; plus role and scope checks.
import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import {
  ErrorCode,
  UPLOAD_COOKIE,
  UPLOAD_COOKIE_PATH,
  type ApiTokenScope,
  type Role,
} from '@s3am/contracts';
import type { Db } from '../db/prisma.js';
import { AppError } from '../lib/app-error.js';
import { timingDummyHash } from '../lib/password-hash.js';
import { hashToken } from '../lib/secret-token.js';
import type { UploadCookieCodec } from '../lib/upload-cookie.js';
import { auditContext } from '../modules/audit/audit-context.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import {
  isApiToken,
  principalFromApiToken,
  principalFromSession,
  requiredScope,
  type AccessClaims,
  type Principal,
} from '../modules/auth/principal.js';

export type { AccessClaims, Principal };

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    authenticate: onRequestAsyncHookHandler;
    requireRole: (...roles: Role[]) => onRequestAsyncHookHandler;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Reachable while the account is incomplete: a generated password to replace, or 2FA to set up. */
    allowIncompleteAccount?: boolean;
    /** The API-token scope this route needs (default: read for GET/HEAD, write otherwise). */
    tokenScope?: ApiTokenScope;
  }
}

export interface AuthPluginOptions {
  db: Db;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  idleTimeoutSeconds: number;
  clock: () => Date;
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError(ErrorCode.UNAUTHENTICATED);
  return request.principal;
}

/** For actions that must come from an interactive sign-in, never from an API token. */
export function requireSession(request: FastifyRequest): Principal & { sessionId: string } {
  const principal = requirePrincipal(request);
  if (principal.sessionId === null)
    throw new AppError(
      ErrorCode.SESSION_REQUIRED,
      'API tokens cannot do this; sign in to the web app.',
    );
  return principal as Principal & { sessionId: string };
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** The Uppy routes authenticate with the /s3-scoped cookie instead of a header. */
function uploadCookieOf(app: FastifyInstance, request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header || !request.url.startsWith(`${UPLOAD_COOKIE_PATH}/`)) return undefined;
  return app.parseCookie(header)[UPLOAD_COOKIE];
}

/**
 * Whom the rate limiter counts a request against. It runs before authentication, so only
 * credentials that prove themselves without the database name a caller: an access token or an
 * upload cookie with a valid signature (by its user), an API token (by its hash, so nobody can
 * spend another's budget). Anything else is anonymous (undefined) and counted per client IP.
 */
export function rateLimitCaller(
  app: FastifyInstance,
  request: FastifyRequest,
  uploadCookie: UploadCookieCodec,
  now: Date,
): string | undefined {
  const bearer = bearerOf(request);
  if (!bearer) {
    const cookie = uploadCookieOf(app, request);
    const claims = cookie ? uploadCookie.read(cookie, now) : null;
    return claims ? `user:${claims.sub}` : undefined;
  }
  if (isApiToken(bearer)) return `token:${hashToken(bearer)}`;
  try {
    return `user:${app.jwt.verify<AccessClaims>(bearer).sub}`;
  } catch {
    return undefined;
  }
}

export const authPlugin = fp(
  async (app: FastifyInstance, options: AuthPluginOptions) => {
    const { db } = options;
    await app.register(cookie);
    await app.register(jwt, {
      secret: options.jwtSecret,
      sign: { expiresIn: options.accessTokenTtlSeconds, algorithm: 'HS256' },
      // Every access token we sign has iat and exp: one without them (signed with a leaked key,
      // or by a bug) is refused rather than trusted forever, and none outlives the TTL from iat.
      verify: {
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat'],
        maxAge: options.accessTokenTtlSeconds,
      },
    });
    app.decorateRequest('principal', null);
    // Unknown-email logins verify against a dummy hash; compute it before the first request, so
    // the first such login does not take longer than the others (which would tell it apart).
    app.addHook('onReady', async () => {
      await timingDummyHash();
    });

    const deny = async (
      request: FastifyRequest,
      principal: Principal,
      code: ErrorCode,
      detail: string,
      adminRoute = false,
    ) => {
      await recordAudit(db, {
        ...auditContext(request),
        action: 'access.denied',
        outcome: 'denied',
        actorId: principal.userId,
        actorEmail: principal.email,
        ...(principal.tokenId ? { targetType: 'api_token', targetId: principal.tokenId } : {}),
        details: {
          method: request.method,
          route: request.routeOptions.url ?? request.url,
          role: principal.role,
          reason: code,
          // The security monitor alerts on refused administrative operations.
          adminRoute,
        },
      });
      throw new AppError(code, detail);
    };

    app.decorate('authenticate', async (request: FastifyRequest) => {
      const bearer = bearerOf(request);
      if (!bearer)
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'A valid access token is required.');
      const now = options.clock();
      let principal: Principal;
      if (isApiToken(bearer)) {
        principal = await principalFromApiToken(db, bearer, now);
      } else {
        let claims: AccessClaims;
        try {
          claims = await request.jwtVerify<AccessClaims>();
        } catch {
          throw new AppError(ErrorCode.UNAUTHENTICATED, 'A valid access token is required.');
        }
        principal = await principalFromSession(db, claims, now, options.idleTimeoutSeconds * 1000);
      }
      request.principal = principal;

      if (principal.scopes) {
        const needed = requiredScope(request.method, request.routeOptions.config.tokenScope);
        if (!principal.scopes.includes(needed))
          await deny(
            request,
            principal,
            ErrorCode.TOKEN_SCOPE,
            `This API token needs the "${needed}" scope.`,
          );
        await recordAudit(db, {
          ...auditContext(request),
          at: now,
          action: 'api_token.use',
          outcome: 'success',
          actorId: principal.userId,
          actorEmail: principal.email,
          targetType: 'api_token',
          targetId: principal.tokenId ?? undefined,
          details: { method: request.method, route: request.routeOptions.url ?? request.url },
        });
      }
      if (!request.routeOptions.config.allowIncompleteAccount) {
        if (principal.mustChangePassword)
          throw new AppError(
            ErrorCode.PASSWORD_CHANGE_REQUIRED,
            'Change your password before doing anything else.',
          );
        if (principal.mustEnrollTotp)
          throw new AppError(
            ErrorCode.TOTP_ENROLLMENT_REQUIRED,
            'Set up two-factor authentication before doing anything else.',
          );
      }
    });

    app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
      const principal = requirePrincipal(request);
      if (!roles.includes(principal.role))
        await deny(
          request,
          principal,
          ErrorCode.FORBIDDEN,
          'Your role does not allow this action.',
          roles.length === 1 && roles[0] === 'admin',
        );
      // Admin-only routes need the admin scope; routes open to uploaders too need only read/write.
      const adminOnly = roles.every((role) => role === 'admin');
      if (adminOnly && principal.scopes && !principal.scopes.includes('admin')) {
        await deny(
          request,
          principal,
          ErrorCode.TOKEN_SCOPE,
          'This API token needs the "admin" scope.',
          true,
        );
      }
    });
  },
  { name: 'auth' },
);
