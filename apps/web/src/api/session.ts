// The browser session: holds the access token, renews it from the refresh cookie (once, shared
// across concurrent callers and tabs) and reports when the session is over. Only a definite 401
// from the refresh ends the session: a refresh refused for a moment (429, 5xx, network) is
// retried, honouring Retry-After, while the app says the server is busy. The auth contracts only
// (through the shared HTTP layer, http.ts): the sign-in page loads this, not the route catalog
// (see api-client.ts).
import { ApiError, createApiCaller, loginRoute, logoutRoute, refreshRoute } from '@s3am/client';
import type { CurrentUser, LoginRequest, TokenResponse } from '@s3am/contracts';
import { fetchThroughAxios } from './http';
import { retryAfterSeconds } from './problem';

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

/** The access token now, for every caller (the typed client, the upload engine, SSE streams). */
export function getAccessToken(): string | null {
  return accessToken;
}

/**
 * The auth routes' caller: the typed client's request, errors (ApiError: an answer; NetworkError:
 * none, or none in time) and answer checks, without the route catalog, with the refresh cookie,
 * and without retries: the sign-in form shows a 429, and the refresh loop below has its own.
 */
const authCaller = createApiCaller({
  baseUrl: '',
  fetch: fetchThroughAxios,
  credentials: 'include',
  retry: { retries: 0 },
});

/** Signs in with email and password (and a TOTP code when asked for one). */
export async function signInWithPassword(credentials: LoginRequest): Promise<CurrentUser> {
  return applyTokens(
    await authCaller.call(loginRoute, { body: credentials, signal: AbortSignal.timeout(30_000) }),
  );
}

/** Ends the session on the server (the refresh cookie is cleared); failures are ignored. */
export async function signOutSession(): Promise<void> {
  const token = accessToken;
  await authCaller
    .call(logoutRoute, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(15_000),
    })
    .catch(() => undefined);
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
  const answer = await authCaller.call(refreshRoute, {
    headers: { 'Idempotency-Key': pendingRefreshKey() },
    signal: AbortSignal.timeout(15_000),
  });
  const user = applyTokens(answer);
  settleRefreshKey();
  return user;
}

/** The server said the refresh cookie is no good: the session is over. */
export function isSessionEnd(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
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
      const reached = error instanceof ApiError;
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

/** Refreshes (shared) after a 401; when the refresh is refused the session is over. */
export async function renewOrEndSession(): Promise<void> {
  try {
    onUserChanged(await refreshSession());
  } catch (error) {
    clearTokens();
    onSessionEnded();
    throw error;
  }
}

/**
 * 401 handling for callers with their own fetch (the upload engine, event streams): unless another
 * call already refreshed the token it was sent with, refresh once (shared); when that fails the
 * session is over. Resolves true when a retry with the new token makes sense.
 */
export async function recoverFromUnauthorized(sentToken: string | null): Promise<boolean> {
  if (accessToken !== null && sentToken !== accessToken) return true;
  return renewOrEndSession().then(
    () => true,
    () => false,
  );
}
