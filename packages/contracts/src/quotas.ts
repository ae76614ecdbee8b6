// Quotas: limits on the bytes and objects under a user's or a group's granted prefixes, the usage
// measured against them, and what a person sees before uploading.
import { z } from 'zod';

export const QuotaInput = z.object({
  maxBytes: z.number().int().min(0).nullable().describe('null = no limit on bytes'),
  maxObjects: z.number().int().min(0).nullable().describe('null = no limit on objects'),
});
export type QuotaInput = z.infer<typeof QuotaInput>;

export const QuotaSubjectParams = z.object({ id: z.uuid() });

export const QuotaView = z
  .object({
    subject: z.enum(['user', 'group']),
    subjectId: z.uuid(),
    maxBytes: z.number().nullable(),
    maxObjects: z.number().nullable(),
    usedBytes: z.number(),
    usedObjects: z.number(),
    measuredAt: z.iso.datetime().nullable().describe('Oldest measurement the usage rests on'),
  })
  .meta({ id: 'Quota' });
export type QuotaView = z.infer<typeof QuotaView>;

export const MyQuota = z
  .object({
    quotas: z
      .array(QuotaView.extend({ name: z.string().describe('"you" or the group name') }))
      .describe("Every quota that applies to me: my own and my groups'"),
    remainingBytes: z.number().nullable().describe('The tightest room left; null = no limit'),
    remainingObjects: z.number().nullable(),
  })
  .meta({ id: 'MyQuota' });
export type MyQuota = z.infer<typeof MyQuota>;

/** Where I am about to upload: only the quotas counting that place are shown. */
export const MyQuotaQuery = z.object({
  connectionId: z.uuid().optional(),
  bucket: z.string().min(1).max(63).optional(),
  key: z.string().max(1024).optional().describe('A key or folder (ending in "/") in the bucket'),
});
export type MyQuotaQuery = z.infer<typeof MyQuotaQuery>;

export const UserUsage = z.object({
  userId: z.uuid(),
  email: z.string(),
  usedBytes: z.number(),
  usedObjects: z.number(),
  maxBytes: z.number().nullable(),
  maxObjects: z.number().nullable(),
  measuredAt: z.iso.datetime().nullable(),
});
export const GroupUsage = z.object({
  groupId: z.uuid(),
  name: z.string(),
  usedBytes: z.number(),
  usedObjects: z.number(),
  maxBytes: z.number().nullable(),
  maxObjects: z.number().nullable(),
  measuredAt: z.iso.datetime().nullable(),
});
export const UsageReport = z
  .object({ users: z.array(UserUsage), groups: z.array(GroupUsage) })
  .meta({ id: 'UsageReport' });
export type UsageReport = z.infer<typeof UsageReport>;

export const MeasureReport = z
  .object({
    prefixes: z.number(),
    objects: z.number(),
    bytes: z.number(),
    failed: z
      .number()
      .describe('Prefixes that could not be listed this time (they keep their last measurement)'),
  })
  .meta({ id: 'QuotaMeasureReport' });
export type MeasureReport = z.infer<typeof MeasureReport>;
