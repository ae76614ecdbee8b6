// Operations reports (admins): upload activity over the last N days and the files uploaded then,
// what `s3am stats` and `s3am list-files` print for nightly scripts.
import { z } from 'zod';

const Days = z.coerce
  .number()
  .int()
  .min(1)
  .max(3650)
  .describe('How many days back from now the report covers');

export const UploadStatsQuery = z.object({ days: Days.default(30) });
export type UploadStatsQuery = z.infer<typeof UploadStatsQuery>;

const Count = z.number().int().min(0);

export const UploadStats = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    days: z.number().int(),
    uploads: z
      .object({
        completed: Count,
        failed: Count,
        aborted: Count,
        inProgress: Count.describe('Started in the window and not finished yet'),
      })
      .describe('Uploads started in the window, by state'),
    bytes: Count.describe('Bytes of the uploads completed in the window'),
    users: z.object({
      active: Count.describe('People who started at least one upload'),
      uploading: Count.describe('People with at least one completed upload'),
      total: Count.describe('Accounts that exist now (enabled)'),
    }),
    perDay: z
      .array(z.object({ date: z.iso.date(), completed: Count, failed: Count, bytes: Count }))
      .describe('Days (UTC) with activity, oldest first'),
    topUsers: z
      .array(z.object({ userId: z.uuid(), email: z.string(), completed: Count, bytes: Count }))
      .describe('Up to 10 people by bytes completed'),
    recentFailures: z
      .array(
        z.object({
          uploadId: z.uuid(),
          email: z.string(),
          connectionId: z.uuid(),
          bucket: z.string(),
          key: z.string(),
          state: z.enum(['failed', 'aborted']),
          error: z.string().nullable(),
          at: z.iso.datetime(),
        }),
      )
      .describe('Up to 20 failed or aborted uploads, newest first'),
  })
  .meta({
    id: 'UploadStats',
    examples: [
      {
        from: '2026-02-01T00:00:00.000Z',
        to: '2026-03-03T00:00:00.000Z',
        days: 30,
        uploads: { completed: 412, failed: 3, aborted: 5, inProgress: 2 },
        bytes: 98_765_432_100,
        users: { active: 14, uploading: 12, total: 27 },
        perDay: [{ date: '2026-03-02', completed: 18, failed: 1, bytes: 4_294_967_296 }],
        topUsers: [
          {
            userId: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
            email: 'ana@example.com',
            completed: 120,
            bytes: 53_687_091_200,
          },
        ],
        recentFailures: [
          {
            uploadId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
            email: 'ben@example.com',
            connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
            bucket: 'team-media',
            key: 'raw/2026-03-02/cam-a.mov',
            state: 'failed' as const,
            error: 'The part list did not match the uploaded parts',
            at: '2026-03-02T17:40:00.000Z',
          },
        ],
      },
    ],
  });
export type UploadStats = z.infer<typeof UploadStats>;

export const UploadedFilesQuery = z.object({
  days: Days.default(7),
  userId: z.uuid().optional().describe('Only files this person uploaded'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page'),
});
export type UploadedFilesQuery = z.infer<typeof UploadedFilesQuery>;

export const UploadedFile = z.object({
  uploadId: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  connectionId: z.uuid(),
  connectionName: z.string(),
  bucket: z.string(),
  key: z.string(),
  size: Count,
  contentType: z.string(),
  completedAt: z.iso.datetime(),
});
export type UploadedFile = z.infer<typeof UploadedFile>;

export const UploadedFilesPage = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    items: z.array(UploadedFile).describe('Newest first'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next (older) page'),
  })
  .meta({
    id: 'UploadedFilesPage',
    examples: [
      {
        from: '2026-02-24T00:00:00.000Z',
        to: '2026-03-03T00:00:00.000Z',
        items: [
          {
            uploadId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5e',
            userId: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
            email: 'ana@example.com',
            connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
            connectionName: 'Production (AWS eu-west-1)',
            bucket: 'team-media',
            key: 'projects/launch/video-final.mp4',
            size: 1_073_741_824,
            contentType: 'video/mp4',
            completedAt: '2026-03-02T16:05:00.000Z',
          },
        ],
        nextCursor: null,
      },
    ],
  });
export type UploadedFilesPage = z.infer<typeof UploadedFilesPage>;
