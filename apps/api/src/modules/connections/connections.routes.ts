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
        description:
          'Every configured S3 connection with endpoint, region, auth mode and buckets. Secrets are write-only: only a hint of the access key id and whether a secret is stored are returned. Admins only.',
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
        description:
          'Stores a connection (static keys, AssumeRole or the server’s default credential chain). The secret is sealed with the master key, custom endpoints pass the SSRF guard (400 when refused) and incomplete credentials are refused; 409 when the name exists. Admins only; audited as `connection.create` without secrets.',
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
        description:
          'One connection by id, secrets redacted as in the list. Admins only; 404 when unknown.',
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
        description:
          'Replaces every setting; omit `secretAccessKey` to keep the stored secret. Same checks as create (SSRF guard, complete credentials, unique name). Admins only; audited as `connection.update` (only whether the secret changed).',
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
        description:
          'Deletes the connection, its stored secret and, by cascade, its grants, uploads, shares, upload requests and usage records (audit events stay). Admins only; 404 when unknown; audited as `connection.delete`.',
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
        description:
          'Calls S3 with the stored credentials: lists buckets, or checks each configured bucket when ListBuckets is denied, and classifies a failure (bad key, signature, access denied, wrong region, TLS, unreachable…) with hints. Answers 200 with `ok: false` for S3 failures. Admins only; audited as `connection.test`.',
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
        description:
          'Generates, for the buckets and prefixes granted on this connection, a least-privilege IAM policy (`profile` all, uploader or viewer), the CORS rule browsers need for direct uploads from this app’s origin, and a lifecycle rule that aborts incomplete multipart uploads. Read-only; admins only.',
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
        description:
          'Writes the generated CORS rule to one bucket of the connection with PutBucketCors (replacing its CORS configuration). S3 refusals come back as 200 with `applied: false` and a classified failure. Admins only; audited as `connection.apply_cors`.',
        summary: "Apply the app's CORS rule to a bucket (needs s3:PutBucketCors)",
        params: Params,
        body: ApplyCorsRequest,
        response: { 200: ApplyCorsResult, ...errors },
      },
    },
    (request) => applyCors(deps, actorOf(request), request.params.id, request.body.bucket),
  );
}
