// HTTP for S3 connections (admins): CRUD and the connection test. Secrets are write-only.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplyCorsRequest,
  ApplyCorsResult,
  ConnectionHelpers,
  ConnectionInput,
  ConnectionList,
  ConnectionTestResult,
  ConnectionView,
  ConnectionHelpersQuery,
} from '@s3am/contracts';
import { problemResponses } from '../../plugins/errors.js';
import { actorOf } from '../auth/request-actor.js';
import { applyCors, connectionHelpers, type HelpersDeps } from './connection-helpers.service.js';
import {
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  testConnection,
  updateConnection,
} from './connections.service.js';

const Params = z.object({ id: z.uuid() });

export function connectionsRoutes(app: FastifyInstance, deps: HelpersDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['connections'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 404, 409);

  api.get(
    '/api/connections',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'S3 connections',
        response: { 200: ConnectionList, ...errors },
      },
    },
    async () => ({
      items: await listConnections(deps),
    }),
  );

  api.post(
    '/api/connections',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'Register an S3 connection',
        body: ConnectionInput,
        response: { 201: ConnectionView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createConnection(deps, actorOf(request), request.body)),
  );

  api.get(
    '/api/connections/:id',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'One connection',
        params: Params,
        response: { 200: ConnectionView, ...errors },
      },
    },
    (request) => getConnection(deps, request.params.id),
  );

  api.put(
    '/api/connections/:id',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'Replace a connection’s settings (omit the secret to keep it)',
        params: Params,
        body: ConnectionInput,
        response: { 200: ConnectionView, ...errors },
      },
    },
    (request) => updateConnection(deps, actorOf(request), request.params.id, request.body),
  );

  api.delete(
    '/api/connections/:id',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'Remove a connection',
        params: Params,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteConnection(deps, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/connections/:id/test',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'Check credentials and buckets; explains failures',
        params: Params,
        response: { 200: ConnectionTestResult, ...errors },
      },
    },
    (request) => testConnection(deps, actorOf(request), request.params.id),
  );

  api.get(
    '/api/connections/:id/helpers',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'Least-privilege IAM policy, bucket CORS and lifecycle rule for this connection',
        params: Params,
        querystring: ConnectionHelpersQuery,
        response: { 200: ConnectionHelpers, ...errors },
      },
    },
    (request) => connectionHelpers(deps, request.params.id, request.query.profile),
  );

  api.post(
    '/api/connections/:id/cors',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: "Apply the app's CORS rule to a bucket (needs s3:PutBucketCors)",
        params: Params,
        body: ApplyCorsRequest,
        response: { 200: ApplyCorsResult, ...errors },
      },
    },
    (request) => applyCors(deps, actorOf(request), request.params.id, request.body.bucket),
  );
}
