// The documented exit codes, and how an error maps to one (and to a one-line message).
import { ApiError, NetworkError, ResponseShapeError } from '@s3am/client';
import { describeUploadError } from '@s3am/uploader';

export const ExitCode = {
  OK: 0,
  ERROR: 1,
  USAGE: 2,
  AUTH: 3,
  NOT_FOUND_OR_DENIED: 4,
  PARTIAL: 5,
  /** Ctrl-C: stopped cleanly (an upload is paused; the same command resumes it). */
  INTERRUPTED: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the CLI raises itself, with the exit code it means. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.ERROR,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(message, ExitCode.USAGE);
export const notFoundError = (message: string) =>
  new CliError(message, ExitCode.NOT_FOUND_OR_DENIED);

export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof ApiError) {
    if (error.status === 401) return ExitCode.AUTH;
    if (error.status === 403 || error.status === 404) return ExitCode.NOT_FOUND_OR_DENIED;
    if (error.status === 400 && error.code === 'VALIDATION') return ExitCode.USAGE;
  }
  return ExitCode.ERROR;
}

/** One line for a person: the problem's detail, never a stack trace. */
export function messageFor(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.errors.map((entry) => `${entry.path}: ${entry.message}`).join('; ');
    const hint =
      error.status === 401 &&
      !['INVALID_CREDENTIALS', 'INVALID_TOTP', 'TOTP_REQUIRED'].includes(error.code ?? '')
        ? ' Run `s3am login` (or set S3AM_TOKEN).'
        : '';
    return `${error.detail}${fields ? ` (${fields})` : ''}${hint}`;
  }
  if (error instanceof NetworkError || error instanceof ResponseShapeError) return error.message;
  if (error instanceof CliError) return error.message;
  return describeUploadError(error);
}
