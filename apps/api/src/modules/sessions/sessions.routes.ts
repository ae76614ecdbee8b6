// HTTP for "my sessions": list, revoke one, log out everywhere.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH, SessionList } from '@s3am/contracts';
import { sessionActorOf } from '../auth/request-actor.js';
import {
  listMySessions,
  revokeAllMySessions,
  revokeMySession,
  type SessionsDeps,
} from './sessions.service.js';
import { problemResponses } from '../../plugins/errors.js';

export function sessionsRoutes(app: FastifyInstance, deps: SessionsDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const common = { onRequest: app.authenticate, config: { allowIncompleteAccount: true } };
  const schema = { tags: ['sessions'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 404);

  api.get(
    '/api/me/sessions',
    {
      ...common,
      schema: {
        ...schema,
        description:
          'Lists the caller’s unexpired, unrevoked sessions (one per sign-in on a device) with user agent, IP and last activity; `current` marks the one making this request. Needs a signed-in session (not an API token) and works while a password change is pending.',
        summary: 'My active sessions',
        response: { 200: SessionList, ...errors },
      },
    },
    async (request) => ({
      items: await listMySessions(deps, sessionActorOf(request)),
    }),
  );

  api.delete(
    '/api/me/sessions/:id',
    {
      ...common,
      schema: {
        ...schema,
        description:
          'Revokes one of the caller’s own sessions; its access and refresh tokens stop working at once (every request re-checks the session). 404 when the id is not an active session of the caller. Audited as `session.revoke`.',
        summary: 'End one of my sessions',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeMySession(deps, sessionActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  api.delete(
    '/api/me/sessions',
    {
      ...common,
      schema: {
        ...schema,
        description:
          'Revokes every session of the caller, this one included, and clears the refresh cookie. Audited as `auth.logout_everywhere`.',
        summary: 'Log out everywhere (this session included)',
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeAllMySessions(deps, sessionActorOf(request));
      void reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      return reply.code(204).send();
    },
  );
}
