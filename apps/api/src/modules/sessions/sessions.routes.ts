// HTTP for "my sessions": list, revoke one, log out everywhere.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema, REFRESH_COOKIE, REFRESH_COOKIE_PATH, SessionList } from '@s3am/contracts';
import { requireSession } from '../../plugins/auth.js';
import { auditContext } from '../audit/audit-context.js';
import {
  listMySessions,
  revokeAllMySessions,
  revokeMySession,
  type SessionOwner,
  type SessionsDeps,
} from './sessions.service.js';

function ownerOf(request: FastifyRequest): SessionOwner {
  const principal = requireSession(request);
  return {
    ...auditContext(request),
    userId: principal.userId,
    email: principal.email,
    sessionId: principal.sessionId,
  };
}

export function sessionsRoutes(app: FastifyInstance, deps: SessionsDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const common = { onRequest: app.authenticate, config: { allowIncompleteAccount: true } };
  const schema = { tags: ['sessions'], security: [{ bearerAuth: [] }] };
  const errors = { 400: ProblemSchema, 401: ProblemSchema, 404: ProblemSchema };

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
      items: await listMySessions(deps, ownerOf(request)),
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
      await revokeMySession(deps, ownerOf(request), request.params.id);
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
      await revokeAllMySessions(deps, ownerOf(request));
      void reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH });
      return reply.code(204).send();
    },
  );
}
