// Examples in the OpenAPI document come from `.meta({ examples })` on the zod contracts. They are
// parsed with the very schema they illustrate while the document is built, so an example that
// drifts from its contract fails `pnpm openapi` and the openapi tests instead of misleading readers.
import { globalRegistry, type $ZodType } from 'zod/v4/core';
import { z } from 'zod';

/** Child schemas of a zod node, for the shapes our contracts use (lazy is skipped: recursion). */
function childrenOf(schema: $ZodType): $ZodType[] {
  // zod's def is typed per node kind; this walker only reads the well-known child slots.
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const kids: unknown[] = [];
  if (def.type === 'object') kids.push(...Object.values(def.shape as Record<string, unknown>));
  for (const slot of ['element', 'innerType', 'in', 'out', 'left', 'right', 'valueType'])
    if (def[slot]) kids.push(def[slot]);
  if (Array.isArray(def.options)) kids.push(...(def.options as unknown[]));
  if (Array.isArray(def.items)) kids.push(...(def.items as unknown[]));
  return kids.filter(
    (kid): kid is $ZodType => typeof kid === 'object' && kid !== null && '_zod' in kid,
  );
}

/** Every example reachable from `root` that its own schema rejects, as readable lines. */
export function invalidExamples(root: $ZodType, where: string): string[] {
  const problems: string[] = [];
  const seen = new Set<$ZodType>();
  const visit = (schema: $ZodType): void => {
    if (seen.has(schema)) return;
    seen.add(schema);
    const examples = globalRegistry.get(schema)?.examples;
    if (Array.isArray(examples))
      examples.forEach((example: unknown, index) => {
        const result = z.safeParse(schema as z.ZodType, example);
        if (!result.success)
          problems.push(`${where} example ${index + 1}: ${z.prettifyError(result.error)}`);
      });
    childrenOf(schema).forEach(visit);
  };
  visit(root);
  return problems;
}

interface RouteSchemaArg {
  url: string;
  schema?: { body?: unknown; response?: unknown; hide?: boolean };
}

function isZod(value: unknown): value is $ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** Throws when a route's body or response examples do not parse with their schema. */
export function assertRouteExamplesValid({ url, schema }: RouteSchemaArg): void {
  if (!schema || schema.hide) return;
  const problems: string[] = [];
  if (isZod(schema.body)) problems.push(...invalidExamples(schema.body, `${url} body`));
  for (const [status, response] of Object.entries(schema.response ?? {}) as [string, unknown][])
    if (isZod(response)) problems.push(...invalidExamples(response, `${url} ${status}`));
  if (problems.length > 0)
    throw new Error(`OpenAPI examples that do not match their schema:\n${problems.join('\n')}`);
}
