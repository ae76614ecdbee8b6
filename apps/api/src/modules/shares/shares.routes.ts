// HTTP for share links: the owner's create/list/revoke, and the two public calls the `/s/:token`
// page makes (open, download), which need no account, spend the per-IP link budget, and carry
// the password in the body (never in the URL).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreatedShare,
  CreateShareRequest,
  LinkTokenParams,
  OpenShareRequest,
  SharedContents,
  ShareDownload,
  ShareDownloadRequest,
  ShareList,
} from '@s3am/contracts';
import { problemResponses } from '../../plugins/errors.js';
import { auditContext } from '../audit/audit-context.js';
import { actorOf } from '../auth/request-actor.js';
import { downloadShare, openShare, type PublicSharesDeps } from './public-shares.service.js';
import { createShare, listShares, revokeShare, type SharesDeps } from './shares.service.js';

/** Who is using a link: no account, just the address and browser (for checks and the audit). */
export function guestContext(request: FastifyRequest) {
  return { ...auditContext(request), ip: request.ip };
}

export function sharesRoutes(app: FastifyInstance, deps: SharesDeps & PublicSharesDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ['shares'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 404);

  api.post(
    '/api/shares',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'Creates a link for people without an account to a file (needs `read`) or a folder (needs `read` and `list`), with an expiry (default 7 days, capped by the instance maximum), an optional password (stored as argon2id), download limit and allowed address ranges. The token is returned once in the URL and stored hashed. Any authenticated user; audited as `share.create`.',
        summary: 'Create a share link on a file or folder I may read (the URL is shown once)',
        body: CreateShareRequest,
        response: { 201: CreatedShare, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createShare(deps, actorOf(request), request.body)),
  );

  api.get(
    '/api/shares',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'The caller’s share links (admins: everyone’s) with target, expiry, password flag, allowed ranges, revocation and access/download counts; tokens are never returned again.',
        summary: 'My share links with their access and download counts (admins: all)',
        response: { 200: ShareList, ...errors },
      },
    },
    (request) => listShares(deps, actorOf(request)),
  );

  api.delete(
    '/api/shares/:id',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'Revokes a link at once; opening it then answers 410. Owners revoke their own links, admins any; 404 otherwise. Audited as `share.revoke`.',
        summary: 'Revoke a share link (it answers "no longer available" from then on)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.undefined(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeShare(deps, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  const publicSchema = { tags: ['public links'] };
  const publicErrors = problemResponses(400, 401, 403, 404, 410, 429, 502);
  const link = { config: { rateBudget: 'link' as const } };

  api.post(
    '/api/public/shares/:token',
    {
      ...link,
      schema: {
        ...publicSchema,
        description:
          'Public, no account: finds the link by the hash of its token and checks it on every call (revoked or expired 410, address range, password in the body, and that the owner still has the read grant), then returns the file’s details or one folder level. Rate-limited per IP on its own budget; every access is audited with IP and user agent.',
        summary: 'Open a share link: the file, or a folder listing (no account needed)',
        params: LinkTokenParams,
        body: OpenShareRequest,
        response: { 200: SharedContents, ...publicErrors },
      },
    },
    (request) =>
      openShare(
        deps,
        {
          token: request.params.token,
          password: request.body.password,
          context: guestContext(request),
        },
        request.body,
      ),
  );

  api.post(
    '/api/public/shares/:token/download',
    {
      ...link,
      schema: {
        ...publicSchema,
        description:
          'Public: after the same checks as opening the link, signs short-lived GETs on the browser-facing endpoint for the shared file or chosen files of the shared folder, so the bytes never pass through the API. Counts as one download on the link however many files (410 once the download limit is reached); audited.',
        summary: 'Short-lived presigned GETs for the shared file or files of a shared folder',
        params: LinkTokenParams,
        body: ShareDownloadRequest,
        response: { 200: ShareDownload, ...publicErrors },
      },
    },
    (request) =>
      downloadShare(
        deps,
        {
          token: request.params.token,
          password: request.body.password,
          context: guestContext(request),
        },
        request.body,
      ),
  );
}
