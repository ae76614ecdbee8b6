// The shapes `s3am … --json` prints, checked by the tests (scripts may rely on them).
import { z } from 'zod';
import {
  CurrentUser,
  DownloadLink,
  FileListing,
  FileLocation,
  GrantView,
  HealthResponse,
  ReadyResponse,
  UserView,
  UploadView,
} from '@s3am/contracts';

export const LoginOutput = z.object({
  profile: z.string(),
  url: z.string(),
  user: CurrentUser,
  credential: z.enum(['api-token', 'session']),
});
export const WhoamiOutput = z.object({ profile: z.string(), url: z.string(), user: CurrentUser });
export const LocationsOutput = z.object({ locations: z.array(FileLocation) });
export const LsOutput = z.object({
  connectionId: z.uuid(),
  bucket: z.string(),
  prefix: z.string(),
  folders: z.array(z.string()),
  objects: FileListing.shape.objects,
});
export const UploadOutput = z.object({
  files: z.array(
    z.object({
      file: z.string(),
      key: z.string(),
      size: z.number(),
      state: z.enum(['completed', 'failed', 'paused', 'cancelled']),
      resumed: z.boolean().optional(),
      etag: z.string().nullable().optional(),
      error: z.string().optional(),
      status: z.number().optional(),
    }),
  ),
  completed: z.number(),
  failed: z.number(),
  paused: z.number(),
});
export const DownloadOutput = z.object({
  connectionId: z.uuid(),
  bucket: z.string(),
  key: z.string(),
  file: z.string(),
  size: z.number(),
  resumedFrom: z.number(),
  etag: z.string().nullable(),
});
export const RmDryRunOutput = z.object({
  dryRun: z.literal(true),
  wouldDelete: z.array(z.string()),
});
export const RmOutput = z.object({
  dryRun: z.literal(false),
  deleted: z.array(z.string()),
  errors: z.array(z.object({ key: z.string(), message: z.string() })),
});
export const CleanupDryRunOutput = z.object({
  dryRun: z.literal(true),
  cutoff: z.iso.datetime(),
  objects: z.array(z.object({ key: z.string(), size: z.number(), lastModified: z.string() })),
  staleUploads: z.array(UploadView),
});
export const UrlOutput = DownloadLink;
export const HealthOutput = z.object({
  url: z.string(),
  health: HealthResponse,
  ready: ReadyResponse,
});
export const UsersListOutput = z.object({ items: z.array(UserView) });
export const GrantsListOutput = z.object({ items: z.array(GrantView) });
export const ErrorOutput = z.object({
  error: z.object({
    message: z.string(),
    exitCode: z.number(),
    status: z.number().optional(),
    code: z.string().optional(),
  }),
});

/** Parses stdout as one JSON document and checks it against `schema`. */
export function parseJsonOutput<S extends z.ZodType>(schema: S, stdout: string): z.infer<S> {
  return schema.parse(JSON.parse(stdout));
}
