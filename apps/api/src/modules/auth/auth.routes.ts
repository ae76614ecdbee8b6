// HTTP for login/refresh/logout/me. The refresh token lives only in an httpOnly, SameSite=Strict
// cookie scoped to /api/auth, so page scripts never see it and other sites cannot send it. The
// /s3-scoped upload cookie (Uppy's Companion routes) names the session and lives as long as it.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CurrentUser,
  LoginRequest,
  ProblemSchema,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  TokenResponse,
  UPLOAD_COOKIE,
  UPLOAD_COOKIE_PATH,
} from '@s3am/contracts';
import type { UploadCookieCodec } from '../../lib/upload-cookie.js';
import { requirePrincipal, type AccessClaims } from '../../plugins/auth.js';
import { auditContext } from '../audit/audit-context.js';
import {
  login,
  logout,
  refresh,
  REFRESH_RETRY_KEY,
  type AuthDeps,
  type IssuedTokens,
} from './auth.service.js';
import { problemResponses } from '../../plugins/errors.js';
import { passwordOriginFields } from './password-origin.js';

export interface AuthRoutesOptions {
  deps: AuthDeps;
  cookieSecure: boolean;
  uploadCookie: UploadCookieCodec;
}

const RefreshHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(REFRESH_RETRY_KEY)
    .optional()
    .describe(
      'Random key (22-128 URL-safe characters) kept until an answer arrives: the same request ' +
        'sent again after a lost answer gets the same new cookie instead of ending the session',
    ),
});

export function authRoutes(app: FastifyInstance, options: AuthRoutesOptions): void {
  const { deps } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const errors = problemResponses(400, 401, 429);

  const sendTokens = (reply: FastifyReply, tokens: IssuedTokens) => {
    void reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, {
      httpOnly: true,
      secure: options.cookieSecure,
      sameSite: 'strict',
      path: REFRESH_COOKIE_PATH,
      expires: tokens.refreshExpiresAt,
    });
    // Bound to the session, not to this access token: an upload outlives many token lifetimes.
    const { sub, sid, role } = app.jwt.decode<AccessClaims>(tokens.accessToken)!;
    void reply.setCookie(
      UPLOAD_COOKIE,
      options.uploadCookie.issue({ sub, sid, role }, tokens.refreshExpiresAt),
      {
        httpOnly: true,
        secure: options.cookieSecure,
        sameSite: 'strict',
        path: UPLOAD_COOKIE_PATH,
        expires: tokens.refreshExpiresAt,
      },
    );
    return {
      accessToken: tokens.accessToken,
      tokenType: 'Bearer' as const,
      expiresIn: tokens.expiresIn,
      user: tokens.user,
    };
  };

  api.post(
    '/api/auth/login',
    {
      config: { rateBudget: 'login' },
      schema: {
        tags: ['auth'],
        description:
          'Checks the password (and the TOTP or a one-time recovery code when two-factor authentication is on) and returns a short-lived access token; the rotating refresh token is set only as an httpOnly, SameSite=Strict cookie scoped to /api/auth. Anyone may call it; attempts are throttled per client IP, and every success or failure is audited (`auth.login`).',
        summary: 'Sign in with email and password',
        body: LoginRequest,
        response: { 200: TokenResponse, ...errors },
      },
    },
    async (request, reply) =>
      sendTokens(reply, await login(deps, request.body, auditContext(request))),
  );

  api.post(
    '/api/auth/refresh',
    {
      // Its own budget: every page load refreshes, and sign-in attempts must not end sessions.
      config: { rateBudget: 'refresh' },
      schema: {
        tags: ['auth'],
        description:
          'Uses the refresh cookie (never a body field) and rotates it: the old token is spent and a new cookie is set. Reusing a spent refresh token revokes the whole session and is audited (`auth.refresh_reuse`); send an `Idempotency-Key` to retry safely after a lost answer. Has its own per-IP rate budget.',
        summary: 'Exchange the refresh cookie for a new access token (the cookie rotates)',
        headers: RefreshHeaders,
        response: { 200: TokenResponse, ...errors },
      },
    },
    async (request, reply) =>
      sendTokens(
        reply,
        await refresh(
          deps,
          request.cookies[REFRESH_COOKIE],
          auditContext(request),
          request.headers['idempotency-key'],
        ),
      ),
  );

  api.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        description:
          'Revokes the session named by the refresh cookie and clears the refresh and upload cookies. Needs no access token and answers 204 even when the cookie is missing or already invalid; audited as `auth.logout`.',
        summary: 'End this session',
        response: { 204: z.undefined(), 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      await logout(deps, request.cookies[REFRESH_COOKIE], auditContext(request));
      void reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      void reply.clearCookie(UPLOAD_COOKIE, { path: UPLOAD_COOKIE_PATH });
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/me',
    {
      onRequest: app.authenticate,
      config: { allowIncompleteAccount: true },
      schema: {
        tags: ['auth'],
        description:
          'Who the bearer token belongs to: id, email, role, and whether a password change or 2FA enrolment is still required. Any authenticated user may call it, also while such a step is pending.',
        summary: 'The signed-in user',
        security: [{ bearerAuth: [] }],
        response: { 200: CurrentUser, 401: ProblemSchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return {
        id: principal.userId,
        email: principal.email,
        role: principal.role,
        mustChangePassword: principal.mustChangePassword,
        ...(await passwordOriginFields(deps.db, {
          id: principal.userId,
          mustChangePassword: principal.mustChangePassword,
        })),
        totpEnabled: principal.totpEnabled,
        mustEnrollTotp: principal.mustEnrollTotp,
      };
    },
  );
}
