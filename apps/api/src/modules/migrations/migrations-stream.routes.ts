// GET /api/migrations/:id/events: Server-Sent Events with the job's whole state on connect and on
// every change (coalesced), and the log lines the viewer has not seen (Last-Event-ID = last seq).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../plugins/errors.js';
import type { MigrationEventHub } from './migration-events.js';
import { getMigration, type MigrationsDeps } from './migrations.service.js';

const KEEPALIVE_MS = 15_000;

export function migrationsStreamRoute(
  app: FastifyInstance,
  deps: MigrationsDeps,
  hub: MigrationEventHub,
): void {
  // Open streams end when the app closes (one hook for all of them).
  const open = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const end of [...open]) end();
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/migrations/:id/events',
    {
      onRequest: [app.authenticate, app.requireRole('admin')],
      schema: {
        tags: ['migrations'],
        security: [{ bearerAuth: [] }],
        summary:
          'Live state (text/event-stream): a `migration` event with the current state first, then one per change (≥ 250 ms apart); send Last-Event-ID to resume the log',
        description:
          'Admins only. Fed by PostgreSQL LISTEN/NOTIFY, so viewers on different API instances see the same events. Each event carries the whole job, its speed and ETA, and new log lines.',
        params: z.object({ id: z.uuid() }),
        headers: z
          .object({
            'last-event-id': z
              .string()
              .regex(/^\d{1,18}$/)
              .optional(),
          })
          .loose(),
        response: problemResponses(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      await getMigration(deps, request.params.id); // 404 as problem+json before the stream opens
      const lastEventId = request.headers['last-event-id'];
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      raw.write('retry: 2000\n\n');
      let closed = false;
      const unwatch = await hub.watch(request.params.id, {
        lastSeq: lastEventId ? BigInt(lastEventId) : null,
        send: (id, event) => {
          if (!closed && !raw.writableEnded)
            raw.write(`id: ${id}\nevent: migration\ndata: ${JSON.stringify(event)}\n\n`);
        },
      });
      const keepalive = setInterval(() => raw.write(': keepalive\n\n'), KEEPALIVE_MS);
      const stop = () => {
        if (closed) return;
        closed = true;
        open.delete(end);
        clearInterval(keepalive);
        unwatch();
      };
      const end = () => {
        stop();
        raw.end();
      };
      open.add(end);
      request.raw.on('close', stop);
    },
  );
}
