// Prometheus metrics (prom-client): process defaults + an HTTP request duration histogram, served
// at /metrics on the API port (behind METRICS_TOKEN when set) or on an internal port of its own.
import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ErrorCode } from '@s3am/contracts';
import { AppError } from '../lib/app-error.js';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

export interface MetricsOptions {
  /** When set, scrapers must send `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** False when METRICS_PORT serves /metrics on an internal port instead of the API port. */
  onMainPort: boolean;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time check of a bearer token (hashing first makes the lengths equal). */
export function metricsAuthorized(
  headers: IncomingHttpHeaders,
  token: string | undefined,
): boolean {
  if (!token) return true;
  const header = headers.authorization;
  if (!header?.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}

export const metricsPlugin = fp(
  (app: FastifyInstance, options: MetricsOptions) => {
    // One registry per app instance, so tests can build several apps in one process.
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 's3am_' });
    const duration = new Histogram({
      name: 's3am_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    app.decorate('metrics', registry);
    app.addHook('onResponse', async (request, reply) => {
      duration.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
    });
    if (!options.onMainPort) return;
    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (!metricsAuthorized(request.headers, options.token))
        throw new AppError(ErrorCode.UNAUTHENTICATED, 'Send the metrics token as a bearer token.');
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  },
  { name: 'metrics' },
);

export interface MetricsServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/**
 * /metrics on an internal port of its own (METRICS_PORT), e.g. reachable only inside the
 * cluster network; the API port then does not serve it. The token applies here too when set.
 */
export async function startMetricsServer(
  registry: Registry,
  listen: { host: string; port: number; token?: string | undefined },
): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' || pathname !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (!metricsAuthorized(request.headers, listen.token)) {
      response
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
        .end('unauthorized\n');
      return;
    }
    registry.metrics().then(
      (body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}/metrics`,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
