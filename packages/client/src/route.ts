// What the client knows of one API route: method, path and the contract schemas of its query,
// body and answer. The request function's argument and result types are derived from these.
import { type z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How the answer is read: a contract schema (JSON parsed and checked), 'none' (204, no body), or
 * 'raw' (the Response itself, for streams such as CSV/NDJSON exports).
 */
export type ResponseKind = z.ZodType | 'none' | 'raw';

export interface RouteSpec {
  method: HttpMethod;
  /** Fastify-style path: `/api/users/:id`. */
  path: string;
  query?: z.ZodType;
  body?: z.ZodType;
  response: ResponseKind;
  /** Statuses besides 2xx whose body is still the answer (e.g. /ready's 503). */
  alsoOk?: readonly number[];
  /** False for routes that must not trigger a token refresh on 401 (the auth routes themselves). */
  refreshOn401?: boolean;
}

/** `{ id: string }` for `/api/users/:id`; `{}` without placeholders. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

type ParamsArg<R extends RouteSpec> = keyof PathParams<R['path']> extends never
  ? { params?: undefined }
  : { params: PathParams<R['path']> };
type QueryArg<R extends RouteSpec> = R['query'] extends z.ZodType
  ? Partial<Record<never, never>> extends z.input<R['query']>
    ? { query?: z.input<R['query']> }
    : { query: z.input<R['query']> }
  : { query?: undefined };
type BodyArg<R extends RouteSpec> = R['body'] extends z.ZodType
  ? { body: z.input<R['body']> }
  : { body?: undefined };

/** Per-call extras: cancellation and headers (e.g. Idempotency-Key). */
export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export type RouteArgs<R extends RouteSpec> = ParamsArg<R> & QueryArg<R> & BodyArg<R> & CallOptions;

export type RouteResult<R extends RouteSpec> = R['response'] extends z.ZodType
  ? z.output<R['response']>
  : R['response'] extends 'raw'
    ? Response
    : void;

/** True when every argument is optional, so the function may be called with none. */
type AllOptional<T> = Partial<T> extends T ? true : false;

export type RouteFunction<R extends RouteSpec> =
  AllOptional<RouteArgs<R>> extends true
    ? (args?: RouteArgs<R>) => Promise<RouteResult<R>>
    : (args: RouteArgs<R>) => Promise<RouteResult<R>>;

/**
 * Keeps the literal types of a spec (method, path) while checking it is one. It and the catalog's
 * calls are marked free of side effects (rolldown wants both): bundlers then leave the catalog,
 * and every contract it names, out of a bundle that only needs ApiError (the web sign-in page).
 */
/* @__NO_SIDE_EFFECTS__ */
export function route<const R extends RouteSpec>(spec: R): R {
  return spec;
}

/** `/api/users/:id` with `{ id: 'a b' }` → `/api/users/a%20b`. */
export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new TypeError(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

/** Query values as the API reads them: arrays repeat the key, undefined/null are left out. */
export function queryString(query: unknown): string {
  if (query === undefined || query === null) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    for (const item of values) {
      if (item === undefined || item === null) continue;
      // Query values are scalars (strings, numbers, booleans); anything else goes as JSON.
      const text =
        typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
          ? String(item)
          : JSON.stringify(item);
      search.append(name, text);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
