// Calling one route spec: answers parsed with the contracts, problem+json turned into ApiError, no
// answer (or none in time) into NetworkError, 429/503 retried after Retry-After, and one shared
// token refresh on a 401. Runs on any fetch (browsers, Node ≥ 22). Without the route catalog, so a
// page that calls a few routes (the sign-in page) does not load them all; client.ts adds them.
import { ApiError, NetworkError, ResponseShapeError, apiErrorFrom } from './api-error.js';
import {
  fillPath,
  queryString,
  type RouteArgs,
  type RouteResult,
  type RouteSpec,
} from './route.js';

export interface ClientAuth {
  /** The bearer token to send now (an access JWT or a personal API token), if any. */
  token(): string | null | undefined | Promise<string | null | undefined>;
  /**
   * Gets a new access token (e.g. from the refresh cookie). Called once for concurrent 401s;
   * reject when the session is over. Absent for API tokens, which do not refresh.
   */
  refresh?(): Promise<void>;
}

export interface RetryPolicy {
  /** Extra tries after a 429 or 503 (default 3). */
  retries: number;
  /** A Retry-After longer than this is not waited for: the error goes to the caller (default 30 s). */
  maxDelayMs: number;
  /** Without Retry-After: base × 2^attempt (default 500 ms). */
  baseDelayMs: number;
}

export interface ApiClientOptions {
  /** Origin (and path prefix) of the API, e.g. "https://s3am.example.com"; "" for same-origin. */
  baseUrl: string;
  auth?: ClientAuth;
  fetch?: typeof fetch;
  /** Cookie policy in browsers (default "same-origin"). */
  credentials?: RequestCredentials;
  retry?: Partial<RetryPolicy>;
  /** Headers for every call (e.g. a User-Agent from the CLI). */
  headers?: Record<string, string>;
  /** Sees every answer (e.g. to keep a rotated refresh cookie). */
  onResponse?: (response: Response, spec: RouteSpec) => void;
  /** Waits between retries (tests replace it). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface ApiCaller {
  /** Calls any route spec (the catalog's functions are this with the spec bound). */
  call<R extends RouteSpec>(spec: R, args?: RouteArgs<R>): Promise<RouteResult<R>>;
  readonly baseUrl: string;
}

const DEFAULT_RETRY: RetryPolicy = { retries: 3, maxDelayMs: 30_000, baseDelayMs: 500 };

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** 429 (rate limit) and 503 (not ready, database away) mean "not done, try later". */
function isRetryable(status: number): boolean {
  return status === 429 || status === 503;
}

export function createApiCaller(options: ApiClientOptions): ApiCaller {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const sleep = options.sleep ?? abortableSleep;
  let refreshing: Promise<void> | null = null;

  /** One refresh at a time: concurrent 401s share it. */
  function refreshOnce(): Promise<void> {
    const auth = options.auth;
    if (!auth?.refresh) return Promise.reject(new Error('no refresh'));
    refreshing ??= auth.refresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function send(spec: RouteSpec, args: RouteArgs<RouteSpec>, token: string | null) {
    const url = `${baseUrl}${fillPath(spec.path, args.params)}${queryString(args.query)}`;
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      ...options.headers,
      ...args.headers,
    };
    if (token) headers.authorization = `Bearer ${token}`;
    if (args.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await doFetch(url, {
        method: spec.method,
        headers,
        body: args.body === undefined ? undefined : JSON.stringify(args.body),
        credentials: options.credentials ?? 'same-origin',
        signal: args.signal,
      });
      options.onResponse?.(response, spec);
      return response;
    } catch (error) {
      // The caller's own abort stays an abort; a timeout means no answer came, like a network error.
      if (args.signal?.aborted && !isTimeout(args.signal.reason)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new NetworkError(`Cannot reach ${baseUrl || 'the server'}: ${message}`, {
        cause: error,
      });
    }
  }

  async function call<R extends RouteSpec>(
    spec: R,
    rawArgs?: RouteArgs<R>,
  ): Promise<RouteResult<R>> {
    const args = (rawArgs ?? {}) as RouteArgs<RouteSpec>;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const token = (await options.auth?.token()) ?? null;
      const response = await send(spec, args, token);
      const ok = response.ok || (spec.alsoOk?.includes(response.status) ?? false);
      if (ok) return (await readAnswer(spec, response)) as RouteResult<R>;
      const error = apiErrorFrom(response, await response.text());
      if (
        response.status === 401 &&
        spec.refreshOn401 !== false &&
        !refreshed &&
        options.auth?.refresh
      ) {
        refreshed = true;
        // Sent with a token that has since been replaced: just retry; else refresh (shared).
        const current = (await options.auth.token()) ?? null;
        if (current === token) await refreshOnce().catch(() => Promise.reject(error));
        attempt--;
        continue;
      }
      if (isRetryable(response.status) && attempt < policy.retries) {
        const wait = error.extra.retryAfterMs ?? policy.baseDelayMs * 2 ** attempt;
        if (wait <= policy.maxDelayMs) {
          await sleep(wait, args.signal);
          continue;
        }
      }
      throw error;
    }
  }

  return { call, baseUrl };
}

/** AbortSignal.timeout()'s reason: a DOMException named TimeoutError (not always an Error). */
function isTimeout(reason: unknown): boolean {
  return (reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
}

async function readAnswer(spec: RouteSpec, response: Response): Promise<unknown> {
  if (spec.response === 'raw') return response;
  if (spec.response === 'none') {
    await response.body?.cancel();
    return undefined;
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ResponseShapeError(`${spec.method} ${spec.path}`, 'not JSON');
  }
  const parsed = spec.response.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new ResponseShapeError(`${spec.method} ${spec.path}`, issues);
  }
  return parsed.data;
}

/** True for an ApiError with one of these codes. */
export function hasCode(error: unknown, ...codes: string[]): error is ApiError {
  return error instanceof ApiError && error.code !== undefined && codes.includes(error.code);
}
