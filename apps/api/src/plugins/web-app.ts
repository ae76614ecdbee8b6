// Serves the built SPA (apps/web/dist) on the API's port, with index.html for client-side routes.
// Hashed assets (/assets/*) never change under their name: cached for a year, immutable, and sent
// as the brotli or gzip copy the build wrote beside them (apps/web/vite.config.ts) when the browser
// accepts it. Everything else (index.html, favicon…) is revalidated on every use.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorCode } from '@s3am/contracts';
import type { Db } from '../db/prisma.js';
import { AppError } from '../lib/app-error.js';
import {
  contentSecurityPolicyDirectives,
  formatContentSecurityPolicy,
  httpConnectSources,
} from './security-headers.js';

export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Paths the SPA must never shadow: unknown ones there are real 404s. */
const SERVER_PREFIXES = ['/api/', '/openapi.json', '/health', '/ready', '/metrics', '/s3/'];

export const webAppPlugin = fp(
  async (app: FastifyInstance, options: { distDir: string; db: Db }) => {
    if (!existsSync(path.join(options.distDir, 'index.html'))) {
      app.log.warn({ distDir: options.distDir }, 'web app not built; run `pnpm build` to serve it');
      return;
    }
    // A scope of its own, so that its hook marks only the files' routes.
    await app.register(async (scope) => serveDist(scope, options));
  },
  { name: 'web-app', dependencies: ['rate-limit'] },
);

async function serveDist(scope: FastifyInstance, options: { distDir: string; db: Db }) {
  // Files on disk spend no rate budget (see RouteRateBudget); documents spend the caller's.
  scope.addHook('onRoute', (route) => {
    route.config = { rateBudget: 'none', ...route.config };
  });
  const assetsDir = path.join(path.resolve(options.distDir), 'assets') + path.sep;
  await scope.register(fastifyStatic, {
    root: options.distDir,
    wildcard: false,
    index: false,
    cacheControl: false,
    preCompressed: true,
    // The .br/.gz copies are encodings of their file, never addresses of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (reply, filePath) => {
      void reply.header(
        'cache-control',
        filePath.startsWith(assetsDir) ? IMMUTABLE_CACHE_CONTROL : 'no-cache',
      );
    },
  });
  // The page's CSP lets it reach the plain-http S3 endpoints registered when it is served.
  const sendIndex = async (reply: FastifyReply) => {
    const directives = contentSecurityPolicyDirectives(await httpConnectSources(options.db));
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', formatContentSecurityPolicy(directives))
      .sendFile('index.html');
  };
  const documentRoute = { schema: { hide: true }, config: { rateBudget: 'caller' } } as const;
  scope.get('/', documentRoute, (_request, reply) => sendIndex(reply));
  scope.get('/*', documentRoute, (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (SERVER_PREFIXES.some((prefix) => pathname.startsWith(prefix))) {
      throw new AppError(ErrorCode.NOT_FOUND, `No route for GET ${pathname}`);
    }
    // Hashed build assets are immutable; anything else that is not a file is a client route.
    if (pathname.startsWith('/assets/'))
      throw new AppError(ErrorCode.NOT_FOUND, `No file ${pathname}`);
    return sendIndex(reply);
  });
}
