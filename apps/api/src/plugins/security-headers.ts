// Security headers on every response (@fastify/helmet): the Content-Security-Policy the SPA and
// /docs (a page of it) run under, no framing, no MIME sniffing, no referrer, COOP, HSTS on https, and
// `Cache-Control: no-store` on API answers (tokens, secrets and presigned URLs travel in them).
// apps/web/nginx.conf sends the same headers; keep the two in step.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/prisma.js';

export interface SecurityHeadersOptions {
  /** The origin people open; HSTS is sent only when it is https. */
  publicUrl: string;
}

export type CspDirectives = Record<string, string[]>;

/**
 * The policy of the SPA, Swagger UI at /docs included (a lazily loaded page of it).
 *
 * - script-src 'self': the Vite build emits module scripts only (no inline script in index.html).
 * - style-src 'unsafe-inline': MUI styles through emotion, which inserts <style> elements at run
 *   time; a nonce would need a per-response HTML rewrite and an emotion cache wired to it. Style
 *   injection cannot run code, and script-src stays strict.
 * - connect-src: browsers PUT/POST file bytes straight to S3 with presigned URLs, and the S3
 *   endpoints are data (connections added and edited at run time, AWS's regional and
 *   virtual-host names), while a CSP is fixed when the page loads and nginx serves a static one.
 *   So any https endpoint is allowed (`https:`: an https page cannot reach plain-http hosts anyway,
 *   mixed content), and plain-http endpoints (the local S3 server, a compose trial's S3) are
 *   added by origin from the registered connections when the page is served. Exfiltration by an
 *   injected script is what connect-src would limit; script-src admits no injected script.
 * - media-src: the details panel plays audio and video straight from storage through presigned
 *   GETs (<audio>/<video> stream with ranged requests, so no blob: copy), hence the same storage
 *   sources as connect-src; without it default-src 'self' blocks every preview.
 * - no upgrade-insecure-requests: it would silently rewrite an http S3 endpoint to https.
 */
export function contentSecurityPolicyDirectives(extraStorageSources: string[] = []): CspDirectives {
  const storageSources = ["'self'", 'https:', ...new Set(extraStorageSources)];
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': storageSources,
    'media-src': storageSources,
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  };
}

export function formatContentSecurityPolicy(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/**
 * Origins of the plain-http S3 endpoints browsers use (a connection's public endpoint, else its
 * endpoint), for connect-src and media-src. https endpoints are already covered by `https:`.
 */
export async function httpConnectSources(db: Db): Promise<string[]> {
  const rows = await db.s3Connection.findMany({
    select: { endpoint: true, publicEndpoint: true },
  });
  const origins = new Set<string>();
  for (const row of rows) {
    const endpoint = row.publicEndpoint ?? row.endpoint;
    if (!endpoint) continue;
    try {
      const url = new URL(endpoint);
      if (url.protocol === 'http:') origins.add(url.origin);
    } catch {
      // A malformed endpoint cannot be connected to anyway: nothing to allow.
    }
  }
  return [...origins].sort();
}

/** Paths whose answers may carry credentials: tokens, one-time passwords, secrets, presigned URLs. */
const NO_STORE_PREFIXES = ['/api/', '/s3/'];

export const securityHeadersPlugin = fp(
  async (app: FastifyInstance, options: SecurityHeadersOptions) => {
    const https = options.publicUrl.startsWith('https://');
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives() },
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
      // HSTS only where people really use https: on http it is ignored at best, and a trial on
      // http://localhost must never teach a browser to insist on https for that host. Only this
      // host: the gateway may live on a domain whose other subdomains are not ours to pin.
      strictTransportSecurity: https
        ? { maxAge: 365 * 24 * 3600, includeSubDomains: false }
        : false,
    });
    app.addHook('onSend', async (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '';
      if (NO_STORE_PREFIXES.some((prefix) => pathname.startsWith(prefix)))
        void reply.header('cache-control', 'no-store');
    });
  },
  { name: 'security-headers' },
);
