// HTTP for quotas: mine (before uploading), admins setting a user's or a group's, the usage report
// and a measurement on demand (the same one the periodic job runs).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MeasureReport,
  MyQuota,
  MyQuotaQuery,
  QuotaInput,
  QuotaSubjectParams,
  QuotaView,
  UsageReport,
} from '@s3am/contracts';
import { problemResponses } from '../../plugins/errors.js';
import { recordActorEvent } from '../audit/audit.service.js';
import { actorOf } from '../auth/request-actor.js';
import { measureUsage, type MeasureDeps } from './quota-usage.service.js';
import { myQuota, setQuota, usageReport } from './quotas.service.js';

export function quotasRoutes(app: FastifyInstance, deps: MeasureDeps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['quotas'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 404);

  api.get(
    '/api/quotas/me',
    {
      onRequest: app.authenticate,
      schema: {
        ...schema,
        description:
          'Every quota that counts the caller’s uploads (their own and their groups’), with measured usage and the tightest room left in bytes and objects; with `connectionId`/`bucket`/`key` only quotas counting that place. Any authenticated user; the web app checks it before uploading.',
        summary:
          "The quotas that apply to me (mine and my groups'), optionally only those counting one place, and the room left",
        querystring: MyQuotaQuery,
        response: { 200: MyQuota, ...errors },
      },
    },
    (request) => myQuota(deps, actorOf(request), request.query),
  );

  for (const subject of ['user', 'group'] as const)
    api.put(
      `/api/quotas/${subject}s/:id`,
      {
        ...adminOnly,
        schema: {
          ...schema,
          summary: `Set a ${subject}'s quota on the bytes and files under its granted prefixes (both null = none)`,
          description: `Sets or replaces the limits on bytes and objects stored under the ${subject}'s granted prefixes; both null removes the quota. Uploads that would go over a limit are then refused with 403 \`QUOTA_EXCEEDED\`. Admins only; 404 for an unknown ${subject}; audited as \`quota.set\` or \`quota.remove\`.`,
          params: QuotaSubjectParams,
          body: QuotaInput,
          response: { 200: QuotaView, ...errors },
        },
      },
      (request) => setQuota(deps, actorOf(request), subject, request.params.id, request.body),
    );

  api.get(
    '/api/quotas/usage',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Measured usage (bytes and objects under each subject’s granted prefixes) and limits for every user and group, with when it was measured. Admins only; read-only, served from the last measurement.',
        summary:
          "Every user's and group's measured usage under their granted prefixes, with limits",
        response: { 200: UsageReport, ...errors },
      },
    },
    () => usageReport(deps),
  );

  api.post(
    '/api/quotas/measure',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Lists every prefix a quota counts on S3 now (ListObjectsV2) and stores the totals; a prefix that cannot be listed keeps its last measurement and is counted in `failed`. Can take long on big buckets. Admins only; audited as `quota.measure`.',
        summary: 'Measure usage now (ListObjectsV2 under every prefix a quota counts)',
        response: { 200: MeasureReport, ...errors },
      },
    },
    async (request) => {
      const report = await measureUsage({
        ...deps,
        onBucketError: (where, error) =>
          request.log.warn({ ...where, err: error }, 'quota usage: bucket not measured'),
      });
      await recordActorEvent(deps.db, actorOf(request), {
        at: deps.clock(),
        action: 'quota.measure',
        targetType: 'quota',
        targetId: 'all',
        details: { ...report },
      });
      return report;
    },
  );
}
