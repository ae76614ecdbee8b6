// The security monitor's wire shapes: alerts, IP blocks and allow-lists, rule settings, custom
// rules and notification channels.
import { z } from 'zod';

export const SecuritySeverity = z.enum(['LOW', 'MEDIUM', 'HIGH']);
export type SecuritySeverity = z.infer<typeof SecuritySeverity>;

export const AlertStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertStatus = z.infer<typeof AlertStatus>;

/** What the detectors see: our own requests and audit events, and S3/CloudTrail log records. */
export const SecurityEventKind = z.enum([
  'request.failed',
  'sign_in.failed',
  'sign_in',
  'admin.denied',
  'request',
  'upload',
  'object.read',
  'object.delete',
  /** A log record of a principal not on its source's known list (other tools, leaked keys). */
  'principal.unknown',
]);
export type SecurityEventKind = z.infer<typeof SecurityEventKind>;

export const SecurityEventSource = z.enum(['api', 's3_access_log', 'cloudtrail']);
export type SecurityEventSource = z.infer<typeof SecurityEventSource>;

const IPV4_CIDR = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6_CIDR = /^[0-9a-fA-F:.]+(\/\d{1,3})?$/;
/** An address or CIDR range; the API re-checks it with a real parser (ipaddr.js). */
export const CidrString = z
  .string()
  .trim()
  .max(64)
  .refine((value) => IPV4_CIDR.test(value) || (value.includes(':') && IPV6_CIDR.test(value)), {
    message: 'must be an IP address or CIDR range',
  });

export const AlertEvidenceItem = z.object({
  id: z.string().describe('Security event id'),
  at: z.iso.datetime(),
  kind: SecurityEventKind,
  source: SecurityEventSource,
  ip: z.string().nullable(),
  requestId: z.string().nullable().describe('Joins the audit log (its requestId column)'),
  auditSeq: z.string().nullable(),
  line: z.string().nullable().describe('The S3 access-log / CloudTrail record, for log sources'),
});
export type AlertEvidenceItem = z.infer<typeof AlertEvidenceItem>;

const alertExample = {
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  severity: 'HIGH' as const,
  rule: 'failed-requests',
  subjectType: 'ip' as const,
  subject: '198.51.100.23',
  summary: '25 failed requests from 198.51.100.23 within 5 minutes',
  evidence: [
    {
      id: '90817',
      at: '2026-03-02T03:14:07.000Z',
      kind: 'sign_in.failed' as const,
      source: 'api' as const,
      ip: '198.51.100.23',
      requestId: 'req-9d2c',
      auditSeq: '1038',
      line: null,
    },
  ],
  count: 3,
  firstSeen: '2026-03-02T03:10:00.000Z',
  lastSeen: '2026-03-02T03:14:07.000Z',
  status: 'open' as const,
  acknowledgedBy: null,
  acknowledgedAt: null,
  resolvedBy: null,
  resolvedAt: null,
};
const blockExample = {
  id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
  cidr: '198.51.100.0/24',
  reason: 'Brute-force sign-ins from this range',
  source: 'manual',
  alertId: null,
  createdBy: 'admin@example.com',
  createdAt: '2026-03-02T03:20:00.000Z',
  expiresAt: '2026-03-09T03:20:00.000Z',
};
const allowExample = {
  id: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b',
  userId: null,
  cidr: '203.0.113.0/24',
  note: 'Office network',
  createdAt: '2026-01-10T09:00:00.000Z',
};

export const SecurityAlertView = z
  .object({
    id: z.uuid(),
    severity: SecuritySeverity,
    rule: z.string(),
    subjectType: z.enum(['ip', 'user']),
    subject: z.string().describe('The IP address or the user id'),
    summary: z.string(),
    evidence: z.array(AlertEvidenceItem).describe('The newest events behind the alert (capped)'),
    count: z.number().int().describe('Detections folded into this alert by the dedup window'),
    firstSeen: z.iso.datetime(),
    lastSeen: z.iso.datetime(),
    status: AlertStatus,
    acknowledgedBy: z.string().nullable(),
    acknowledgedAt: z.iso.datetime().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SecurityAlert', examples: [alertExample] });
export type SecurityAlertView = z.infer<typeof SecurityAlertView>;

export const AlertListQuery = z.object({
  status: AlertStatus.optional(),
  severity: SecuritySeverity.optional(),
  rule: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const AlertList = z
  .object({ items: z.array(SecurityAlertView) })
  .meta({ id: 'SecurityAlertList', examples: [{ items: [alertExample] }] });
export type AlertList = z.infer<typeof AlertList>;

export const IpBlockView = z
  .object({
    id: z.uuid(),
    cidr: z.string(),
    reason: z.string(),
    source: z.string().describe('`manual` or the rule that blocked it'),
    alertId: z.uuid().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable().describe('null = until removed'),
  })
  .meta({ id: 'IpBlock', examples: [blockExample] });
export type IpBlockView = z.infer<typeof IpBlockView>;

export const CreateIpBlockRequest = z
  .object({
    cidr: CidrString,
    reason: z.string().trim().min(1).max(500),
    expiresAt: z.iso.datetime().nullable().optional().describe('Omit or null: until removed'),
  })
  .meta({
    id: 'CreateIpBlockRequest',
    examples: [
      {
        cidr: '198.51.100.0/24',
        reason: 'Brute-force sign-ins from this range',
        expiresAt: '2026-03-09T03:20:00.000Z',
      },
    ],
  });
export type CreateIpBlockRequest = z.infer<typeof CreateIpBlockRequest>;

export const IpBlockList = z
  .object({ items: z.array(IpBlockView) })
  .meta({ id: 'IpBlockList', examples: [{ items: [blockExample] }] });
export type IpBlockList = z.infer<typeof IpBlockList>;

export const AllowListEntryView = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable().describe('null = the global list'),
    cidr: z.string(),
    note: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AllowListEntry', examples: [allowExample] });
export type AllowListEntryView = z.infer<typeof AllowListEntryView>;

export const CreateAllowListEntryRequest = z
  .object({
    userId: z.uuid().nullable().default(null),
    cidr: CidrString,
    note: z.string().trim().max(500).default(''),
  })
  .meta({
    id: 'CreateAllowListEntryRequest',
    examples: [
      { cidr: '203.0.113.0/24', note: 'Office network' },
      {
        userId: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
        cidr: '192.0.2.10',
        note: 'Ana, home office',
      },
    ],
  });
export type CreateAllowListEntryRequest = z.infer<typeof CreateAllowListEntryRequest>;

export const AllowList = z
  .object({ items: z.array(AllowListEntryView) })
  .meta({ id: 'AllowList', examples: [{ items: [allowExample] }] });

export const IdParam = z.object({ id: z.uuid() });
