// Every operation in the OpenAPI document is usable without reading the code: a summary and a
// description, an example for its JSON request body and 2xx JSON response, and the problem+json
// errors it can answer. Examples are also parsed with their zod schema while the document is built.
import { z } from 'zod';
import { buildOpenApiDocument } from './openapi-document.js';
import { invalidExamples } from './route-examples.js';

// Operations documented elsewhere than this test can see: none. Never add one.
const NOT_YET_DOCUMENTED: RegExp[] = [];

interface Media {
  schema?: Schema;
  example?: unknown;
  examples?: unknown;
}
interface Schema {
  $ref?: string;
  examples?: unknown[];
  type?: string | string[];
  items?: Schema;
}
interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

let document: Document;
beforeAll(async () => {
  document = (await buildOpenApiDocument()) as Document;
});

function operations(): { name: string; route: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([route, methods]) =>
    Object.entries(methods)
      .filter(() => !NOT_YET_DOCUMENTED.some((pattern) => pattern.test(route)))
      .map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${route}`,
        route,
        operation,
      })),
  );
}

function resolve(schema: Schema | undefined): Schema | undefined {
  const name = schema?.$ref?.replace('#/components/schemas/', '');
  return name ? document.components.schemas[name] : schema;
}

/** An example a reader sees: on the media object, on the (referenced) schema, or on its items. */
function hasExample(media: Media | undefined): boolean {
  if (!media) return true; // not JSON: nothing to require
  if (media.example !== undefined || media.examples !== undefined) return true;
  const schema = resolve(media.schema);
  if (schema?.examples?.length) return true;
  return Boolean(schema?.type === 'array' && resolve(schema.items)?.examples?.length);
}

test('every operation has a summary and a description', () => {
  const missing = operations()
    .filter(({ operation }) => !operation.summary?.trim() || !operation.description?.trim())
    .map(({ name }) => name);
  expect(missing).toEqual([]);
});

test('every JSON request body and 2xx JSON response has an example', () => {
  const missing: string[] = [];
  for (const { name, operation } of operations()) {
    if (operation.requestBody && !hasExample(operation.requestBody.content?.['application/json']))
      missing.push(`${name} request body`);
    for (const [status, response] of Object.entries(operation.responses ?? {}))
      if (/^2/.test(status) && !hasExample(response.content?.['application/json']))
        missing.push(`${name} ${status}`);
  }
  expect(missing).toEqual([]);
});

test('every operation lists the problem+json errors it can return', () => {
  const missing: string[] = [];
  for (const { name, route, operation } of operations()) {
    const statuses = Object.keys(operation.responses ?? {});
    const expected = ['429', '500'];
    if (operation.requestBody || operation.parameters?.length) expected.push('400');
    if (operation.security?.length) expected.push('401');
    if (/\{(id|[a-z]*Id)\}/.test(route)) expected.push('404');
    for (const status of expected)
      if (!statuses.includes(status)) missing.push(`${name} ${status}`);
    for (const status of statuses.filter((s) => /^[45]/.test(s))) {
      const media = operation.responses?.[status]?.content?.['application/problem+json'];
      if (status !== '503' && media?.schema?.$ref !== '#/components/schemas/Problem')
        missing.push(`${name} ${status} is not problem+json`);
    }
  }
  expect(missing).toEqual([]);
});

test('an example that does not match its schema is reported, with where it is', () => {
  const Size = z
    .object({ bytes: z.number().int().nonnegative() })
    .meta({ examples: [{ bytes: -1 }] });
  const Wrapper = z.object({ items: z.array(Size) });
  const problems = invalidExamples(Wrapper, 'GET /sizes 200');
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain('GET /sizes 200 example 1');
  expect(problems[0]).toContain('bytes');
  expect(invalidExamples(Size.meta({ examples: [{ bytes: 3 }] }), 'ok')).toEqual([]);
});
