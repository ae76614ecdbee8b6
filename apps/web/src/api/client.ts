// Transitional: the axios instance for call sites not yet moved to the typed client
// (api-client.ts). It carries the session's token, renews it once on a 401 (session.ts), and
// turns failures into the typed client's ApiError/NetworkError so error handling is one path.
import { NetworkError, apiErrorFrom } from '@s3am/client';
import axios, { type AxiosError, type InternalAxiosRequestConfig } from 'axios';
import { getAccessToken, recoverFromUnauthorized } from './session';

export { problemCode, problemMessage, retryAfterSeconds } from './problem';
export {
  applyTokens,
  clearTokens,
  getAccessToken,
  recoverFromUnauthorized,
  refreshSession,
  setSessionCallbacks,
  type RefreshProblem,
} from './session';

export const api = axios.create({ baseURL: '/', withCredentials: true, timeout: 30_000 });

/** A request remembers which token it carried, so a late 401 can tell a stale token from a dead session. */
type TrackedRequest = InternalAxiosRequestConfig & { sentToken?: string | null; retried?: boolean };

api.interceptors.request.use((config: TrackedRequest) => {
  config.sentToken = getAccessToken();
  if (config.sentToken) config.headers.set('Authorization', `Bearer ${config.sentToken}`);
  return config;
});

/** The same error the typed client throws for this failure. */
function asClientError(error: AxiosError): Error {
  const response = error.response;
  if (!response) return new NetworkError('Cannot reach the server.', { cause: error });
  const body = typeof response.data === 'string' ? response.data : JSON.stringify(response.data);
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  return apiErrorFrom(
    new Response(null, { status: response.status, statusText: response.statusText, headers }),
    body,
  );
}

api.interceptors.response.use(undefined, async (error: AxiosError) => {
  const original = error.config as TrackedRequest | undefined;
  const retry =
    error.response?.status === 401 && original !== undefined && original.retried !== true;
  if (!retry || !(await recoverFromUnauthorized(original.sentToken ?? null))) {
    throw asClientError(error);
  }
  original.retried = true;
  return api.request(original);
});
