// The typed API client: one function per route of the catalog (routes/), each a call through the
// caller (caller.ts: parsing, errors, retries, token refresh).
import { createApiCaller, type ApiCaller, type ApiClientOptions } from './caller.js';
import type { RouteArgs, RouteFunction, RouteSpec } from './route.js';
import { apiRoutes, type ApiRoutes } from './routes/index.js';

export type ApiClient = { [K in keyof ApiRoutes]: RouteFunction<ApiRoutes[K]> } & ApiCaller;

export function createApiClient(options: ApiClientOptions): ApiClient {
  const caller = createApiCaller(options);
  const client = { ...caller } as Record<string, unknown>;
  for (const [name, spec] of Object.entries(apiRoutes)) {
    client[name] = (args?: RouteArgs<RouteSpec>) => caller.call(spec, args);
  }
  return client as unknown as ApiClient;
}
