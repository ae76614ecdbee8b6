// The audit log as seen through the API: events, filters, pages and chain verification.
import { z } from 'zod';

export const AuditOutcome = z.enum(['success', 'failure', 'denied']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

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
  .meta({ id: 'AuditEvent' });
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
  .meta({ id: 'AuditPage' });
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
  .meta({ id: 'AuditVerifyResult' });
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
