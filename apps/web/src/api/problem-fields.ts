// The API's field errors (problem+json `errors[].path`, e.g. "body.email") by field name, so a
// form can show each one under its field instead of "The request does not match the schema.".
import { ApiError } from '@s3am/client';

/** Where the request part ends and the field path begins ("body.email" → "email"). */
const REQUEST_PARTS = /^(body|querystring|params|headers)\.?/;

export function problemFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fields: Record<string, string> = {};
  for (const { path, message } of error.errors) {
    const field = path.replace(REQUEST_PARTS, '');
    // The first message per field is the one to fix first. A list item's error ("buckets.0")
    // also belongs to the list's field.
    fields[field] ??= message;
    const [top] = field.split('.');
    if (top) fields[top] ??= message;
  }
  return fields;
}
