// The API's field errors (problem+json `errors[].path`, e.g. "body.email") by field name, so a
// form can show each one under its field instead of "The request does not match the schema.".
import { ProblemSchema } from '@s3am/contracts';
import { AxiosError } from 'axios';

/** Where the request part ends and the field path begins ("body.email" → "email"). */
const REQUEST_PARTS = /^(body|querystring|params|headers)\.?/;

export function problemFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof AxiosError)) return {};
  const problem = ProblemSchema.safeParse(error.response?.data);
  if (!problem.success) return {};
  const fields: Record<string, string> = {};
  for (const { path, message } of problem.data.errors ?? []) {
    const field = path.replace(REQUEST_PARTS, '');
    // The first message per field is the one to fix first. A list item's error ("buckets.0")
    // also belongs to the list's field.
    fields[field] ??= message;
    const [top] = field.split('.');
    if (top) fields[top] ??= message;
  }
  return fields;
}
