// The client's route catalog covers the API exactly: every operation in openapi.json has one
// request function with the same method and path, and the catalog names no route the API lacks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiRoutes } from './routes/index.js';

const document = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../openapi.json'), 'utf8'),
) as { paths: Record<string, Record<string, unknown>> };

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);
const fromOpenApi = Object.entries(document.paths)
  .flatMap(([route, operations]) =>
    Object.keys(operations)
      .filter((method) => METHODS.has(method))
      .map((method) => `${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}`),
  )
  .sort();
const fromCatalog = Object.values(apiRoutes)
  .map((spec) => `${spec.method} ${spec.path}`)
  .sort();

/**
 * Operations other issues added (migrations, security, shares, quotas, metadata/tags) that the
 * client does not cover yet. This list only shrinks: a new route must get a request function.
 */
const NOT_YET_IN_CLIENT = new Set([
  'DELETE /api/public/upload-requests/:token/uploads/:id',
  'DELETE /api/security/allow-list/:id',
  'DELETE /api/security/blocks/:id',
  'DELETE /api/shares/:id',
  'DELETE /api/upload-requests/:id',
  'GET /api/files/folder-summary',
  'GET /api/files/operations/:id',
  'GET /api/files/versions',
  'GET /api/migrations',
  'GET /api/migrations/:id',
  'GET /api/migrations/:id/events',
  'GET /api/migrations/:id/items',
  'GET /api/migrations/:id/policies',
  'GET /api/migrations/:id/report',
  'GET /api/public/upload-requests/:token',
  'GET /api/public/upload-requests/:token/uploads/:id',
  'GET /api/public/upload-requests/:token/uploads/:id/parts',
  'GET /api/quotas/me',
  'GET /api/quotas/usage',
  'GET /api/security/alerts',
  'GET /api/security/alerts/stream',
  'GET /api/security/allow-list',
  'GET /api/security/blocks',
  'GET /api/security/notifications',
  'GET /api/security/notifications/deliveries',
  'GET /api/security/rules',
  'GET /api/shares',
  'GET /api/upload-requests',
  'POST /api/files/delete-folder',
  'POST /api/files/move',
  'POST /api/files/preview-url',
  'POST /api/files/restore-version',
  'POST /api/migrations',
  'POST /api/migrations/:id/cancel',
  'POST /api/migrations/:id/pause',
  'POST /api/migrations/:id/rerun',
  'POST /api/migrations/:id/resume',
  'POST /api/migrations/:id/retry',
  'POST /api/migrations/policies',
  'POST /api/migrations/validate',
  'POST /api/public/shares/:token',
  'POST /api/public/shares/:token/download',
  'POST /api/public/upload-requests/:token/uploads',
  'POST /api/public/upload-requests/:token/uploads/:id/complete',
  'POST /api/public/upload-requests/:token/uploads/:id/parts',
  'POST /api/quotas/measure',
  'POST /api/security/alerts/:id/ack',
  'POST /api/security/alerts/:id/resolve',
  'POST /api/security/allow-list',
  'POST /api/security/blocks',
  'POST /api/shares',
  'POST /api/upload-requests',
  'POST /api/upload-requests/:id/seen',
  'PUT /api/files/metadata',
  'PUT /api/files/tags',
  'PUT /api/quotas/groups/:id',
  'PUT /api/quotas/users/:id',
  'PUT /api/security/notifications',
  'PUT /api/security/rules',
]);

test('every API operation has a request function (add it under packages/client/src/routes/)', () => {
  const uncovered = fromOpenApi.filter((operation) => !fromCatalog.includes(operation));
  expect(uncovered.filter((operation) => !NOT_YET_IN_CLIENT.has(operation))).toEqual([]);
  // Covered or gone: take it off the list.
  expect([...NOT_YET_IN_CLIENT].filter((operation) => !uncovered.includes(operation))).toEqual([]);
});

test('the catalog names only routes the API serves, each once', () => {
  expect(fromCatalog.filter((operation) => !fromOpenApi.includes(operation))).toEqual([]);
  expect(new Set(fromCatalog).size).toBe(fromCatalog.length);
});
