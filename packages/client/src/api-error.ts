// Failures a call can end in: the API's problem+json (ApiError), no answer at all (NetworkError),
// or an answer the contracts do not accept (ResponseShapeError).
import { ProblemSchema, type ErrorCode } from '@s3am/contracts';

/** Keeps the first part of a body for reports (problem+json and proxy pages are small). */
const MAX_BODY = 4096;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    /** The problem's stable code; undefined when the answer was not our problem+json (a proxy's page). */
    readonly code: ErrorCode | undefined,
    /** One sentence for a person: the problem's detail, else its title, else the status. */
    readonly detail: string,
    readonly extra: {
      title?: string;
      errors?: { path: string; message: string }[];
      requestId?: string;
      retryAfterMs?: number;
      body?: string;
    } = {},
  ) {
    super(detail);
  }

  /** Validation failures, one per field, when the API sent them. */
  get errors(): { path: string; message: string }[] {
    return this.extra.errors ?? [];
  }
}

export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** The server answered 2xx with a body the contract rejects: client and server disagree. */
export class ResponseShapeError extends Error {
  override readonly name = 'ResponseShapeError';
  constructor(
    readonly route: string,
    readonly issues: string,
  ) {
    super(`The answer of ${route} does not match the contract: ${issues}`);
  }
}

/** Seconds or an HTTP-date (read against the server's Date header) → milliseconds from now. */
export function retryAfterMs(header: string | null, serverDate: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  if (Number.isNaN(at)) return undefined;
  const now = serverDate === null ? Date.now() : Date.parse(serverDate);
  return Math.max(0, at - (Number.isNaN(now) ? Date.now() : now));
}

/** Turns a failed answer into an ApiError, keeping the problem+json fields when there are some. */
export function apiErrorFrom(response: Response, text: string): ApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const retryAfter = retryAfterMs(
    response.headers.get('retry-after'),
    response.headers.get('date'),
  );
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const body = text.slice(0, MAX_BODY);
  const problem = ProblemSchema.safeParse(parsed);
  if (problem.success) {
    const { detail, title, errors, code } = problem.data;
    return new ApiError(response.status, code, detail ?? title, {
      title,
      ...(errors ? { errors } : {}),
      requestId: problem.data.requestId ?? requestId,
      ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
      body,
    });
  }
  const detail = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  return new ApiError(response.status, undefined, detail, {
    ...(requestId ? { requestId } : {}),
    ...(retryAfter === undefined ? {} : { retryAfterMs: retryAfter }),
    body,
  });
}
