// HTTP for direct-to-S3 uploads: start, sign parts, list held parts, complete, abort, history,
// and the limits people see before they pick a file.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CompleteUploadBatchRequest,
  CompleteUploadBatchResponse,
  CompleteUploadRequest,
  CreateUploadBatchRequest,
  CreateUploadBatchResponse,
  CreateUploadRequest,
  ListPartsQuery,
  ListUploadsQuery,
  SignedParts,
  SignPartsRequest,
  SweepReport,
  UploadedParts,
  UploadLimits,
  UploadList,
  UploadView,
} from '@s3am/contracts';
import { problemResponses } from '../../plugins/errors.js';
import { actorOf } from '../auth/request-actor.js';
import {
  abortUpload,
  createUpload,
  getUpload,
  listUploadedParts,
  listUploads,
  signParts,
  uploadLimits,
  type UploadsDeps,
} from './uploads.service.js';
import { completeUpload } from './upload-completion.service.js';
import { completeUploadBatch, createUploadBatch } from './upload-batches.service.js';
import { sweepStaleUploads } from './upload-sweeper.service.js';

const Params = z.object({ id: z.uuid() });

export function uploadsRoutes(app: FastifyInstance, deps: UploadsDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const uploaders = { onRequest: [app.authenticate, app.requireRole('admin', 'uploader')] };
  const schema = { tags: ['uploads'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 404, 409, 413, 415, 502);

  api.post(
    '/api/uploads',
    {
      ...uploaders,
      schema: {
        ...schema,
        summary: 'Start an upload (multipart, or one presigned PUT for small files)',
        body: CreateUploadRequest,
        response: { 201: UploadView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createUpload(deps, actorOf(request), request.body)),
  );

  api.post(
    '/api/uploads/batch',
    {
      ...uploaders,
      schema: {
        ...schema,
        summary: 'Start up to 100 small uploads and get their single-PUT URLs in one call',
        description:
          'Each item is checked like POST /api/uploads and succeeds or fails on its own; files ' +
          'larger than the single-PUT limit are refused here.',
        body: CreateUploadBatchRequest,
        response: { 200: CreateUploadBatchResponse, ...errors },
      },
    },
    async (request) => createUploadBatch(deps, actorOf(request), request.body.items),
  );

  api.post(
    '/api/uploads/batch/complete',
    {
      ...uploaders,
      schema: {
        ...schema,
        summary: 'Complete up to 100 single-PUT uploads in one call',
        body: CompleteUploadBatchRequest,
        response: { 200: CompleteUploadBatchResponse, ...errors },
      },
    },
    async (request) => completeUploadBatch(deps, actorOf(request), request.body.items),
  );

  api.get(
    '/api/uploads',
    {
      ...uploaders,
      schema: {
        ...schema,
        summary: 'My uploads, newest first (in progress, completed, aborted, failed)',
        querystring: ListUploadsQuery,
        response: { 200: UploadList, ...errors },
      },
    },
    (request) => listUploads(deps, actorOf(request), request.query),
  );

  api.get(
    '/api/uploads/limits',
    {
      ...uploaders,
      schema: {
        ...schema,
        summary: 'What may be uploaded: largest size, allowed extensions and types',
        response: { 200: UploadLimits, ...errors },
      },
    },
    () => uploadLimits(deps),
  );

  api.get(
    '/api/uploads/:id',
    {
      ...uploaders,
      schema: {
        ...schema,
        summary: 'One of my uploads',
        params: Params,
        response: { 200: UploadView, ...errors },
      },
    },
    (request) => getUpload(deps, actorOf(request), request.params.id),
  );

  api.post(
    '/api/uploads/:id/parts',
    {
      ...uploaders,
      schema: {
        ...schema,
        summary: 'Presigned URLs for up to 100 parts in one round trip',
        params: Params,
        body: SignPartsRequest,
        response: { 200: SignedParts, ...errors },
      },
    },
    (request) => signParts(deps, actorOf(request), request.params.id, request.body.partNumbers),
  );

  api.get(
    '/api/uploads/:id/parts',
    {
      ...uploaders,
      schema: {
        ...schema,
        summary: 'Parts the storage already holds (the truth for resuming), paged',
        params: Params,
        querystring: ListPartsQuery,
        response: { 200: UploadedParts, ...errors },
      },
    },
    (request) => listUploadedParts(deps, actorOf(request), request.params.id, request.query.marker),
  );

  api.post(
    '/api/uploads/:id/complete',
    {
      ...uploaders,
      schema: {
        ...schema,
        summary: 'Check the parts against the record and assemble the object',
        params: Params,
        body: CompleteUploadRequest,
        response: { 200: UploadView, ...errors },
      },
    },
    (request) => completeUpload(deps, actorOf(request), request.params.id, request.body.parts),
  );

  api.delete(
    '/api/uploads/:id',
    {
      ...uploaders,
      schema: {
        ...schema,
        summary: 'Abort an upload (the storage drops its parts)',
        params: Params,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await abortUpload(deps, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/uploads/sweep',
    {
      onRequest: [app.authenticate, app.requireRole('admin')],
      schema: {
        ...schema,
        summary: 'Abort abandoned multipart uploads now (ours idle too long, and orphans)',
        response: { 200: SweepReport, ...errors },
      },
    },
    () => sweepStaleUploads(deps),
  );
}
