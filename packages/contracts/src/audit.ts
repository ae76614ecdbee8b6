// The audit log as seen through the API: events, filters, pages and chain verification.
import { z } from 'zod';

export const AuditOutcome = z.enum(['success', 'failure', 'denied']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

const auditEventExample = {
  seq: '1042',
  at: '2026-03-02T09:15:00.000Z',
  actorId: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
  actorEmail: 'ana@example.com',
  action: 'files.delete',
  targetType: 'object',
  targetId: 'team-media/old/report.pdf',
  outcome: 'success' as const,
  ip: '203.0.113.24',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0',
  requestId: 'req-7f3a',
  details: { connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab', size: 182_044 },
  prevHash: '9c1e5b7a3d2f4e6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a',
  hash: '4b7d9e1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b',
};

export const AuditEventView = z
  .object({
    seq: z.string().describe('Position in the chain (a 64-bit integer, as a string)'),
    at: z.iso.datetime(),
    actorId: z.string().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    outcome: AuditOutcome,
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    prevHash: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent', examples: [auditEventExample] });
export type AuditEventView = z.infer<typeof AuditEventView>;

// Querystring schemas stay inline (no component id): @fastify/swagger cannot resolve a $ref there.
export const AuditQuery = z.object({
  actor: z.string().max(254).optional().describe('Actor user id, or their email or part of it'),
  action: z
    .string()
    .max(100)
    .optional()
    .describe('Exact action, or a prefix ending in `.` (e.g. `auth.`)'),
  outcome: AuditOutcome.optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      'Text searched in action, actor, target, IP, request id and detail fields (object key, folder, email, name, ids)',
    ),
  before: z
    .string()
    .regex(/^\d+$/)
    .optional()
    .describe('Keyset cursor: only events with a smaller seq (newest first)'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z
  .object({
    items: z.array(AuditEventView),
    nextCursor: z.string().nullable().describe('Pass as `before` to get the next (older) page'),
  })
  .meta({ id: 'AuditPage', examples: [{ items: [auditEventExample], nextCursor: '1042' }] });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditExportFormat = z.enum(['csv', 'ndjson']);

export const AuditExportQuery = AuditQuery.omit({ before: true, limit: true }).extend({
  format: AuditExportFormat.default('ndjson'),
});

export const AuditVerifyResult = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().describe('Events verified before the first broken link (or all)'),
    firstBroken: z
      .object({ seq: z.string(), reason: z.enum(['hash_mismatch', 'prev_hash_mismatch']) })
      .optional(),
  })
  .meta({
    id: 'AuditVerifyResult',
    examples: [
      { ok: true, checked: 1042 },
      { ok: false, checked: 311, firstBroken: { seq: '312', reason: 'hash_mismatch' as const } },
    ],
  });
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
