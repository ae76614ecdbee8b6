// What a failed call means for a person: a sentence, the problem's code, how long to wait. Reads
// the typed client's errors (ApiError: the API's problem+json; NetworkError: no answer at all).
import { ApiError, NetworkError } from '@s3am/client';
import type { ErrorCode } from '@s3am/contracts';
import { i18n } from '../features/i18n/i18n';

/** A sentence to show a person for any failed call. */
export function problemMessage(error: unknown): string {
  if (error instanceof NetworkError) {
    return i18n.t('common.unreachable');
  }
  if (error instanceof ApiError) return error.detail;
  return error instanceof Error ? error.message : i18n.t('common.somethingWrong');
}

export function problemCode(error: unknown): ErrorCode | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

/** Whole seconds from a 429's or 503's Retry-After header. */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const ms = error.extra.retryAfterMs;
  return ms !== undefined && ms > 0 ? Math.ceil(ms / 1000) : undefined;
}
