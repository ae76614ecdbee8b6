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
