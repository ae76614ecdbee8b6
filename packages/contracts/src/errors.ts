// Stable error codes and the RFC 9457 problem+json shape every API error uses.
import { z } from 'zod';

export const ErrorCode = {
  VALIDATION: 'VALIDATION',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  INVALID_REFRESH_TOKEN: 'INVALID_REFRESH_TOKEN',
  FORBIDDEN: 'FORBIDDEN',
  NOT_READY: 'NOT_READY',
  INTERNAL: 'INTERNAL',
  PASSWORD_POLICY: 'PASSWORD_POLICY',
  LAST_ADMIN: 'LAST_ADMIN',
  USER_NOT_FOUND: 'USER_NOT_FOUND',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
  TOKEN_SCOPE: 'TOKEN_SCOPE',
  SESSION_REQUIRED: 'SESSION_REQUIRED',
  TOTP_REQUIRED: 'TOTP_REQUIRED',
  INVALID_TOTP: 'INVALID_TOTP',
  TOTP_ENROLLMENT_REQUIRED: 'TOTP_ENROLLMENT_REQUIRED',
  CONNECTION_NOT_FOUND: 'CONNECTION_NOT_FOUND',
  ENDPOINT_REFUSED: 'ENDPOINT_REFUSED',
  CONNECTION_INVALID: 'CONNECTION_INVALID',
  GRANT_DENIED: 'GRANT_DENIED',
  INVALID_KEY: 'INVALID_KEY',
  UPLOAD_NOT_FOUND: 'UPLOAD_NOT_FOUND',
  UPLOAD_NOT_IN_PROGRESS: 'UPLOAD_NOT_IN_PROGRESS',
  UPLOAD_TOO_LARGE: 'UPLOAD_TOO_LARGE',
  UPLOAD_TYPE_NOT_ALLOWED: 'UPLOAD_TYPE_NOT_ALLOWED',
  OBJECT_EXISTS: 'OBJECT_EXISTS',
  UPLOAD_PARTS_INVALID: 'UPLOAD_PARTS_INVALID',
  STORAGE_ERROR: 'STORAGE_ERROR',
  S3_TIMEOUT: 'S3_TIMEOUT',
  ENDPOINT_BLOCKED: 'ENDPOINT_BLOCKED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  MIGRATION_NOT_FOUND: 'MIGRATION_NOT_FOUND',
  MIGRATION_OVERLAP: 'MIGRATION_OVERLAP',
  MIGRATION_STATE: 'MIGRATION_STATE',
  MIGRATION_LOCATION_UNAVAILABLE: 'MIGRATION_LOCATION_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Status and title for each code: the one table the error plugin (and clients) read. */
export const ERROR_CATALOG: Record<ErrorCode, { status: number; title: string }> = {
  VALIDATION: { status: 400, title: 'Invalid request' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  CONFLICT: { status: 409, title: 'Conflict' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication required' },
  INVALID_CREDENTIALS: { status: 401, title: 'Invalid credentials' },
  INVALID_REFRESH_TOKEN: { status: 401, title: 'Session expired' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  NOT_READY: { status: 503, title: 'Service not ready' },
  INTERNAL: { status: 500, title: 'Internal server error' },
  PASSWORD_POLICY: { status: 400, title: 'Password does not meet the policy' },
  LAST_ADMIN: { status: 409, title: 'The last active admin must stay' },
  USER_NOT_FOUND: { status: 404, title: 'User not found' },
  EMAIL_TAKEN: { status: 409, title: 'Email already in use' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: 'Password change required' },
  LOGIN_THROTTLED: { status: 429, title: 'Too many failed sign-in attempts' },
  TOKEN_SCOPE: { status: 403, title: 'API token lacks the required scope' },
  SESSION_REQUIRED: { status: 403, title: 'Sign in interactively for this action' },
  TOTP_REQUIRED: { status: 401, title: 'Two-factor code required' },
  INVALID_TOTP: { status: 401, title: 'Invalid two-factor code' },
  TOTP_ENROLLMENT_REQUIRED: { status: 403, title: 'Set up two-factor authentication first' },
  CONNECTION_NOT_FOUND: { status: 404, title: 'Connection not found' },
  ENDPOINT_REFUSED: { status: 400, title: 'Endpoint not allowed' },
  CONNECTION_INVALID: { status: 400, title: 'Incomplete connection settings' },
  GRANT_DENIED: { status: 403, title: 'No grant allows this' },
  INVALID_KEY: { status: 400, title: 'Invalid object key' },
  UPLOAD_NOT_FOUND: { status: 404, title: 'Upload not found' },
  UPLOAD_NOT_IN_PROGRESS: { status: 409, title: 'The upload is no longer in progress' },
  UPLOAD_TOO_LARGE: { status: 413, title: 'File too large' },
  UPLOAD_TYPE_NOT_ALLOWED: { status: 415, title: 'File type not allowed' },
  OBJECT_EXISTS: { status: 409, title: 'An object with this key exists' },
  UPLOAD_PARTS_INVALID: { status: 400, title: 'The parts do not make up the file' },
  STORAGE_ERROR: { status: 502, title: 'The storage service refused the request' },
  S3_TIMEOUT: { status: 504, title: 'The storage service did not answer in time' },
  ENDPOINT_BLOCKED: {
    status: 502,
    title: "The storage endpoint is not allowed by this server's network policy",
  },
  DATABASE_UNAVAILABLE: { status: 503, title: 'The database is unavailable' },
  MIGRATION_NOT_FOUND: { status: 404, title: 'Migration not found' },
  MIGRATION_OVERLAP: { status: 400, title: 'Source and destination overlap' },
  MIGRATION_STATE: { status: 409, title: 'Not possible in the migration state' },
  MIGRATION_LOCATION_UNAVAILABLE: {
    status: 400,
    title: 'A migration location cannot be reached or is not permitted',
  },
};

export const ERROR_STATUS = Object.fromEntries(
  Object.entries(ERROR_CATALOG).map(([code, entry]) => [code, entry.status]),
) as Record<ErrorCode, number>;

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Validation failures, one per offending field'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;
