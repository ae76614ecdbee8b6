// Quotas: limits on the bytes and objects under a user's or a group's granted prefixes, the usage
// measured against them, and what a person sees before uploading.
import { z } from 'zod';

export const QuotaInput = z
  .object({
    maxBytes: z.number().int().min(0).nullable().describe('null = no limit on bytes'),
    maxObjects: z.number().int().min(0).nullable().describe('null = no limit on objects'),
  })
  .meta({
    examples: [
      { maxBytes: 536_870_912_000, maxObjects: null },
      { maxBytes: null, maxObjects: null },
    ],
  });
export type QuotaInput = z.infer<typeof QuotaInput>;

export const QuotaSubjectParams = z.object({ id: z.uuid() });

const quotaExample = {
  subject: 'user' as const,
  subjectId: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
  maxBytes: 536_870_912_000,
  maxObjects: null,
  usedBytes: 123_456_789_012,
  usedObjects: 5_210,
  measuredAt: '2026-03-02T03:00:00.000Z',
};

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
  .meta({ id: 'Quota', examples: [quotaExample] });
export type QuotaView = z.infer<typeof QuotaView>;

export const MyQuota = z
  .object({
    quotas: z
      .array(QuotaView.extend({ name: z.string().describe('"you" or the group name') }))
      .describe("Every quota that applies to me: my own and my groups'"),
    remainingBytes: z.number().nullable().describe('The tightest room left; null = no limit'),
    remainingObjects: z.number().nullable(),
  })
  .meta({
    id: 'MyQuota',
    examples: [
      {
        quotas: [{ ...quotaExample, name: 'you' }],
        remainingBytes: 413_414_122_988,
        remainingObjects: null,
      },
    ],
  });
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
  .meta({
    id: 'UsageReport',
    examples: [
      {
        users: [
          {
            userId: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
            email: 'ana@example.com',
            usedBytes: 123_456_789_012,
            usedObjects: 5_210,
            maxBytes: 536_870_912_000,
            maxObjects: null,
            measuredAt: '2026-03-02T03:00:00.000Z',
          },
        ],
        groups: [
          {
            groupId: '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d',
            name: 'Video team',
            usedBytes: 2_199_023_255_552,
            usedObjects: 48_000,
            maxBytes: null,
            maxObjects: 100_000,
            measuredAt: '2026-03-02T03:00:00.000Z',
          },
        ],
      },
    ],
  });
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
  .meta({
    id: 'QuotaMeasureReport',
    examples: [{ prefixes: 12, objects: 53_210, bytes: 2_322_480_044_564, failed: 0 }],
  });
export type MeasureReport = z.infer<typeof MeasureReport>;
