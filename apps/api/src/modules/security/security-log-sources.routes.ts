// HTTP for the monitor's log sources (admins): S3 server access logs and CloudTrail buckets, their
// checkpoints, and a "read now" that runs the same reader as the job.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LogSourceRunList, LogSourceStatusList, LogSources } from '@s3am/contracts';
import { runLogSources } from '../../jobs/security-log-sources.job.js';
import { requirePrincipal } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/errors.js';
import { auditContext } from '../audit/audit-context.js';
import { logSourceStatuses, writeLogSources } from './log-sources/log-sources.service.js';
import type { SecurityRoutesOptions } from './security.routes.js';

function actorOf(request: FastifyRequest) {
  const principal = requirePrincipal(request);
  return { ...auditContext(request), userId: principal.userId, email: principal.email };
}

export function securityLogSourceRoutes(
  app: FastifyInstance,
  options: SecurityRoutesOptions,
): void {
  const { db, monitor, keyring } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['security'], security: [{ bearerAuth: [] }] };

  api.get(
    '/api/security/log-sources',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'The configured S3 server-access-log and CloudTrail sources (connection, bucket, prefix) with how far each has been read and its last error. Admins only.',
        summary: 'S3 access-log and CloudTrail sources with their checkpoints',
        response: { 200: LogSourceStatusList, ...problemResponses(401, 403) },
      },
    },
    async () => ({ items: await logSourceStatuses(db) }),
  );

  api.put(
    '/api/security/log-sources',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Replaces the whole list of log sources; a source whose bucket or prefix changed starts reading from its beginning. 404 for an unknown connection. Admins only; audited as `security.log_sources_change`.',
        summary: 'Replace the log sources (a moved bucket or prefix starts from its beginning)',
        body: LogSources,
        response: { 200: LogSourceStatusList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await writeLogSources(db, actorOf(request), request.body) }),
  );

  api.post(
    '/api/security/log-sources/run',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Reads the new log objects of every enabled source now instead of waiting for the minute job, feeding the detectors, and reports per source what was read. Admins only.',
        summary: 'Read new log objects of every enabled source now (the job does so every minute)',
        response: { 200: LogSourceRunList, ...problemResponses(401, 403) },
      },
    },
    async () => {
      const items = await runLogSources({
        db,
        keyring,
        s3Network: monitor.senders.s3Network,
        observe: (events) => monitor.observe(events),
      });
      await monitor.settled();
      return { items };
    },
  );
}
