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
      schema: { ...schema, summary: 'My API tokens', response: { 200: ApiTokenList, ...errors } },
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
