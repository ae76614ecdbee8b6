// Exponential backoff with full jitter, and which failures are worth another try.
import {
  EtagNotExposedError,
  HttpError,
  NetworkError,
  PartChecksumError,
  abortError,
  isAbortError,
} from './upload-errors.js';

export interface BackoffOptions {
  /** Delay cap for the first retry, in ms; it doubles each attempt. */
  baseMs: number;
  /** Largest delay cap, in ms. */
  capMs: number;
  /** Tries in all, the first one included. */
  maxAttempts: number;
  /** A number in [0, 1); injectable so tests get a fixed schedule. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  baseMs: 500,
  capMs: 30_000,
  maxAttempts: 6,
  random: Math.random,
};

/**
 * The wait before retry number `retry` (0 for the first retry): a uniform draw from
 * [0, min(cap, base * 2^retry)) — AWS's "full jitter", which spreads out clients that failed together.
 */
export function backoffDelay(retry: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** retry);
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

/** The backoff delay, but never shorter than the server's Retry-After (itself capped at `capMs`). */
export function retryDelay(error: unknown, retry: number, options: BackoffOptions): number {
  const jittered = backoffDelay(retry, options);
  const asked = error instanceof HttpError ? error.retryAfterMs : undefined;
  return asked === undefined ? jittered : Math.max(jittered, Math.min(asked, options.capMs));
}

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

export interface RetryHooks {
  signal?: AbortSignal;
  /** Told before each wait: the failure, the retry number (0-based) and the delay. */
  onRetry?: (error: unknown, retry: number, delayMs: number) => void;
}

/** Runs `operation` until it succeeds, fails for good, or runs out of attempts. */
export async function withRetry<T>(
  operation: () => Promise<T>,
  options: BackoffOptions,
  hooks: RetryHooks = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (hooks.signal?.aborted) throw error;
      if (classifyFailure(error) !== 'retry' || attempt + 1 >= options.maxAttempts) throw error;
      const delay = retryDelay(error, attempt, options);
      hooks.onRetry?.(error, attempt, delay);
      await sleep(delay, hooks.signal);
    }
  }
}
