// Access-token authentication: @fastify/jwt verifies the Bearer token, then the session and user
// are re-read so that a revoked session or a disabled user is refused on the very next request.
import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorCode, type Role } from '@s3am/contracts';
import type { Db } from '../db/prisma.js';
import { AppError } from '../lib/app-error.js';
import { sessionEnd, shouldTouchLastSeen } from '../lib/session-rules.js';
import { auditContext } from '../modules/audit/audit-context.js';
import { recordAudit } from '../modules/audit/audit.service.js';

export interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
}

export interface Principal {
  userId: string;
  email: string;
  role: Role;
  sessionId: string;
  mustChangePassword: boolean;
}

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
    /** Reachable while the user still has to replace a generated password. */
    allowPendingPasswordChange?: boolean;
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

export const authPlugin = fp(
  async (app: FastifyInstance, options: AuthPluginOptions) => {
    await app.register(cookie);
    await app.register(jwt, {
      secret: options.jwtSecret,
      sign: { expiresIn: options.accessTokenTtlSeconds, algorithm: 'HS256' },
      verify: { algorithms: ['HS256'] },
    });
    app.decorateRequest('principal', null);

    app.decorate('authenticate', async (request: FastifyRequest) => {
      let claims: AccessClaims;
      try {
        claims = await request.jwtVerify<AccessClaims>();
      } catch {
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'A valid access token is required.');
      }
      const session = await options.db.session.findUnique({
        where: { id: claims.sid },
        include: {
          user: {
            select: { id: true, email: true, role: true, disabled: true, mustChangePassword: true },
          },
        },
      });
      const now = options.clock();
      if (
        !session ||
        session.userId !== claims.sub ||
        session.user.disabled ||
        sessionEnd(session, now, options.idleTimeoutSeconds * 1000)
      ) {
        throw new AppError(
          ErrorCode.UNAUTHENTICATED,
          'Your session has ended. Please sign in again.',
        );
      }
      // Requests are what "activity" means for the idle timeout.
      if (shouldTouchLastSeen(session.lastSeenAt, now)) {
        await options.db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
      }
      request.principal = {
        userId: session.user.id,
        email: session.user.email,
        role: session.user.role,
        sessionId: session.id,
        mustChangePassword: session.user.mustChangePassword,
      };
      if (
        session.user.mustChangePassword &&
        !request.routeOptions.config.allowPendingPasswordChange
      ) {
        throw new AppError(
          ErrorCode.PASSWORD_CHANGE_REQUIRED,
          'Change your password before doing anything else.',
        );
      }
    });

    app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
      const principal = requirePrincipal(request);
      if (!roles.includes(principal.role)) {
        await recordAudit(options.db, {
          ...auditContext(request),
          action: 'access.denied',
          outcome: 'denied',
          actorId: principal.userId,
          actorEmail: principal.email,
          details: {
            method: request.method,
            route: request.routeOptions.url ?? request.url,
            role: principal.role,
          },
        });
        throw new AppError(ErrorCode.FORBIDDEN, 'Your role does not allow this action.');
      }
    });
  },
  { name: 'auth' },
);
