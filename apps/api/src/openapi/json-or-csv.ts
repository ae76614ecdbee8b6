// A report route's 200: JSON by default, the same report as CSV with `format=csv`. Both media types
// are documented, each with its own schema and example, so readers and generated clients see two
// answers rather than "an object or a string".
import { z } from 'zod';

export function jsonOrCsv(description: string, json: z.ZodType, csvExample: string) {
  return {
    description,
    content: {
      'application/json': { schema: json },
      'text/csv': { schema: z.string().meta({ examples: [csvExample] }) },
    },
  };
}
