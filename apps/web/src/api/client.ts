// The one axios instance: adds the access token, refreshes it silently (once, shared across
// concurrent requests and tabs), retries the request, and reports when the session is over.
import axios, { AxiosError, type InternalAxiosRequestConfig } from 'axios';
import { ProblemSchema, TokenResponse, type CurrentUser, type ErrorCode } from '@s3am/contracts';

let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let lastActivity = Date.now();
let lastIssued = 0;
let onSessionEnded: () => void = () => undefined;
let onUserChanged: (user: CurrentUser) => void = () => undefined;

export const api = axios.create({ baseURL: '/', withCredentials: true, timeout: 30_000 });

/** A request remembers which token it carried, so a late 401 can tell a stale token from a dead session. */
type TrackedRequest = InternalAxiosRequestConfig & { sentToken?: string | null; retried?: boolean };

api.interceptors.request.use((config: TrackedRequest) => {
  config.sentToken = accessToken;
  if (accessToken) config.headers.set('Authorization', `Bearer ${accessToken}`);
  return config;
});

// Activity decides whether the session is kept alive: an idle tab lets it expire (automatic logoff).
for (const event of ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const) {
  window.addEventListener(event, () => (lastActivity = Date.now()), { passive: true });
}

export function setSessionCallbacks(callbacks: {
  ended: () => void;
  userChanged: (user: CurrentUser) => void;
}): void {
  onSessionEnded = callbacks.ended;
  onUserChanged = callbacks.userChanged;
}

export function applyTokens(tokens: TokenResponse): CurrentUser {
  accessToken = tokens.accessToken;
  lastIssued = Date.now();
  clearTimeout(refreshTimer);
  // Refresh a minute (at most a fifth of the lifetime) before expiry, but only for someone who
  // used the app since the last refresh: an idle tab lets the session lapse.
  refreshTimer = setTimeout(
    () => {
      // A failure here is not fatal: the next call's 401 tries once more, then ends the session.
      if (lastActivity > lastIssued) void refreshSession().then(onUserChanged, () => undefined);
    },
    Math.max(5_000, (tokens.expiresIn - Math.min(60, tokens.expiresIn / 5)) * 1000),
  );
  return tokens.user;
}

export function clearTokens(): void {
  accessToken = null;
  clearTimeout(refreshTimer);
}

let inFlight: Promise<CurrentUser> | null = null;

async function exchangeRefreshCookie(): Promise<CurrentUser> {
  const response = await axios.post('/api/auth/refresh', undefined, { withCredentials: true });
  return applyTokens(TokenResponse.parse(response.data));
}

/**
 * One refresh at a time: concurrent callers share it, and other tabs wait for it (Web Locks), so
 * a rotated refresh cookie is never presented twice — which the server treats as token theft.
 */
export function refreshSession(): Promise<CurrentUser> {
  inFlight ??= (
    navigator.locks
      ? navigator.locks.request('s3am-refresh', exchangeRefreshCookie)
      : exchangeRefreshCookie()
  ).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

api.interceptors.response.use(undefined, async (error: AxiosError) => {
  const original = error.config as TrackedRequest | undefined;
  const isAuthCall = original?.url?.startsWith('/api/auth/') ?? false;
  if (error.response?.status !== 401 || !original || original.retried || isAuthCall) throw error;
  original.retried = true;
  // Sent before another request's refresh finished: the new token is already here, just retry.
  const alreadyRefreshed = accessToken !== null && original.sentToken !== accessToken;
  if (!alreadyRefreshed) {
    try {
      onUserChanged(await refreshSession());
    } catch {
      clearTokens();
      onSessionEnded();
      throw error;
    }
  }
  return api.request(original);
});

/** The access token now, for callers outside axios (the upload engine's fetch transport). */
export function getAccessToken(): string | null {
  return accessToken;
}

/**
 * The interceptor's 401 handling for callers outside axios: unless another call already refreshed
 * the token it was sent with, refresh once (shared); when that fails the session is over.
 * Resolves true when a retry with the new token makes sense.
 */
export async function recoverFromUnauthorized(sentToken: string | null): Promise<boolean> {
  if (accessToken !== null && sentToken !== accessToken) return true;
  try {
    onUserChanged(await refreshSession());
    return true;
  } catch {
    clearTokens();
    onSessionEnded();
    return false;
  }
}

/** A sentence to show a person for any failed call. */
export function problemMessage(error: unknown): string {
  if (error instanceof AxiosError) {
    if (!error.response) return 'Cannot reach the server. Check your connection and try again.';
    const problem = ProblemSchema.safeParse(error.response.data);
    if (problem.success) return problem.data.detail ?? problem.data.title;
    return `The server answered ${error.response.status}.`;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function problemCode(error: unknown): ErrorCode | undefined {
  if (!(error instanceof AxiosError)) return undefined;
  const problem = ProblemSchema.safeParse(error.response?.data);
  return problem.success ? problem.data.code : undefined;
}

/** Seconds from a 429's Retry-After header (delta-seconds form, the one the API sends). */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof AxiosError)) return undefined;
  const seconds = Number(error.response?.headers['retry-after']);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}
