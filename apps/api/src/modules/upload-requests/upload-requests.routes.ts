// HTTP for upload requests: the owner's create/list/seen/revoke, and the public calls the
// `/u/:token` page's upload engine makes (the uploads API, scoped to the request's folder).
// Public calls need no account, spend the per-IP link budget, and carry the password in a header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CompleteUploadRequest,
  CreatedUploadRequestLink,
  CreateUploadRequestLink,
  GuestCreateUpload,
  GuestUploadInfo,
  LINK_PASSWORD_HEADER,
  LinkTokenParams,
  ListPartsQuery,
  SignedParts,
  SignPartsRequest,
  UploadedParts,
  UploadRequestLinkList,
  UploadView,
} from '@s3am/contracts';
import { problemResponses } from '../../plugins/errors.js';
import { actorOf } from '../auth/request-actor.js';
import { guestContext } from '../shares/shares.routes.js';
import {
  abortGuestUpload,
  completeGuestUpload,
  createGuestUpload,
  getGuestUpload,
  guestUploadInfo,
  listGuestParts,
  signGuestParts,
  type GuestAccess,
  type GuestUploadsDeps,
} from './guest-uploads.service.js';
import {
  createUploadRequest,
  listUploadRequests,
  markFilesSeen,
  revokeUploadRequest,
  type UploadRequestsDeps,
} from './upload-requests.service.js';

function guestAccess(request: FastifyRequest<{ Params: { token: string } }>): GuestAccess {
  const password = request.headers[LINK_PASSWORD_HEADER];
  return {
    token: request.params.token,
    password: typeof password === 'string' ? password : undefined,
    context: guestContext(request),
  };
}

export function uploadRequestsRoutes(
  app: FastifyInstance,
  deps: { requests: UploadRequestsDeps; guests: GuestUploadsDeps },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ['upload-requests'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 404);
  const IdParams = z.object({ id: z.uuid() });

  api.post(
    '/api/upload-requests',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'Creates a link into a folder the caller may `write` to, for people without an account, with a title, expiry (default 7 days), optional password (argon2id), file count, per-file and total size limits and allowed types. The token is shown once in the URL and stored hashed. Any authenticated user with the grant; audited as `upload_request.create`.',
        summary:
          'Create an upload request: a link that lets people without an account upload into a folder I may write to',
        body: CreateUploadRequestLink,
        response: { 201: CreatedUploadRequestLink, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createUploadRequest(deps.requests, actorOf(request), request.body)),
  );

  api.get(
    '/api/upload-requests',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'The caller’s upload requests with their limits, state and the files guests uploaded through each; files not yet marked seen are the in-app notice.',
        summary: 'My upload requests and the files guests sent (unseen ones are my notices)',
        response: { 200: UploadRequestLinkList, ...errors },
      },
    },
    (request) => listUploadRequests(deps.requests, actorOf(request)),
  );

  api.post(
    '/api/upload-requests/:id/seen',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'Marks every file received through one of the caller’s requests as seen, clearing the notice. 404 for another person’s request.',
        summary: 'Mark the files received through a request as seen',
        params: IdParams,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await markFilesSeen(deps.requests, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  api.delete(
    '/api/upload-requests/:id',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'Revokes the link: it takes no more files (410), files already received stay. Only the owner; 404 otherwise; audited as `upload_request.revoke`.',
        summary: 'Revoke an upload request (its link takes no more files)',
        params: IdParams,
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeUploadRequest(deps.requests, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  const guest = { config: { rateBudget: 'link' as const } };
  const publicSchema = { tags: ['public links'] };
  const publicErrors = problemResponses(400, 401, 403, 404, 409, 410, 413, 415, 429, 502);
  const base = '/api/public/upload-requests/:token';
  const UploadParams = LinkTokenParams.extend({ id: z.uuid() });

  api.get(
    base,
    {
      ...guest,
      schema: {
        ...publicSchema,
        description:
          'Public: checks the link (revoked or expired 410, address range, password from `x-link-password`) and returns what it accepts: per-file and total size limits, file count, allowed types, what was received so far, and its expiry. Rate-limited per IP on the link budget; opening is audited.',
        summary: 'What an upload request accepts (send its password in x-link-password)',
        params: LinkTokenParams,
        response: { 200: GuestUploadInfo, ...publicErrors },
      },
    },
    (request) => guestUploadInfo(deps.guests, guestAccess(request)),
  );

  api.post(
    `${base}/uploads`,
    {
      ...guest,
      schema: {
        ...publicSchema,
        description:
          'Public: starts an upload into the request’s folder after the link checks and its limits (count, size, instance policy, the owner’s quota and write grant). The server names the object and never overwrites; the upload works like `POST /api/uploads` afterwards.',
        summary:
          "Start a guest's upload into the request's folder (named by the server, never overwriting)",
        params: LinkTokenParams,
        body: GuestCreateUpload,
        response: { 201: UploadView, ...publicErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createGuestUpload(deps.guests, guestAccess(request), request.body)),
  );

  api.get(
    `${base}/uploads/:id`,
    {
      ...guest,
      schema: {
        ...publicSchema,
        description:
          'Public: state of an upload started through this link (only uploads of this link are visible).',
        summary: "A guest's upload",
        params: UploadParams,
        response: { 200: UploadView, ...publicErrors },
      },
    },
    (request) => getGuestUpload(deps.guests, guestAccess(request), request.params.id),
  );

  api.post(
    `${base}/uploads/:id/parts`,
    {
      ...guest,
      schema: {
        ...publicSchema,
        description:
          'Public: signs PUT URLs for up to 100 parts of an in-progress guest upload of this link, like the signed-in route; the bytes go straight to S3.',
        summary: "Presigned URLs for a guest upload's parts",
        params: UploadParams,
        body: SignPartsRequest,
        response: { 200: SignedParts, ...publicErrors },
      },
    },
    (request) =>
      signGuestParts(
        deps.guests,
        guestAccess(request),
        request.params.id,
        request.body.partNumbers,
      ),
  );

  api.get(
    `${base}/uploads/:id/parts`,
    {
      ...guest,
      schema: {
        ...publicSchema,
        description:
          'Public: lists the parts S3 holds for a guest upload of this link, so an interrupted upload resumes without re-sending finished parts.',
        summary: 'Parts the storage holds for a guest upload (resume)',
        params: UploadParams,
        querystring: ListPartsQuery,
        response: { 200: UploadedParts, ...publicErrors },
      },
    },
    (request) =>
      listGuestParts(deps.guests, guestAccess(request), request.params.id, request.query.marker),
  );

  api.post(
    `${base}/uploads/:id/complete`,
    {
      ...guest,
      schema: {
        ...publicSchema,
        description:
          'Public: checks the parts and the request’s limits again, completes the object and records it as received (the owner sees it as unseen, and gets an email when SMTP is configured). Audited as received.',
        summary: "Complete a guest's upload (the request's limits are checked again)",
        params: UploadParams,
        body: CompleteUploadRequest,
        response: { 200: UploadView, ...publicErrors },
      },
    },
    (request) =>
      completeGuestUpload(deps.guests, guestAccess(request), request.params.id, request.body.parts),
  );

  api.delete(
    `${base}/uploads/:id`,
    {
      ...guest,
      schema: {
        ...publicSchema,
        description: 'Public: aborts an unfinished guest upload of this link; S3 drops its parts.',
        summary: "Abort a guest's upload",
        params: UploadParams,
        response: { 204: z.undefined(), ...publicErrors },
      },
    },
    async (request, reply) => {
      await abortGuestUpload(deps.guests, guestAccess(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
