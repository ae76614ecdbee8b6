// Maps every error to RFC 9457 problem+json with a stable `code`, in one place.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CATALOG, ErrorCode, ProblemSchema, type Problem } from '@s3am/contracts';
import { Prisma } from '../db/prisma.js';
import { AppError, isAppError } from '../lib/app-error.js';
import { isDatabaseUnavailable } from '../lib/database-errors.js';

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Fastify's own 4xx errors (bad JSON, wrong content type...) keep their meaning. */
const FASTIFY_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.VALIDATION,
  401: ErrorCode.UNAUTHENTICATED,
  404: ErrorCode.NOT_FOUND,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.VALIDATION,
};

export function problemFor(
  code: ErrorCode,
  request: FastifyRequest,
  detail?: string,
  errors?: Problem['errors'],
): Problem {
  return {
    type: `urn:s3am:error:${code.toLowerCase().replaceAll('_', '-')}`,
    title: ERROR_CATALOG[code].title,
    status: ERROR_CATALOG[code].status,
    code,
    ...(detail ? { detail } : {}),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

function toProblem(
  error: FastifyError | AppError,
  request: FastifyRequest,
): { problem: Problem; headers?: Record<string, string> } {
  if (isAppError(error)) {
    return { problem: problemFor(error.code, request, error.detail), headers: error.headers };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: [error.validationContext, issue.instancePath.replace(/^\//, '').replaceAll('/', '.')]
        .filter(Boolean)
        .join('.'),
      message: issue.message ?? 'is invalid',
    }));
    return {
      problem: problemFor(
        ErrorCode.VALIDATION,
        request,
        'The request does not match the schema.',
        errors,
      ),
    };
  }
  // An outage, not a bug: say so, and when to try again (the pool reconnects by itself).
  if (isDatabaseUnavailable(error)) {
    return {
      problem: problemFor(
        ErrorCode.DATABASE_UNAVAILABLE,
        request,
        'The database cannot be reached right now. Try again in a few seconds.',
      ),
      headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
    };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002')
      return {
        problem: problemFor(
          ErrorCode.CONFLICT,
          request,
          'A record with these values already exists.',
        ),
      };
    if (error.code === 'P2025') return { problem: problemFor(ErrorCode.NOT_FOUND, request) };
  }
  const status = (error as FastifyError).statusCode;
  const mapped = status !== undefined ? FASTIFY_STATUS_CODES[status] : undefined;
  if (mapped) return { problem: problemFor(mapped, request, error.message) };
  return {
    problem: problemFor(
      ErrorCode.INTERNAL,
      request,
      `Something went wrong. Quote request id ${request.id} when reporting it.`,
    ),
  };
}

export const errorsPlugin = fp(
  (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      const { problem, headers } = toProblem(error, request);
      if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: problem.code, status: problem.status }, 'request rejected');
      if (headers) void reply.headers(headers);
      return sendProblem(reply, problem);
    });
    // Unknown routes count toward the rate limit too (its root onRequest hook runs for them).
    app.setNotFoundHandler((request, reply) =>
      sendProblem(
        reply,
        problemFor(
          ErrorCode.NOT_FOUND,
          request,
          `No route for ${request.method} ${request.url.split('?')[0]}`,
        ),
      ),
    );
  },
  { name: 'errors', dependencies: ['rate-limit'] },
);

export { AppError };

/** Route `response` entries: problem+json for each of these statuses. */
export function problemResponses<S extends number>(
  ...statuses: S[]
): Record<S, typeof ProblemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ProblemSchema])) as Record<
    S,
    typeof ProblemSchema
  >;
}
