// Bucket-to-bucket migration jobs (admins): define, check, steer, follow and report.
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
import { route } from '../route.js';

const steer = <V extends string>(verb: V) =>
  ({ method: 'POST', path: `/api/migrations/:id/${verb}`, response: MigrationView }) as const;

export const migrationRoutes = {
  createMigration: route({
    method: 'POST',
    path: '/api/migrations',
    query: CreateMigrationQuery,
    body: CreateMigrationRequest,
    response: MigrationView,
  }),
  validateMigration: route({
    method: 'POST',
    path: '/api/migrations/validate',
    body: CreateMigrationRequest,
    response: MigrationValidation,
  }),
  migrationPoliciesFor: route({
    method: 'POST',
    path: '/api/migrations/policies',
    body: MigrationPoliciesRequest,
    response: MigrationPolicies,
  }),
  listMigrations: route({ method: 'GET', path: '/api/migrations', response: MigrationList }),
  getMigration: route({ method: 'GET', path: '/api/migrations/:id', response: MigrationView }),
  migrationPolicies: route({
    method: 'GET',
    path: '/api/migrations/:id/policies',
    response: MigrationPolicies,
  }),
  pauseMigration: route(steer('pause')),
  resumeMigration: route(steer('resume')),
  cancelMigration: route(steer('cancel')),
  retryMigration: route(steer('retry')),
  rerunMigration: route({
    method: 'POST',
    path: '/api/migrations/:id/rerun',
    response: MigrationView,
  }),
  migrationItems: route({
    method: 'GET',
    path: '/api/migrations/:id/items',
    query: MigrationItemsQuery,
    response: MigrationItemPage,
  }),
  /** JSON report; for the CSV of every object call `migrationReportCsv` (same route, raw). */
  migrationReport: route({
    method: 'GET',
    path: '/api/migrations/:id/report',
    query: MigrationReportQuery,
    response: MigrationReport,
  }),
  /** Server-Sent Events (text/event-stream): read `response.body`; see `readServerSentEvents`. */
  migrationEvents: route({ method: 'GET', path: '/api/migrations/:id/events', response: 'raw' }),
  planBatchOperations: route({
    method: 'POST',
    path: '/api/migrations/:id/batch-operations',
    body: BatchOperationsQuery,
    response: BatchOperationsPlan,
  }),
} as const;

/** The report as CSV (one row per object), streamed: `client.call(migrationReportCsv, …)`. */
export const migrationReportCsv = route({
  method: 'GET',
  path: '/api/migrations/:id/report',
  query: MigrationReportQuery,
  response: 'raw',
});
