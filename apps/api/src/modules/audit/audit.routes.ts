// Admin access to the audit log: filtered keyset pages, CSV/NDJSON export, chain verification.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
        summary: 'Export matching events (oldest first) as CSV or NDJSON',
        security,
        querystring: AuditExportQuery,
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
      if (format === 'csv') {
        const csv = csvWriter(CSV_COLUMNS);
        events.map(toCsvRecord).pipe(csv);
        return reply.type('text/csv; charset=utf-8').send(csv);
      }
      return reply
        .type('application/x-ndjson')
        .send(events.map((event: AuditEventView) => `${JSON.stringify(event)}\n`));
    },
  );

  api.post(
    '/api/audit/verify',
    {
      ...adminOnly,
      schema: {
        tags: ['audit'],
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
