// Liveness (/health), readiness (/ready: database reachable, migrations applied) and the
// admin dashboard's system status (counts of users and connections are for admins only).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthResponse, ReadyResponse, SystemStatus } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { problemResponses } from '../../plugins/errors.js';
import { checkReadiness } from './system.service.js';

export interface SystemRoutesOptions {
  db: Db;
  expectedMigrations: readonly string[];
  version: string;
  startedAt: Date;
}

export function systemRoutes(app: FastifyInstance, options: SystemRoutesOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness',
        description:
          'Answers 200 `{ status: "ok" }` while the process is up; touches neither the database nor S3. Public, for load balancers and container health checks.',
        response: { 200: HealthResponse },
      },
    },
    () => ({
      status: 'ok' as const,
    }),
  );

  api.get(
    '/ready',
    {
      schema: {
        tags: ['system'],
        description:
          '200 when the database answers and every expected migration is applied, 503 with the failing check otherwise (same body shape). Public, for orchestrators deciding whether to route traffic here.',
        summary: 'Readiness: database reachable and migrations applied',
        response: { 200: ReadyResponse, 503: ReadyResponse },
      },
    },
    async (_request, reply) => {
      const { appliedMigrations: _applied, ...readiness } = await checkReadiness(
        options.db,
        options.expectedMigrations,
      );
      return reply.code(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );

  api.get(
    '/api/system/status',
    {
      onRequest: [app.authenticate, app.requireRole('admin')],
      schema: {
        tags: ['system'],
        description:
          'Version, uptime, database health with the number of applied migrations, and counts of users and connections. Admins only.',
        summary:
          'Status for the admin dashboard: version, uptime, database, user and connection counts',
        security: [{ bearerAuth: [] }],
        response: { 200: SystemStatus, ...problemResponses(401, 403) },
      },
    },
    async () => {
      const [readiness, connections, users] = await Promise.all([
        checkReadiness(options.db, options.expectedMigrations),
        options.db.s3Connection.count(),
        options.db.user.count(),
      ]);
      return {
        version: options.version,
        uptimeSeconds: Math.round((Date.now() - options.startedAt.getTime()) / 1000),
        database: {
          ok: readiness.checks.database.ok,
          migrationsApplied: readiness.appliedMigrations,
        },
        connections: { count: connections },
        users: { count: users },
      };
    },
  );
}
