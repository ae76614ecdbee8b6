// The configuration backup `s3am backup` writes and `s3am restore` reads: users, groups, grants,
// connections (never their secrets) and settings, all referred to by name, not by database id,
// so it restores into a fresh database.
import { z } from 'zod';
import { GrantAction, Role, S3AuthMode, SecuritySettings, SseMode } from '@s3am/contracts';

export const BackupDocument = z.object({
  format: z.literal('s3am-config-backup'),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  source: z.string(),
  users: z.array(z.object({ email: z.string(), role: Role, disabled: z.boolean() })),
  groups: z.array(z.object({ name: z.string(), members: z.array(z.string()) })),
  connections: z.array(
    z.object({
      name: z.string(),
      endpoint: z.string().nullable(),
      publicEndpoint: z.string().nullable(),
      region: z.string(),
      forcePathStyle: z.boolean(),
      authMode: S3AuthMode,
      roleArn: z.string().nullable(),
      buckets: z.array(z.string()),
      sseMode: SseMode,
      sseKmsKeyId: z.string().nullable(),
    }),
  ),
  grants: z.array(
    z.object({
      user: z.string().nullable(),
      group: z.string().nullable(),
      connection: z.string(),
      bucket: z.string(),
      prefix: z.string(),
      actions: z.array(GrantAction),
      expiresAt: z.iso.datetime().nullable(),
    }),
  ),
  settings: SecuritySettings,
});
export type BackupDocument = z.infer<typeof BackupDocument>;
