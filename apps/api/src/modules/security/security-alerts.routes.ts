// HTTP for alerts (admins): list with filters, acknowledge, resolve, and a live stream (SSE).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AlertList, AlertListQuery, IdParam, SecurityAlertView } from '@s3am/contracts';
import { requirePrincipal } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/errors.js';
import { auditContext } from '../audit/audit-context.js';
import { changeAlertStatus, findAlert, listAlerts } from './alerts.service.js';
import type { SecurityRoutesOptions } from './security.routes.js';

const HEARTBEAT_MS = 25_000;

function actorOf(request: FastifyRequest) {
  const principal = requirePrincipal(request);
  return { ...auditContext(request), userId: principal.userId, email: principal.email };
}

export function securityAlertRoutes(app: FastifyInstance, options: SecurityRoutesOptions): void {
  const { db, monitor, clock } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['security'], security: [{ bearerAuth: [] }] };
  // Open streams end when the server closes (otherwise close() waits for every browser tab).
  const streams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of streams) end();
  });

  api.get(
    '/api/security/alerts',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Alerts raised by the detectors and custom rules (brute force, denied bursts, unusual downloads, log-source findings…), filtered by state, severity or kind, most recently seen first; repeated detections update one alert’s count. Admins only; read-only.',
        summary: 'Security alerts, most recently seen first',
        querystring: AlertListQuery,
        response: { 200: AlertList, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => ({ items: await listAlerts(db, request.query) }),
  );

  for (const [verb, status] of [
    ['ack', 'acknowledged'],
    ['resolve', 'resolved'],
  ] as const) {
    api.post(
      `/api/security/alerts/:id/${verb}`,
      {
        ...adminOnly,
        schema: {
          ...schema,
          summary: verb === 'ack' ? 'Acknowledge an alert' : 'Resolve an alert',
          description:
            verb === 'ack'
              ? 'Marks an alert acknowledged (someone is looking at it) with who and when; it stays open and keeps counting repeats. Admins only; 404 when unknown; audited as `security.alert_ack`.'
              : 'Marks an alert resolved with who and when; a new detection of the same kind opens a new alert. Admins only; 404 when unknown; audited as `security.alert_resolve`.',
          params: IdParam,
          response: { 200: SecurityAlertView, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const alert = await changeAlertStatus(
          db,
          actorOf(request),
          request.params.id,
          status,
          clock(),
        );
        await monitor.bus.publish({ type: 'alert', id: alert.id });
        return alert;
      },
    );
  }

  api.get(
    '/api/security/alerts/stream',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'A Server-Sent Events stream: each new or changed alert arrives as an `alert` event holding a SecurityAlert, on every API instance (changes travel through the database). Admins only; the connection stays open until the client closes it or the server shuts down.',
        summary: 'Live alert changes (text/event-stream; each `alert` event holds a SecurityAlert)',
        response: { ...problemResponses(401, 403) },
      },
    },
    (request, reply) => {
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      raw.write(': connected\n\n');
      const unsubscribe = monitor.bus.subscribe((message) => {
        if (message.type !== 'alert') return;
        void findAlert(db, message.id).then(
          (alert) => {
            if (alert && !raw.writableEnded)
              raw.write(`id: ${alert.id}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`);
          },
          (error: unknown) => request.log.warn({ err: error }, 'cannot read alert for the stream'),
        );
      });
      const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
      };
      const end = () => {
        stop();
        raw.end();
      };
      streams.add(end);
      request.raw.on('close', stop);
    },
  );
}
