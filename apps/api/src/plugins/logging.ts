// Logger settings for the API and the worker: JSON lines for machines (files, compose, CI),
// readable lines for a person at a terminal, and in both the same redaction and error shape.
import type { FastifyServerOptions } from 'fastify';
import PinoPretty from 'pino-pretty';
import { maskLinkToken } from '../lib/link-token-mask.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type LogFormat = 'json' | 'pretty';

/** Never logged: credentials, cookies, and the query string of presigned URLs. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.secret',
  '*.secretAccessKey',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
];

/** `auto` follows stdout: a terminal gets readable lines, anything else (a pipe, a file) JSON. */
export function resolveLogFormat(
  setting: 'auto' | LogFormat,
  stdoutIsTerminal: boolean | undefined,
): LogFormat {
  if (setting !== 'auto') return setting;
  return stdoutIsTerminal ? 'pretty' : 'json';
}

export interface SerializedError {
  [field: string]: unknown;
  type: string;
  message: string;
  code?: string | number;
  stack: string;
  cause?: SerializedError;
}

/**
 * Only what helps an operator: type, message, code, stack (and the cause, same shape). Errors from
 * `pg` and pg-boss carry their client or pool as enumerable properties; pino's default serializer
 * would dump those (kilobytes of connection state, sometimes the connection string) into the log.
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' };
  const code = (error as { code?: unknown }).code;
  const serialized: SerializedError = {
    type: error.constructor.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack ?? '',
  };
  if (error.cause !== undefined && depth < 3)
    serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}

/** pino options shared by every logger we build (level, redaction, serializers). */
export function loggerOptions(
  level: string,
  format: LogFormat = 'json',
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      // Drop query strings (presigned URLs and tokens can travel there) and link tokens in paths.
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        url: maskLinkToken(req.url.split('?')[0] ?? ''),
        id: req.id,
      }),
      err: (error: Error) => serializeError(error),
    },
    ...(format === 'pretty' ? { stream: prettyStream() } : {}),
  };
}

function prettyStream(): NodeJS.WritableStream {
  return PinoPretty({
    colorize: process.stdout.isTTY,
    // Synchronous, so the last lines before a shutdown's process.exit() are never lost.
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
  });
}

/**
 * On a terminal, per-request lines (Fastify's "incoming request"/"request completed", 4xx
 * rejections) would push the banner off the screen: request loggers there show warnings and
 * errors only, unless LOG_LEVEL asks for debug or trace. JSON logs keep them at info (they are
 * the access log of a deployment).
 */
export function requestLogLevel(level: LogLevel, format: LogFormat): LogLevel {
  return format === 'pretty' && level === 'info' ? 'warn' : level;
}

/** The Fastify options that set up logging for the API. */
export function appLoggingOptions(
  level: LogLevel,
  format: LogFormat,
): Pick<FastifyServerOptions, 'logger' | 'childLoggerFactory'> {
  const perRequest = requestLogLevel(level, format);
  return {
    logger: loggerOptions(level, format),
    ...(perRequest === level
      ? {}
      : {
          childLoggerFactory: (logger, bindings, options) =>
            // A route's own logLevel (options.level) still wins.
            logger.child(bindings, { level: perRequest, ...options }),
        }),
  };
}
