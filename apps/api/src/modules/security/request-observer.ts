// Turns answers into security events before they are sent: failed sign-ins and 401/403s (so a
// block lands before the client sees the answer that crossed the threshold) and API calls with a
// scanner's or no user agent.
import type { FastifyInstance } from 'fastify';
import type { SecurityEventKind } from '@s3am/contracts';
import { maskLinkToken } from '../../lib/link-token-mask.js';
import { isScannerAgent } from './detection-rules.js';
import type { SecurityMonitor } from './security-monitor.js';

const SIGN_IN_ROUTE = '/api/auth/login';

export function failureKind(route: string | undefined, status: number): SecurityEventKind | null {
  if (route === SIGN_IN_ROUTE && (status === 401 || status === 403 || status === 429))
    return 'sign_in.failed';
  return status === 401 || status === 403 ? 'request.failed' : null;
}

export function registerRequestObserver(
  app: FastifyInstance,
  monitor: SecurityMonitor,
  clock: () => Date,
): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.refusedByDefender) return payload;
    const route = request.routeOptions.url;
    const userAgent = request.headers['user-agent'] ?? '';
    const failed = failureKind(route, reply.statusCode);
    const path = request.url.split('?')[0] ?? '';
    const scanner =
      path.startsWith('/api/') &&
      isScannerAgent(userAgent, monitor.rules.current().builtIn.scannerAgents);
    if (!failed && !scanner) return payload;
    await monitor.observe([
      {
        at: clock(),
        source: 'api',
        kind: failed ?? 'request',
        ip: request.ip,
        userId: request.principal?.userId ?? null,
        principal: request.principal?.email ?? null,
        userAgent,
        // Unmatched paths are stored as sent, except a link token (a bearer secret) in them.
        route: route ?? maskLinkToken(path),
        status: reply.statusCode,
        requestId: request.id,
      },
    ]);
    return payload;
  });
}
