// Uppy's Companion S3 routes (`/s3/params`, `/s3/multipart…`) on our upload service, so an
// unmodified @uppy/aws-s3 client with `companionEndpoint` = this API uploads through our grants.
// Uppy calls them with plain fetch, so the caller comes from the /s3-scoped upload cookie, which
// names the session: it keeps working while the session lives, however often access tokens expire.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorCode,
  UPLOAD_COOKIE,
  UppyBatchQuery,
  UppyBatchResponse,
  UppyCompleteRequest,
  UppyCompleteResponse,
  UppyCreateMultipartRequest,
  UppyCreateMultipartResponse,
  UppyKeyQuery,
  UppyParamsQuery,
  UppyParamsResponse,
  UppyPartList,
  UppySignedPart,
} from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import type { UploadCookieCodec } from '../../lib/upload-cookie.js';
import { problemResponses } from '../../plugins/errors.js';
import { actorOf } from '../auth/request-actor.js';
import { ownedUpload } from './upload-records.js';
import { abortUpload, signParts, type UploadsDeps } from './uploads.service.js';
import { completeUpload } from './upload-completion.service.js';
import {
  allUploadedParts,
  createUppyMultipart,
  destinationFor,
  objectLocation,
  presignedPost,
} from './uppy-compat.service.js';

const Params = z.object({ uploadId: z.uuid() });
const PartParams = Params.extend({ partNumber: z.coerce.number().int().min(1).max(10_000) });

export function uppyCompatRoutes(
  app: FastifyInstance,
  deps: UploadsDeps,
  uploadCookie: UploadCookieCodec,
): void {
  void app.register(async (scope) => {
    // A genuine cookie becomes a short access token for this request only, so authentication
    // (session alive, not idle, user enabled, account complete) runs exactly as for any call.
    scope.addHook('onRequest', async (request) => {
      const cookie = request.cookies[UPLOAD_COOKIE];
      if (request.headers.authorization || !cookie) return;
      const claims = uploadCookie.read(cookie, deps.clock());
      if (claims) request.headers.authorization = `Bearer ${app.jwt.sign(claims)}`;
    });
    const api = scope.withTypeProvider<ZodTypeProvider>();
    const uploaders = { onRequest: [app.authenticate, app.requireRole('admin', 'uploader')] };
    const schema = { tags: ['uppy'], security: [{ bearerAuth: [] }] };
    const errors = problemResponses(400, 401, 403, 404);

    /** The upload behind Companion's (uploadId, key) pair: ours, and the key must match. */
    const uploadFor = async (caller: { userId: string }, uploadId: string, key: string) => {
      const row = await ownedUpload(deps.db, uploadId, caller.userId);
      if (row.key !== key)
        throw new AppError(ErrorCode.VALIDATION, 'The key does not match this upload.');
      return row;
    };

    api.get(
      '/s3/params',
      {
        ...uploaders,
        schema: {
          ...schema,
          summary: 'Presigned POST for one small file (Companion protocol)',
          querystring: UppyParamsQuery,
          response: { 200: UppyParamsResponse, ...errors },
        },
      },
      async (request) => {
        const caller = actorOf(request);
        const metadata = Object.fromEntries(
          Object.entries(request.query)
            .map(([name, value]) => [/^metadata\[(.+)\]$/.exec(name)?.[1], value] as const)
            .filter((entry): entry is [string, unknown] => entry[0] !== undefined),
        );
        return presignedPost(
          deps,
          caller,
          await destinationFor(deps, caller, metadata),
          request.query,
        );
      },
    );

    api.post(
      '/s3/multipart',
      {
        ...uploaders,
        schema: {
          ...schema,
          summary: 'Start a multipart upload (Companion protocol)',
          body: UppyCreateMultipartRequest,
          response: { 200: UppyCreateMultipartResponse, ...errors },
        },
      },
      async (request) => {
        const caller = actorOf(request);
        const destination = await destinationFor(deps, caller, request.body.metadata ?? {});
        const upload = await createUppyMultipart(deps, caller, destination, request.body);
        return { key: upload.key, uploadId: upload.id, bucket: upload.bucket };
      },
    );

    api.get(
      '/s3/multipart/:uploadId/batch',
      {
        ...uploaders,
        schema: {
          ...schema,
          summary: 'Presigned URLs for several parts (Companion v4/v5)',
          params: Params,
          querystring: UppyBatchQuery,
          response: { 200: UppyBatchResponse, ...errors },
        },
      },
      async (request) => {
        const caller = actorOf(request);
        await uploadFor(caller, request.params.uploadId, request.query.key);
        const signed = await signParts(
          deps,
          caller,
          request.params.uploadId,
          request.query.partNumbers,
        );
        return {
          presignedUrls: Object.fromEntries(signed.urls.map((u) => [String(u.partNumber), u.url])),
        };
      },
    );

    api.get(
      '/s3/multipart/:uploadId/:partNumber',
      {
        ...uploaders,
        schema: {
          ...schema,
          summary: 'Presigned URL for one part (Companion protocol)',
          params: PartParams,
          querystring: UppyKeyQuery,
          response: { 200: UppySignedPart, ...errors },
        },
      },
      async (request) => {
        const caller = actorOf(request);
        await uploadFor(caller, request.params.uploadId, request.query.key);
        const signed = await signParts(deps, caller, request.params.uploadId, [
          request.params.partNumber,
        ]);
        return { url: signed.urls[0]!.url, expires: deps.partUrlTtlSeconds };
      },
    );

    api.get(
      '/s3/multipart/:uploadId',
      {
        ...uploaders,
        schema: {
          ...schema,
          summary: 'Parts the storage holds (Companion protocol)',
          params: Params,
          querystring: UppyKeyQuery,
          response: { 200: UppyPartList, ...errors },
        },
      },
      async (request) => {
        const caller = actorOf(request);
        await uploadFor(caller, request.params.uploadId, request.query.key);
        return allUploadedParts(deps, caller, request.params.uploadId);
      },
    );

    api.post(
      '/s3/multipart/:uploadId/complete',
      {
        ...uploaders,
        schema: {
          ...schema,
          summary: 'Complete a multipart upload (Companion protocol)',
          params: Params,
          querystring: UppyKeyQuery,
          body: UppyCompleteRequest,
          response: { 200: UppyCompleteResponse, ...errors },
        },
      },
      async (request) => {
        const caller = actorOf(request);
        const row = await uploadFor(caller, request.params.uploadId, request.query.key);
        const done = await completeUpload(
          deps,
          caller,
          row.id,
          request.body.parts.map((p) => ({ partNumber: p.PartNumber, etag: p.ETag })),
        );
        const connection = await deps.db.s3Connection.findUniqueOrThrow({
          where: { id: done.connectionId },
        });
        return {
          location: objectLocation(connection, done.bucket, done.key),
          bucket: done.bucket,
          key: done.key,
        };
      },
    );

    api.delete(
      '/s3/multipart/:uploadId',
      {
        ...uploaders,
        schema: {
          ...schema,
          summary: 'Abort a multipart upload (Companion protocol)',
          params: Params,
          querystring: UppyKeyQuery,
          response: { 200: z.object({}), ...errors },
        },
      },
      async (request) => {
        const caller = actorOf(request);
        await uploadFor(caller, request.params.uploadId, request.query.key);
        await abortUpload(deps, caller, request.params.uploadId);
        return {};
      },
    );
  });
}
