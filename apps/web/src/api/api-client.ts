// The web app's typed API client: one function per API route (from @s3am/client's catalog),
// answers parsed with the contracts, errors as ApiError/NetworkError, 429/503 retried after
// Retry-After, and a 401 renewing the session once (shared) before the call is retried.
// It brings every route's contract, so only lazily loaded pages import it: the sign-in path
// uses session.ts.
import { createApiClient } from '@s3am/client';
import { fetchThroughAxios } from './http';
import { getAccessToken, renewOrEndSession } from './session';

export const api = createApiClient({
  baseUrl: '',
  fetch: fetchThroughAxios,
  credentials: 'include',
  auth: { token: getAccessToken, refresh: renewOrEndSession },
});
