// HTTP for my personal API tokens. Managing tokens needs an interactive session, never a token.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiTokenList, CreateApiTokenRequest, CreatedApiToken } from '@s3am/contracts';
import { sessionActorOf } from '../auth/request-actor.js';
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  type ApiTokensDeps,
} from './api-tokens.service.js';
import { problemResponses } from '../../plugins/errors.js';

export function apiTokensRoutes(app: FastifyInstance, deps: ApiTokensDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ['api-tokens'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 404);

  api.get(
    '/api/me/tokens',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        summary: 'My API tokens',
        description:
          'Lists the caller’s personal API tokens (name, prefix, scopes, expiry, last use); the secret itself is never returned again. Needs an interactive session: API tokens cannot manage tokens.',
        response: { 200: ApiTokenList, ...errors },
      },
    },
    async (request) => ({
      items: await listApiTokens(deps, sessionActorOf(request).userId),
    }),
  );

  api.post(
    '/api/me/tokens',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'Creates a personal API token (`s3am_…`) with read/write/admin scopes and an expiry of 1–365 days (default 90, null never expires); only admins may request the admin scope (else 403). The secret appears only in this response and is stored hashed; audited as `api_token.create`.',
        summary: 'Create an API token (the token is shown only in this response)',
        body: CreateApiTokenRequest,
        response: { 201: CreatedApiToken, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createApiToken(deps, sessionActorOf(request), request.body)),
  );

  api.delete(
    '/api/me/tokens/:id',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'Revokes one of the caller’s own tokens immediately; 404 when the id is not an active token of the caller. Audited as `api_token.revoke`.',
        summary: 'Revoke one of my API tokens',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeApiToken(deps, sessionActorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
