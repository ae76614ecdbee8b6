// @fastify/rate-limit on every route (per client IP); auth routes set stricter limits themselves.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorCode } from '@s3am/contracts';
import { AppError } from '../lib/app-error.js';

export interface RateLimitOptions {
  max: number;
  timeWindowMs: number;
}

export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: RateLimitOptions) => {
    await app.register(rateLimit, {
      global: true,
      max: options.max,
      timeWindow: options.timeWindowMs,
      // Thrown, then rendered as problem+json by the error plugin; Retry-After is added by the plugin.
      errorResponseBuilder: (_request, context) =>
        new AppError(
          ErrorCode.RATE_LIMITED,
          `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
        ),
    });
  },
  { name: 'rate-limit' },
);
