// @fastify/rate-limit on every route (per client IP); auth routes set stricter limits themselves.
// With REDIS_URL the counters live in Redis, so every API instance enforces the same limits.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { ErrorCode } from '@s3am/contracts';
import { AppError } from '../lib/app-error.js';

export interface RateLimitOptions {
  max: number;
  timeWindowMs: number;
  redisUrl?: string;
  nameSpace: string;
}

export const rateLimitPlugin = fp(
  async (app: FastifyInstance, options: RateLimitOptions) => {
    // Fail fast instead of queueing requests while Redis is away (the plugin's own advice).
    const redis = options.redisUrl
      ? new Redis(options.redisUrl, {
          connectTimeout: 500,
          maxRetriesPerRequest: 1,
          lazyConnect: false,
        })
      : undefined;
    if (redis) app.addHook('onClose', async () => void (await redis.quit()));
    await app.register(rateLimit, {
      global: true,
      max: options.max,
      timeWindow: options.timeWindowMs,
      ...(redis ? { redis, nameSpace: options.nameSpace } : {}),
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
