// HTTP for migration jobs (admins): define, validate, policies, list, read, steer, items, report,
// and the live event stream (SSE; `Last-Event-ID` resumes the log after a reconnect).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BatchOperationsPlan,
  BatchOperationsQuery,
  CreateMigrationQuery,
  CreateMigrationRequest,
  MigrationItemPage,
  MigrationItemsQuery,
  MigrationList,
  MigrationPolicies,
  MigrationPoliciesRequest,
  MigrationReport,
  MigrationReportQuery,
  MigrationValidation,
  MigrationView,
} from '@s3am/contracts';
import { jsonOrCsv } from '../../openapi/json-or-csv.js';
import { problemResponses } from '../../plugins/errors.js';
import { actorOf } from '../auth/request-actor.js';
import { planBatchOperations } from './batch-operations.service.js';
import { createMigrationEventHub } from './migration-events.js';
import { migrationReport, migrationReportCsv } from './migration-report.js';
import {
  cancelMigration,
  createMigration,
  getMigration,
  listMigrations,
  migrationItems,
  pauseMigration,
  policiesFor,
  rerunMigration,
  resumeMigration,
  retryFailed,
  validateMigration,
  type MigrationsDeps,
} from './migrations.service.js';
import { migrationsStreamRoute } from './migrations-stream.routes.js';

const Params = z.object({ id: z.uuid() });

export function migrationsRoutes(
  app: FastifyInstance,
  deps: MigrationsDeps & { databaseUrl?: string | undefined },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['migrations'], security: [{ bearerAuth: [] }] };
  const errors = problemResponses(400, 401, 403, 404, 409);
  const hub = createMigrationEventHub({
    db: deps.db,
    log: app.log,
    clock: deps.clock,
    ...(deps.databaseUrl ? { databaseUrl: deps.databaseUrl } : {}),
  });
  app.addHook('onClose', () => hub.close());

  api.post(
    '/api/migrations',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'Define and start a migration job (both locations are checked first)',
        description:
          'Admins only. Checks both locations (HeadBucket and ListObjectsV2 on each, explained on failure) and refuses overlapping locations (400) before the job is queued on the job queue; `?dryRun=true` or `options.dryRun` plans only (counts and bytes, nothing written). Audited as migration.create.',
        querystring: CreateMigrationQuery,
        body: CreateMigrationRequest,
        response: { 201: MigrationView, ...errors },
      },
    },
    async (request, reply) => {
      const body =
        request.query.dryRun === 'true'
          ? { ...request.body, options: { ...request.body.options, dryRun: true } }
          : request.body;
      return reply.code(201).send(await createMigration(deps, actorOf(request), body));
    },
  );
  api.post(
    '/api/migrations/validate',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary:
          'Check both locations (HeadBucket + ListObjectsV2 each) and their overlap, without starting',
        description:
          'Admins only. Runs the same checks as creating a job and answers each call with its outcome and, on failure, the reason and what to check (identity policy, bucket policy, KMS key policy, region). Nothing is stored.',
        body: CreateMigrationRequest,
        response: { 200: MigrationValidation, ...errors },
      },
    },
    (request) => validateMigration(deps, request.body),
  );
  api.post(
    '/api/migrations/policies',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'The IAM policies a job between these locations needs (before creating it)',
        description:
          "Admins only. The destination identity's policy (list the source prefix with s3:prefix conditions, read it, write the destination prefix, KMS actions when SSE-KMS is chosen) and, for cross-account copies, the statement to add to the source bucket policy.",
        body: MigrationPoliciesRequest,
        response: { 200: MigrationPolicies, ...errors },
      },
    },
    (request) => policiesFor(deps, request.body),
  );
  api.get(
    '/api/migrations',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'Migration jobs, newest first',
        description:
          'Admins only. Every job with its state, locations (connection names, never secrets), options and live counts.',
        response: { 200: MigrationList, ...errors },
      },
    },
    async () => ({ items: await listMigrations(deps) }),
  );
  api.get(
    '/api/migrations/:id',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'A migration job with its live counts',
        description:
          'Admins only. The counts are read from the per-object records, so every API instance answers the same; `inFlight` never exceeds the job concurrency.',
        params: Params,
        response: { 200: MigrationView, ...errors },
      },
    },
    (request) => getMigration(deps, request.params.id),
  );
  api.get(
    '/api/migrations/:id/policies',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'The IAM policies this job needs',
        description:
          'Admins only. The same policies as POST /api/migrations/policies, for the locations and options of an existing job.',
        params: Params,
        response: { 200: MigrationPolicies, ...errors },
      },
    },
    async (request) => {
      const job = await getMigration(deps, request.params.id);
      return policiesFor(
        deps,
        CreateMigrationRequest.parse({
          source: job.source,
          destination: job.destination,
          options: job.options,
        }),
      );
    },
  );

  const steer = [
    ['pause', 'Pause: objects in flight finish, no new ones start', pauseMigration],
    ['resume', 'Resume a paused job', resumeMigration],
    [
      'cancel',
      'Cancel: copies in flight are stopped and their multipart uploads aborted',
      cancelMigration,
    ],
    ['retry', 'Retry the failed objects', retryFailed],
  ] as const;
  for (const [verb, summary, run] of steer)
    api.post(
      `/api/migrations/:id/${verb}`,
      {
        ...adminOnly,
        schema: {
          ...schema,
          summary,
          description: `Admins only. Answers the job as it is afterwards; a step the job's state does not allow is refused with 409. Audited as migration.${verb}.`,
          params: Params,
          response: { 200: MigrationView, ...errors },
        },
      },
      (request) => run(deps, actorOf(request), request.params.id),
    );
  api.post(
    '/api/migrations/:id/rerun',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'Re-run as an incremental sync: a new job copying only new or changed objects',
        description:
          'Admins only. Creates a new job with the same locations and options that skips objects already identical at the destination; the new job names the old one in `rerunOf`.',
        params: Params,
        response: { 201: MigrationView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rerunMigration(deps, actorOf(request), request.params.id)),
  );
  api.get(
    '/api/migrations/:id/items',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'Objects of the job, optionally in one state, in pages',
        description:
          'Admins only. `state=failed` lists the failures with their reason and hints; pass `nextCursor` back as `cursor` for the next page.',
        params: Params,
        querystring: MigrationItemsQuery,
        response: { 200: MigrationItemPage, ...errors },
      },
    },
    (request) => migrationItems(deps, request.params.id, request.query),
  );
  api.get(
    '/api/migrations/:id/report',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary: 'The report: totals, duration, speed and failures (JSON), or every object (CSV)',
        description:
          'Admins only. `format=csv` streams one row per object (key, size, state, reason); cells that a spreadsheet would read as a formula are escaped.',
        params: Params,
        querystring: MigrationReportQuery,
        response: {
          200: jsonOrCsv(
            'The totals (JSON), or with `format=csv` one row per object (formula-safe CSV)',
            MigrationReport,
            'key,size,state,reason,attempts,updated_at\nprojects/intro.mp4,73400320,copied,,1,2026-03-02T09:15:00.000Z\nprojects/old.mov,0,failed,AccessDenied: the destination identity may not write,3,2026-03-02T09:15:02.000Z\n',
          ),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      if (request.query.format === 'json') return migrationReport(deps, request.params.id);
      await getMigration(deps, request.params.id);
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="migration-${request.params.id}.csv"`,
          )
          // A stream skips the response serializer.
          .send(migrationReportCsv(deps.db, request.params.id))
      );
    },
  );
  api.post(
    '/api/migrations/:id/batch-operations',
    {
      ...adminOnly,
      schema: {
        ...schema,
        summary:
          'Hand the objects still to copy to S3 Batch Operations: writes the manifest to the destination and returns the CreateJob request (S3PutObjectCopy keeps the whole source key under the destination prefix)',
        description:
          'Admins only, for jobs too large for our workers. The manifest (CSV of bucket,key) is written under the destination prefix; the answer is the exact CreateJob input to run with `aws s3control create-job` or the SDK. Audited.',
        params: Params,
        body: BatchOperationsQuery,
        response: { 200: BatchOperationsPlan, ...errors },
      },
    },
    (request) => planBatchOperations(deps, actorOf(request), request.params.id, request.body),
  );
  migrationsStreamRoute(app, deps, hub);
}
