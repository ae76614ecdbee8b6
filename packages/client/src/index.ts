// The typed S3 Access Manager API client, shared by the web app and the `s3am` CLI.
export {
  ApiError,
  NetworkError,
  ResponseShapeError,
  apiErrorFrom,
  retryAfterMs,
} from './api-error.js';
export {
  createApiCaller,
  hasCode,
  type ApiCaller,
  type ApiClientOptions,
  type ClientAuth,
  type RetryPolicy,
} from './caller.js';
export { createApiClient, type ApiClient } from './client.js';
export {
  fillPath,
  queryString,
  route,
  type CallOptions,
  type HttpMethod,
  type RouteArgs,
  type RouteFunction,
  type RouteResult,
  type RouteSpec,
} from './route.js';
export { apiRoutes, type ApiRoutes } from './routes/index.js';
export { loginRoute, logoutRoute, refreshRoute } from './routes/session.js';
export { migrationReportCsv } from './routes/migrations.js';
export { securityReportCsv } from './routes/security.js';
export { readServerSentEvents, type ServerSentEvent } from './sse.js';
