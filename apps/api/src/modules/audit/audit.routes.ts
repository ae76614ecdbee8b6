// Admin access to the audit log: filtered keyset pages, CSV/NDJSON export, chain verification.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditExportQuery,
  AuditPage,
  AuditQuery,
  AuditVerifyResult,
  type AuditEventView,
} from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { csvWriter } from '../../lib/csv-writer.js';
import { requirePrincipal } from '../../plugins/auth.js';
import { auditContext } from './audit-context.js';
import { findAuditPage, streamAuditEvents } from './audit.repo.js';
import { recordAudit, verifyAuditChain } from './audit.service.js';
import { problemResponses } from '../../plugins/errors.js';

const CSV_COLUMNS: (keyof AuditEventView)[] = [
  'seq',
  'at',
  'actorId',
  'actorEmail',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'ip',
  'userAgent',
  'requestId',
  'details',
  'prevHash',
  'hash',
];

function toCsvRecord(event: AuditEventView): Record<string, string> {
  return Object.fromEntries(
    CSV_COLUMNS.map((column) => {
      const value = event[column];
      return [
        column,
        value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value),
      ];
    }),
  );
}

export function auditRoutes(app: FastifyInstance, options: { db: Db }): void {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const security = [{ bearerAuth: [] }];
  const errors = problemResponses(400, 401, 403);

  api.get(
    '/api/audit',
    {
      ...adminOnly,
      schema: {
        tags: ['audit'],
        description:
          'Searches the append-only audit log by actor (id or email), action or action prefix (`auth.`), outcome, time range and free text, newest first, in keyset pages of up to 500 (`before` = `nextCursor`). Admins only; read-only.',
        summary: 'Audit events, newest first',
        security,
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errors },
      },
    },
    (request) => findAuditPage(db, request.query),
  );

  api.get(
    '/api/audit/export',
    {
      ...adminOnly,
      schema: {
        tags: ['audit'],
        description:
          'Streams every event matching the same filters (no paging), oldest first, as NDJSON (default) or CSV with a download file name. Admins only; the export itself is audited as `audit.export`.',
        summary: 'Export matching events (oldest first) as CSV or NDJSON',
        security,
        querystring: AuditExportQuery,
        response: {
          200: {
            description: 'The events, one per line (NDJSON) or one per row after a header (CSV)',
            content: {
              'application/x-ndjson': {
                schema: z.string().meta({
                  examples: [
                    '{"seq":"1042","at":"2026-03-02T09:15:00.000Z","actorId":"3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c","actorEmail":"ana@example.com","action":"files.delete","targetType":"object","targetId":"team-media/old/report.pdf","outcome":"success","ip":"203.0.113.24","userAgent":"Mozilla/5.0","requestId":"req-7f3a","details":{},"prevHash":"9c1e…","hash":"4b7d…"}\n',
                  ],
                }),
              },
              'text/csv': {
                schema: z.string().meta({
                  examples: [
                    `${CSV_COLUMNS.join(',')}\n1042,2026-03-02T09:15:00.000Z,3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c,ana@example.com,files.delete,object,team-media/old/report.pdf,success,203.0.113.24,Mozilla/5.0,req-7f3a,{},9c1e…,4b7d…\n`,
                  ],
                }),
              },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const principal = requirePrincipal(request);
      await recordAudit(db, {
        ...auditContext(request),
        action: 'audit.export',
        outcome: 'success',
        actorId: principal.userId,
        actorEmail: principal.email,
        details: { format },
      });
      const events = Readable.from(streamAuditEvents(db, filters));
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      void reply.header(
        'content-disposition',
        `attachment; filename="audit-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}"`,
      );
      // Streams: the 200 schema documents the text they produce; Fastify sends streams unserialized.
      const asText = (stream: Readable) => stream as unknown as string;
      if (format === 'csv') {
        const csv = csvWriter(CSV_COLUMNS);
        events.map(toCsvRecord).pipe(csv);
        return reply.type('text/csv; charset=utf-8').send(asText(csv));
      }
      return reply
        .type('application/x-ndjson')
        .send(asText(events.map((event: AuditEventView) => `${JSON.stringify(event)}\n`)));
    },
  );

  api.post(
    '/api/audit/verify',
    {
      ...adminOnly,
      schema: {
        tags: ['audit'],
        description:
          'Recomputes each event’s SHA-256 chain hash from the start and reports how many verified and the first broken link (changed event or changed link), so tampering with stored rows is detectable. Admins only; audited as `audit.verify`.',
        summary: 'Walk the hash chain and report the first broken link',
        security,
        response: { 200: AuditVerifyResult, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const result = await verifyAuditChain(db);
      await recordAudit(db, {
        ...auditContext(request),
        action: 'audit.verify',
        outcome: result.ok ? 'success' : 'failure',
        actorId: principal.userId,
        actorEmail: principal.email,
        details: {
          checked: result.checked,
          ...(result.firstBroken ? { firstBrokenSeq: result.firstBroken.seq.toString() } : {}),
        },
      });
      return {
        ok: result.ok,
        checked: result.checked,
        ...(result.firstBroken
          ? {
              firstBroken: {
                seq: result.firstBroken.seq.toString(),
                reason: result.firstBroken.reason,
              },
            }
          : {}),
      };
    },
  );
}
