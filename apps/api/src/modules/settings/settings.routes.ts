// HTTP for instance security settings (admins).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SecuritySettings } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { requirePrincipal } from '../../plugins/auth.js';
import { auditContext } from '../audit/audit-context.js';
import { getSecuritySettings, updateSecuritySettings } from './settings.service.js';
import { problemResponses } from '../../plugins/errors.js';

export function settingsRoutes(app: FastifyInstance, options: { db: Db }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['settings'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403);

  api.get(
    '/api/settings/security',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'The instance-wide sign-in policy: whether admins, or everyone, must use two-factor authentication. Admins only.',
        summary: 'Security settings',
        response: { 200: SecuritySettings, ...errors },
      },
    },
    () => getSecuritySettings(options.db),
  );

  api.put(
    '/api/settings/security',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Replaces the sign-in policy. Accounts that now need 2FA and have none are sent to enrolment at their next request. Admins only; audited as `settings.security_change`.',
        summary: 'Change security settings (e.g. require 2FA for all admins)',
        body: SecuritySettings,
        response: { 200: SecuritySettings, ...errors },
      },
    },
    (request) => {
      const principal = requirePrincipal(request);
      return updateSecuritySettings(
        options.db,
        { ...auditContext(request), userId: principal.userId, email: principal.email },
        request.body,
      );
    },
  );
}
