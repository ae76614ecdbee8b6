// The security monitor's reports: a period's alerts, failed sign-ins, top addresses, blocks and
// large uploads (JSON or CSV), and upload usage (per day, user, location; largest files).
import { z } from 'zod';
import { SecuritySeverity } from './security.js';
import { securityReportExamples, securityUsageReportExamples } from './security-report-examples.js';

const Count = z.number().int().min(0);

export const ReportPeriodQuery = z
  .object({
    from: z.iso.datetime().optional().describe('Start (default: 30 days before `to`)'),
    to: z.iso.datetime().optional().describe('End (default: now)'),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: '`from` must be before `to`',
    path: ['from'],
  });
export type ReportPeriodQuery = z.infer<typeof ReportPeriodQuery>;

export const SecurityReportQuery = ReportPeriodQuery.and(
  z.object({ format: z.enum(['json', 'csv']).default('json') }),
);
export type SecurityReportQuery = z.infer<typeof SecurityReportQuery>;

export const SecurityReport = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    alertsByRule: z.array(
      z.object({ rule: z.string(), severity: SecuritySeverity, alerts: Count }),
    ),
    alertsBySeverity: z.object({ LOW: Count, MEDIUM: Count, HIGH: Count }),
    alertsByDay: z.array(
      z.object({
        day: z.string().describe('YYYY-MM-DD (UTC)'),
        LOW: Count,
        MEDIUM: Count,
        HIGH: Count,
      }),
    ),
    failedSignIns: z.object({
      total: Count,
      byDay: z.array(z.object({ day: z.string(), count: Count })),
    }),
    topIps: z
      .array(z.object({ ip: z.string(), failures: Count, alerts: Count }))
      .describe('Addresses with the most failed sign-ins and refused calls'),
    blocks: z.array(
      z.object({
        cidr: z.string(),
        reason: z.string(),
        source: z.string(),
        createdAt: z.iso.datetime(),
        expiresAt: z.iso.datetime().nullable(),
      }),
    ),
    largeUploads: z.array(
      z.object({
        user: z.string().nullable(),
        bucket: z.string(),
        key: z.string(),
        size: Count,
        completedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'SecurityReport', examples: securityReportExamples });
export type SecurityReport = z.infer<typeof SecurityReport>;

export const SecurityUsageReport = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    totals: z.object({ uploads: Count, bytes: Count, activeUsers: Count }),
    byDay: z.array(z.object({ day: z.string(), uploads: Count, bytes: Count })),
    byUser: z.array(
      z.object({
        userId: z.uuid().nullable(),
        email: z.string().nullable(),
        uploads: Count,
        bytes: Count,
      }),
    ),
    byLocation: z.array(
      z.object({
        connection: z.string(),
        bucket: z.string(),
        prefix: z.string().describe('The first folder of the key'),
        uploads: Count,
        bytes: Count,
      }),
    ),
    largestFiles: z.array(
      z.object({
        email: z.string().nullable(),
        connection: z.string(),
        bucket: z.string(),
        key: z.string(),
        size: Count,
        completedAt: z.iso.datetime(),
      }),
    ),
    activeUsers: z
      .array(
        z.object({ email: z.string(), signIns: Count, uploads: Count, lastSeen: z.iso.datetime() }),
      )
      .describe('Users who signed in or uploaded in the period'),
  })
  .meta({ id: 'SecurityUsageReport', examples: securityUsageReportExamples });
export type SecurityUsageReport = z.infer<typeof SecurityUsageReport>;
