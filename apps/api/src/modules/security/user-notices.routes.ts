// HTTP for a user's own notices: listed at sign-in by the web app, dismissed once read.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DismissNoticesRequest, UserNoticeList } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { requirePrincipal } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/errors.js';
import { dismissNotices, unreadNotices } from './user-notices.service.js';

export function userNoticesRoutes(
  app: FastifyInstance,
  options: { db: Db; clock: () => Date },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ['auth'], security: [{ bearerAuth: [] }] };

  api.get(
    '/api/me/notices',
    {
      onRequest: app.authenticate,
      // Shown before a forced password change or 2FA enrolment too.
      config: { allowIncompleteAccount: true },
      schema: {
        ...schema,
        description:
          'Notices the caller has not dismissed yet: sign-ins from a new country, password and 2FA changes, shown by the web app after sign-in. Any authenticated user sees only their own.',
        summary: 'Unread notices about my account (new-country sign-ins, password or 2FA changes)',
        response: { 200: UserNoticeList, ...problemResponses(401) },
      },
    },
    async (request) => ({
      items: await unreadNotices(options.db, requirePrincipal(request).userId),
    }),
  );

  api.post(
    '/api/me/notices/dismiss',
    {
      onRequest: app.authenticate,
      config: { allowIncompleteAccount: true },
      schema: {
        ...schema,
        description:
          'Dismisses up to 100 of the caller’s notices by id; ids of other users’ notices are ignored. Answers 204.',
        summary: 'Mark my notices read',
        body: DismissNoticesRequest,
        response: { 204: z.undefined(), ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await dismissNotices(
        options.db,
        requirePrincipal(request).userId,
        request.body.ids,
        options.clock(),
      );
      return reply.code(204).send();
    },
  );
}
