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
          description:
            'For an unmodified @uppy/aws-s3 client (`companionEndpoint` = this API): signs a POST policy for one small file into the destination named by `metadata[connectionId]`/`metadata[bucket]` (else the first location the caller may write to), after the same grant, policy and quota checks as `POST /api/uploads`. Authenticated by the bearer token or the /s3-scoped upload cookie; uploaders and admins; audited as `upload.presigned_post`.',
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
          description:
            'Companion’s create-multipart call on our upload service: records an upload and starts the multipart upload on S3, with the same checks as `POST /api/uploads`; `uploadId` is our upload id. Uploaders and admins, by bearer token or upload cookie; audited as `upload.start`.',
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
          description:
            'Signs PUT URLs for up to 100 comma-separated part numbers of one of the caller’s uploads; `key` must match the upload (400 otherwise). Uploaders and admins; 404 for another person’s upload.',
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
          description:
            'Signs the PUT URL for one part of one of the caller’s uploads, with its expiry; `key` must match the upload. Uploaders and admins; 404 for another person’s upload.',
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
          description:
            'All parts S3 holds for one of the caller’s uploads, in Companion’s shape, so Uppy resumes without re-sending them. Uploaders and admins; 404 for another person’s upload.',
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
          description:
            'Completes one of the caller’s multipart uploads with Companion’s part list, with the same checks as `POST /api/uploads/{id}/complete`, and returns the object’s location. Audited as `upload.complete`.',
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
          description:
            'Aborts one of the caller’s unfinished uploads (S3 drops its parts) and answers `{}` as Companion expects. Audited as `upload.abort`.',
          summary: 'Abort a multipart upload (Companion protocol)',
          params: Params,
          querystring: UppyKeyQuery,
          response: { 200: z.object({}).meta({ examples: [{}] }), ...errors },
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
