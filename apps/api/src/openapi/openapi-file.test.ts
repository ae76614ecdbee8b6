// The committed openapi.json is what the routes generate now: a route or contract change without
// `pnpm openapi` fails here, so the file at the repo root never lies.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildOpenApiDocument, serializeOpenApi } from './openapi-document.js';

const FILE = path.resolve(__dirname, '../../../../openapi.json');

test('openapi.json at the repo root is up to date (else run `pnpm openapi`)', async () => {
  const committed = await readFile(FILE, 'utf8');
  const fresh = serializeOpenApi(await buildOpenApiDocument());
  // Compared as documents first, so a failure names the paths that differ.
  const paths = (text: string) => Object.keys((JSON.parse(text) as { paths: object }).paths).sort();
  expect(paths(committed)).toEqual(paths(fresh));
  expect(committed === fresh).toBe(true);
});

test('every route has a summary', async () => {
  const document = (await buildOpenApiDocument()) as {
    paths: Record<
      string,
      Record<string, { summary?: string; responses?: Record<string, unknown> }>
    >;
  };
  const missing: string[] = [];
  for (const [route, methods] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(methods))
      if (!operation.summary) missing.push(`${method.toUpperCase()} ${route}`);
  expect(missing).toEqual([]);
});
