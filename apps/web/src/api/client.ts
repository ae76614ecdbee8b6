// The one axios instance: adds the access token, refreshes it silently (once, shared across
// concurrent requests and tabs), retries the request, and reports when the session is over.
// Only a definite 401 from the refresh ends the session: a refresh refused for a moment (429,
// 5xx, network) is retried, honouring Retry-After, while the app says the server is busy.
import axios, { AxiosError, type InternalAxiosRequestConfig } from 'axios';
import { ProblemSchema, TokenResponse, type CurrentUser, type ErrorCode } from '@s3am/contracts';

let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let lastActivity = Date.now();
let lastIssued = 0;
let onSessionEnded: () => void = () => undefined;
let onUserChanged: (user: CurrentUser) => void = () => undefined;

/** Why the session could not be renewed just now, and when the next try is. */
export interface RefreshProblem {
  kind: 'busy' | 'unreachable';
  retryAt: number;
}
let onRefreshProblem: (problem: RefreshProblem | null) => void = () => undefined;

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
  refreshProblem?: (problem: RefreshProblem | null) => void;
}): void {
  onSessionEnded = callbacks.ended;
  onUserChanged = callbacks.userChanged;
  onRefreshProblem = callbacks.refreshProblem ?? (() => undefined);
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

const PENDING_REFRESH = 's3am-pending-refresh';
let pendingInMemory: string | null = null;

/**
 * The Idempotency-Key of the refresh whose answer has not arrived yet. It outlives the page (and
 * is shared by tabs), so after a reload or a dropped connection the same request is sent again:
 * the server answers it again instead of taking the old cookie for a stolen one.
 */
function pendingRefreshKey(): string {
  try {
    const stored = localStorage.getItem(PENDING_REFRESH);
    if (stored) return stored;
    const key = crypto.randomUUID();
    localStorage.setItem(PENDING_REFRESH, key);
    return key;
  } catch {
    // Storage refused (privacy settings): a key for this page only still covers its retries.
    pendingInMemory ??= crypto.randomUUID();
    return pendingInMemory;
  }
}

function settleRefreshKey(): void {
  pendingInMemory = null;
  try {
    localStorage.removeItem(PENDING_REFRESH);
  } catch {
    // Nothing stored.
  }
}

async function exchangeRefreshCookie(): Promise<CurrentUser> {
  const response = await axios.post('/api/auth/refresh', undefined, {
    withCredentials: true,
    timeout: 15_000,
    headers: { 'Idempotency-Key': pendingRefreshKey() },
  });
  const user = applyTokens(TokenResponse.parse(response.data));
  settleRefreshKey();
  return user;
}

/** The server said the refresh cookie is no good: the session is over. */
export function isSessionEnd(error: unknown): boolean {
  return error instanceof AxiosError && error.response?.status === 401;
}

/** Waits after a failed refresh: Retry-After when the server sent one, else 1, 2, 4 … 30 s. */
export function refreshRetryDelayMs(error: unknown, attempt: number): number {
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== undefined) return Math.min(retryAfter, 300) * 1000;
  return Math.min(30_000, 1000 * 2 ** attempt);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One exchange at a time across tabs (Web Locks), so a rotated cookie is never sent twice. */
function exchangeOnce(): Promise<CurrentUser> {
  return navigator.locks
    ? navigator.locks.request('s3am-refresh', exchangeRefreshCookie)
    : exchangeRefreshCookie();
}

async function refreshUntilDecided(): Promise<CurrentUser> {
  for (let attempt = 0; ; attempt++) {
    try {
      const user = await exchangeOnce();
      onRefreshProblem(null);
      return user;
    } catch (error) {
      if (isSessionEnd(error)) {
        settleRefreshKey();
        onRefreshProblem(null);
        throw error;
      }
      const delay = refreshRetryDelayMs(error, attempt);
      const reached = error instanceof AxiosError && error.response !== undefined;
      onRefreshProblem({ kind: reached ? 'busy' : 'unreachable', retryAt: Date.now() + delay });
      await sleep(delay);
    }
  }
}

/**
 * One refresh at a time: concurrent callers share it. It settles only when the server has
 * decided: new tokens, or a 401 (the session is over). Transient failures are retried.
 */
export function refreshSession(): Promise<CurrentUser> {
  inFlight ??= refreshUntilDecided().finally(() => {
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
