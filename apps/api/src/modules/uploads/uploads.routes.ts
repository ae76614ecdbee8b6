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
        description:
          'Records an upload and starts it on S3: a multipart upload (part size chosen by the server unless given; at most 10,000 parts) or, for small files, one presigned PUT. Checks the `write` grant on the key, the instance upload policy (size 413, type 415), the caller’s quotas (403 `QUOTA_EXCEEDED`) and `onExisting` (409 on an existing key with `reject`; `overwrite` also needs `delete`; `rename` picks a free name). Uploaders and admins; audited as `upload.start`.',
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
          'larger than the single-PUT limit are refused here. Uploaders and admins; audited as `upload.start` per item.',
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
        description:
          'Completes up to 100 single-PUT uploads of the caller after their PUTs, each checked on its own against the ETag S3 holds (one failing item does not fail the others). Uploaders and admins; audited as `upload.complete` per item.',
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
        description:
          'The caller’s own uploads, optionally by state, newest first, in pages of up to 200 (`cursor` = `nextCursor`). Uploaders and admins.',
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
        description:
          'The instance upload policy as it applies now: largest size, allowed extensions and content types, the single-PUT threshold and batch size, so clients can refuse a file before starting. Uploaders and admins.',
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
        description:
          'State, sizes and timestamps of one upload of the caller; 404 for someone else’s upload (answered like an unknown id). Uploaders and admins.',
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
        description:
          'Signs PUT URLs for up to 100 part numbers of an in-progress multipart upload of the caller, with the headers each PUT must carry; the bytes go straight to S3. Every call re-checks the owner and the write grant, so a client may re-sign after a pause; 409 when the upload is no longer in progress.',
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
        description:
          'Lists the parts S3 holds for an in-progress multipart upload (ListParts, paged with `marker`): the source of truth for resuming, so finished parts are not sent again. Only the owner of the upload.',
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
        description:
          'Checks the client’s part list (numbers, ETags, sizes) against what S3 holds, completes the multipart upload, applies metadata and tags, and marks the upload completed; a mismatch fails with 400 `UPLOAD_PARTS_INVALID`. 409 when the upload is no longer in progress (already completed, aborted or failed). Only the owner; audited as `upload.complete`.',
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
        description:
          'Aborts an unfinished upload of the caller: S3 drops its parts and the record becomes `aborted`. Only the owner; 404 for someone else’s upload; audited as `upload.abort`.',
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
        description:
          'Runs the sweeper now instead of waiting for its schedule: aborts our uploads idle past their expiry and multipart uploads S3 holds that this app never tracked, reporting the bytes freed. Admins only; audited as `upload.sweep`.',
        summary: 'Abort abandoned multipart uploads now (ours idle too long, and orphans)',
        response: { 200: SweepReport, ...errors },
      },
    },
    () => sweepStaleUploads(deps),
  );
}
