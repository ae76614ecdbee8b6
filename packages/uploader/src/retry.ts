// Which failures are worth another try, and how long to keep trying: capped exponential backoff
// with full jitter, Retry-After honoured in full, a time budget per failing operation, and no
// budget spent while the browser says it is offline (the retry waits for the connection instead).
import {
  EtagNotExposedError,
  HttpError,
  NetworkError,
  PartChecksumError,
  abortError,
  isAbortError,
} from './upload-errors.js';

export interface BackoffOptions {
  /** Delay ceiling for the first retry, in ms; it doubles each retry. */
  baseMs: number;
  /** Largest delay ceiling, in ms (a Retry-After may ask for more: it is honoured). */
  capMs: number;
  /**
   * How long one operation (a part PUT, an API call) may keep failing with transient errors
   * before the upload fails, in ms, counted from its first failure in a row.
   */
  budgetMs: number;
  /** Tries in all, the first one included (default: no limit but the budget). */
  maxAttempts: number;
  /** A number in [0, 1); injectable so tests get a fixed schedule. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  baseMs: 500,
  capMs: 20_000,
  budgetMs: 5 * 60_000,
  maxAttempts: Number.POSITIVE_INFINITY,
  random: Math.random,
};

/** Whether the machine has a network, and a way to wait until it has one again. */
export interface Connectivity {
  online(): boolean;
  /** Resolves once online; rejects with an AbortError when `signal` aborts. */
  whenOnline(signal?: AbortSignal): Promise<void>;
}

/** The browser's navigator.onLine and its `online` event; always online where neither exists (Node). */
export const browserConnectivity: Connectivity = {
  online: () => {
    const navigatorLike = (globalThis as { navigator?: { onLine?: unknown } }).navigator;
    return typeof navigatorLike?.onLine === 'boolean' ? navigatorLike.onLine : true;
  },
  whenOnline: (signal) =>
    new Promise<void>((resolve, reject) => {
      const target = globalThis as unknown as Partial<EventTarget>;
      if (browserConnectivity.online() || typeof target.addEventListener !== 'function') {
        resolve();
        return;
      }
      const done = (): void => {
        target.removeEventListener?.('online', done);
        signal?.removeEventListener('abort', stop);
        resolve();
      };
      const stop = (): void => {
        target.removeEventListener?.('online', done);
        reject(abortError());
      };
      if (signal?.aborted) return stop();
      target.addEventListener('online', done, { once: true });
      signal?.addEventListener('abort', stop, { once: true });
    }),
};

/**
 * The wait before retry number `retry` (0 for the first retry): a uniform draw from
 * [0, min(cap, base * 2^retry)) — AWS's "full jitter", which spreads out clients that failed together.
 */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(retry, 52));
  return Math.floor(options.random() * ceiling);
}

/** What to do after a failure: try again after a backoff, sign the URL again first, or give up. */
export type FailureDecision = 'retry' | 'resign' | 'fatal';

const EXPIRED_SIGNATURE = /Request has expired/i;

/** Retry-After as ms from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The backoff delay, but never shorter than the server's Retry-After (honoured in full). */
export function retryDelay(error: unknown, retry: number, options: BackoffOptions): number {
  const jittered = backoffDelay(retry, options);
  const asked = error instanceof HttpError ? error.retryAfterMs : undefined;
  return asked === undefined ? jittered : Math.max(jittered, asked);
}

/** Transient (network, 5xx, 408, 429) is retried; anything definite fails the upload. */
export function classifyFailure(error: unknown): FailureDecision {
  if (isAbortError(error)) return 'fatal';
  if (error instanceof EtagNotExposedError) return 'fatal';
  if (error instanceof NetworkError || error instanceof PartChecksumError) return 'retry';
  if (error instanceof HttpError) return classifyStatus(error.status, error.body);
  return 'fatal';
}

export function classifyStatus(status: number, body = ''): FailureDecision {
  if (status >= 500 || status === 429 || status === 408) return 'retry';
  if (status === 403 && EXPIRED_SIGNATURE.test(body)) return 'resign';
  return 'fatal';
}

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts; leaves no timer behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What a retry is about to do, told to the caller before the wait. */
export interface RetryWait {
  /** 0-based count of retries in this run of failures. */
  retry: number;
  /** The backoff, or null while waiting for the browser to be online again. */
  delayMs: number | null;
  offline: boolean;
}

export interface FailureStreakOptions {
  backoff: BackoffOptions;
  connectivity?: Connectivity;
  now?: () => number;
  /** How to wait (default: a timer); tests pass one that only moves their clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * One operation's run of consecutive failures. `wait(error)` sleeps before the next try, or
 * rethrows `error` when it is definite, the attempts or the time budget are spent, or the
 * server's Retry-After reaches past the budget. Offline waits do not count against the budget.
 */
export class FailureStreak {
  private retries = 0;
  private since: number | null = null;
  private readonly now: () => number;

  constructor(private readonly options: FailureStreakOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Sent (or called) successfully: the next failure starts a new streak. */
  reset(): void {
    this.retries = 0;
    this.since = null;
  }

  async wait(
    error: unknown,
    signal: AbortSignal | undefined,
    onWait?: (wait: RetryWait) => void,
  ): Promise<void> {
    if (signal?.aborted || classifyFailure(error) !== 'retry') throw error;
    const { backoff, connectivity } = this.options;
    if (connectivity && !connectivity.online()) {
      onWait?.({ retry: this.retries, delayMs: null, offline: true });
      await connectivity.whenOnline(signal);
      // Back online: a fresh streak with the whole budget.
      this.reset();
      return;
    }
    const now = this.now();
    this.since ??= now;
    const remaining = backoff.budgetMs - (now - this.since);
    if (this.retries + 1 >= backoff.maxAttempts || remaining <= 0) throw error;
    const asked = error instanceof HttpError ? error.retryAfterMs : undefined;
    if (asked !== undefined && asked > remaining) throw error;
    const delayMs = Math.min(retryDelay(error, this.retries, backoff), remaining);
    onWait?.({ retry: this.retries, delayMs, offline: false });
    this.retries++;
    await (this.options.sleep ?? sleep)(delayMs, signal);
  }
}

export interface RetryHooks {
  signal?: AbortSignal;
  connectivity?: Connectivity;
  now?: () => number;
  /** Told before each wait: the failure, the retry number (0-based) and the delay (null: offline). */
  onRetry?: (error: unknown, retry: number, delayMs: number | null) => void;
}

/** Runs `operation` until it succeeds, fails for good, or its failures outlast the budget. */
export async function withRetry<T>(
  operation: () => Promise<T>,
  options: BackoffOptions,
  hooks: RetryHooks = {},
): Promise<T> {
  const streak = new FailureStreak({
    backoff: options,
    connectivity: hooks.connectivity,
    now: hooks.now,
  });
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      await streak.wait(error, hooks.signal, ({ retry, delayMs }) =>
        hooks.onRetry?.(error, retry, delayMs),
      );
    }
  }
}
