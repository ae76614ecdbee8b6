// Error responses in the OpenAPI document: the routes list which Problem statuses they return
// (`problemResponses(...)` in plugins/errors.ts); here every such response gets its real media type
// (application/problem+json) and a description of when it happens, and the responses that the
// cross-cutting plugins add to every route (rate limit, unexpected failure) are listed once for all.

const PROBLEM_REF = '#/components/schemas/Problem';

/** When each status is answered; `code` is the stable ErrorCode a client switches on. */
const WHEN: Record<string, string> = {
  '400':
    'Invalid input: the path, query or body does not match the schema (code `VALIDATION`, failing fields in `errors[].path`), or a request the operation cannot accept.',
  '401':
    'No valid credentials: missing, expired or revoked access token or API token (code `UNAUTHENTICATED`), or wrong credentials at login.',
  '403':
    'Authenticated but not allowed: the role, a grant or an instance policy forbids this (codes such as `FORBIDDEN`, `GRANT_DENIED`).',
  '404': 'The addressed resource does not exist or is not visible to the caller.',
  '409':
    'Conflicts with the current state (for example a duplicate name, or an object that already exists).',
  '410': 'The link or request has expired or was revoked.',
  '413': 'The declared size is over a configured limit.',
  '415': 'The content type is not allowed by the upload policy.',
  '429':
    'Too many requests from this client or account; retry after the number of seconds in `Retry-After` (code `RATE_LIMITED`).',
  '500':
    'Unexpected failure; the body carries only a `requestId` to quote to operators, nothing internal.',
  '502':
    'The S3 endpoint failed or refused the call; `detail` says what S3 answered, never credentials.',
  '503':
    'A dependency (database or S3) is unreachable right now; retry after `Retry-After` seconds.',
};

/** Added to every operation: the rate limiter and the error handler sit in front of all routes. */
const EVERY_ROUTE = ['429', '500'] as const;

interface Response {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: { $ref?: string } }>;
}
interface Operation {
  responses?: Record<string, Response>;
}

function problemResponse(status: string): Response {
  const response: Response = {
    description: WHEN[status] ?? 'Error, as problem+json.',
    content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
  };
  if (status === '429' || status === '503')
    response.headers = {
      'Retry-After': {
        description: 'Seconds to wait before retrying',
        schema: { type: 'integer' },
      },
    };
  return response;
}

function isProblem(response: Response): boolean {
  return Object.values(response.content ?? {}).some((media) => media.schema?.$ref === PROBLEM_REF);
}

/** Rewrites the generated document in place and returns it. */
export function documentProblemResponses<T extends object>(document: T): T {
  // The generator's document types are a union over OpenAPI versions; only paths are touched here.
  const { paths } = document as { paths?: Record<string, Record<string, Operation> | undefined> };
  for (const methods of Object.values(paths ?? {}))
    for (const operation of Object.values(methods ?? {})) {
      const responses = (operation.responses ??= {});
      let declaresProblems = false;
      for (const [status, response] of Object.entries(responses))
        if (isProblem(response)) {
          responses[status] = problemResponse(status);
          declaresProblems = true;
        }
      for (const status of EVERY_ROUTE) responses[status] ??= problemResponse(status);
      // Routes that declare errors reach the database: an outage answers 503 there.
      if (declaresProblems) responses['503'] ??= problemResponse('503');
      // Routes that call S3 (they declare 502) can also see it time out.
      if (responses['502']) responses['504'] ??= problemResponse('504');
    }
  return document;
}
