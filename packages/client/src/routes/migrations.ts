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
  createMigration: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/migrations',
    query: CreateMigrationQuery,
    body: CreateMigrationRequest,
    response: MigrationView,
  }),
  validateMigration: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/migrations/validate',
    body: CreateMigrationRequest,
    response: MigrationValidation,
  }),
  migrationPoliciesFor: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/migrations/policies',
    body: MigrationPoliciesRequest,
    response: MigrationPolicies,
  }),
  listMigrations: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/migrations',
    response: MigrationList,
  }),
  getMigration: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/migrations/:id',
    response: MigrationView,
  }),
  migrationPolicies: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/migrations/:id/policies',
    response: MigrationPolicies,
  }),
  pauseMigration: /* @__PURE__ */ route(/* @__PURE__ */ steer('pause')),
  resumeMigration: /* @__PURE__ */ route(/* @__PURE__ */ steer('resume')),
  cancelMigration: /* @__PURE__ */ route(/* @__PURE__ */ steer('cancel')),
  retryMigration: /* @__PURE__ */ route(/* @__PURE__ */ steer('retry')),
  rerunMigration: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/migrations/:id/rerun',
    response: MigrationView,
  }),
  migrationItems: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/migrations/:id/items',
    query: MigrationItemsQuery,
    response: MigrationItemPage,
  }),
  /** JSON report; for the CSV of every object call `migrationReportCsv` (same route, raw). */
  migrationReport: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/migrations/:id/report',
    query: MigrationReportQuery,
    response: MigrationReport,
  }),
  /** Server-Sent Events (text/event-stream): read `response.body`; see `readServerSentEvents`. */
  migrationEvents: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/migrations/:id/events',
    response: 'raw',
  }),
  planBatchOperations: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/migrations/:id/batch-operations',
    body: BatchOperationsQuery,
    response: BatchOperationsPlan,
  }),
} as const;

/** The report as CSV (one row per object), streamed: `client.call(migrationReportCsv, …)`. */
export const migrationReportCsv = /* @__PURE__ */ route({
  method: 'GET',
  path: '/api/migrations/:id/report',
  query: MigrationReportQuery,
  response: 'raw',
});
