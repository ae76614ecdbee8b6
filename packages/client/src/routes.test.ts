// The client's route catalog covers the API exactly: every operation in openapi.json has one
// request function with the same method and path, and the catalog names no route the API lacks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiRoutes } from './routes/index.js';

const document = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../openapi.json'), 'utf8'),
) as { paths: Record<string, Record<string, Operation>> };

interface Operation {
  requestBody?: unknown;
  parameters?: { in: string }[];
}

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

test('every API operation has a request function (add it under packages/client/src/routes/)', () => {
  expect(fromOpenApi.filter((operation) => !fromCatalog.includes(operation))).toEqual([]);
});

test('the catalog names only routes the API serves, each once', () => {
  expect(fromCatalog.filter((operation) => !fromOpenApi.includes(operation))).toEqual([]);
  expect(new Set(fromCatalog).size).toBe(fromCatalog.length);
});

test('each request function sends a body and a query exactly where the API reads one', () => {
  const mismatched: string[] = [];
  for (const [name, spec] of Object.entries(apiRoutes)) {
    const openApiPath = spec.path.replace(/:(\w+)/g, '{$1}');
    const operation = document.paths[openApiPath]?.[spec.method.toLowerCase()];
    if (!operation) continue; // reported by the tests above
    const hasQuery = (operation.parameters ?? []).some((parameter) => parameter.in === 'query');
    if (hasQuery !== 'query' in spec) mismatched.push(`${name}: query`);
    if ((operation.requestBody !== undefined) !== 'body' in spec) mismatched.push(`${name}: body`);
  }
  expect(mismatched).toEqual([]);
});
