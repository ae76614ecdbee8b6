// The one error type services throw; the error plugin turns it into problem+json.
import { ERROR_STATUS, type ErrorCode } from '@s3am/contracts';

export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    /** Human-readable and safe to show to the caller: never secrets or internals. */
    readonly detail?: string,
    /** Extra response headers (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? code);
    this.name = 'AppError';
    this.statusCode = ERROR_STATUS[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
