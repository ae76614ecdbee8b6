// Rate limits on every request, unknown routes included, counted in a root onRequest hook: it runs
// before any route's authentication, so calls with bogus credentials are throttled like the rest.
// Each request spends two budgets: a ceiling per client IP, and either its caller's budget (the
// signed-in person or API token, anonymous callers per IP) or its route's own (sign-in, refresh).
// With REDIS_URL the counters live in Redis, so every API instance enforces the same limits.
import rateLimit, { normalizeIP, type CreateRateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { ErrorCode } from '@s3am/contracts';
import { AppError } from '../lib/app-error.js';

/**
 * The budget a route spends: its caller's (the default), a route's own per-IP budget (anonymous
 * routes only), or `none` for the web app's files on disk: they ask nothing of the database or
 * of authentication, one page load fetches dozens of them, and counting them would spend a
 * signed-out office's budget on JavaScript before anyone signs in.
 */
export type RouteRateBudget = 'caller' | 'login' | 'refresh' | 'link' | 'none';

declare module 'fastify' {
  interface FastifyContextConfig {
    rateBudget?: RouteRateBudget;
  }
}

export interface RateLimitOptions {
  /** Per caller: a signed-in person, an API token, or an anonymous client IP. */
  max: number;
  /** Everything from one client IP. */
  ipMax: number;
  loginMax: number;
  refreshMax: number;
  /** Public share / upload-request link calls per client IP. */
  linkMax: number;
  timeWindowMs: number;
  redisUrl?: string;
  nameSpace: string;
  /**
   * Who is calling, from credentials that prove themselves without the database (the limiter
   * runs before authentication); undefined = anonymous, counted per client IP.
   */
  callerKey: (request: FastifyRequest) => string | undefined;
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
type LimitResult = Exclude<Awaited<ReturnType<Limiter>>, { isAllowed: true }>;

/** Counters kept in memory per limiter (least recently used are dropped first). */
const LOCAL_KEYS = 20_000;

function sendLimitHeaders(reply: FastifyReply, result: LimitResult): void {
  void reply.header('x-ratelimit-limit', result.max);
  void reply.header('x-ratelimit-remaining', result.remaining);
  void reply.header('x-ratelimit-reset', result.ttlInSeconds);
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
    // global: false: no per-route hooks (those would run after the route's authentication).
    await app.register(rateLimit, {
      global: false,
      timeWindow: options.timeWindowMs,
      ...(redis ? { redis, nameSpace: options.nameSpace } : {}),
    });

    const clientIp = (request: FastifyRequest) => normalizeIP(request.ip);
    // Keys carry the limiter's name: in Redis all limiters share one key space.
    const limiter = (max: number, key: (request: FastifyRequest) => string): Limiter => {
      // `cache` (the in-memory LRU size) is honoured by createRateLimit but missing from its types.
      const settings: CreateRateLimitOptions & { cache: number } = {
        max,
        timeWindow: options.timeWindowMs,
        keyGenerator: key,
        cache: LOCAL_KEYS,
      };
      return app.createRateLimit(settings);
    };
    const perIp = limiter(options.ipMax, (request) => `ip:${clientIp(request)}`);
    const budgets: Record<Exclude<RouteRateBudget, 'none'>, Limiter> = {
      caller: limiter(
        options.max,
        (request) => options.callerKey(request) ?? `anon:${clientIp(request)}`,
      ),
      login: limiter(options.loginMax, (request) => `login:${clientIp(request)}`),
      refresh: limiter(options.refreshMax, (request) => `refresh:${clientIp(request)}`),
      link: limiter(options.linkMax, (request) => `link:${clientIp(request)}`),
    };

    app.addHook('onRequest', async (request, reply) => {
      const budgetName = request.routeOptions.config.rateBudget ?? 'caller';
      if (budgetName === 'none') return;
      const budget = budgets[budgetName];
      const results = [await budget(request), await perIp(request)].filter(
        (result): result is LimitResult => !result.isAllowed,
      );
      const exceeded = results.find((result) => result.isExceeded);
      const shown = exceeded ?? results[0];
      if (shown) sendLimitHeaders(reply, shown);
      if (exceeded) {
        const seconds = Math.max(1, exceeded.ttlInSeconds);
        // Rendered as problem+json by the error plugin.
        throw new AppError(
          ErrorCode.RATE_LIMITED,
          `Too many requests. Try again in ${seconds} s.`,
          { 'retry-after': String(seconds) },
        );
      }
    });
  },
  { name: 'rate-limit' },
);
