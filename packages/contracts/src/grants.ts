// Who may do what where: grants of list/read/write/delete on a bucket prefix, to users or groups.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';

export const GrantAction = z.enum(['list', 'read', 'write', 'delete']);
export type GrantAction = z.infer<typeof GrantAction>;

export const GrantInput = z
  .object({
    userId: z.uuid().nullable().default(null),
    groupId: z.uuid().nullable().default(null),
    connectionId: z.uuid(),
    bucket: BucketName,
    prefix: z
      .string()
      .max(1024)
      .default('')
      .describe("'' = the whole bucket; matched on '/' boundaries"),
    actions: z.array(GrantAction).min(1).max(4),
    expiresAt: z.iso.datetime().nullable().default(null),
  })
  .refine((grant) => (grant.userId === null) !== (grant.groupId === null), {
    message: 'Name exactly one grantee: a user or a group',
    path: ['userId'],
  });
export type GrantInput = z.input<typeof GrantInput>;

/** What an admin may change on an existing grant; where it applies is fixed (make a new one). */
export const GrantUpdate = z
  .object({
    actions: z.array(GrantAction).min(1).max(4).optional(),
    expiresAt: z.iso.datetime().nullable().optional().describe('null = never expires'),
  })
  .refine((change) => change.actions !== undefined || change.expiresAt !== undefined, {
    message: 'Nothing to change: send actions and/or expiresAt',
    path: ['actions'],
  })
  .meta({ id: 'GrantUpdate' });
export type GrantUpdate = z.infer<typeof GrantUpdate>;

export const GrantView = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable(),
    userEmail: z.string().nullable(),
    groupId: z.uuid().nullable(),
    groupName: z.string().nullable(),
    connectionId: z.uuid(),
    connectionName: z.string(),
    bucket: z.string(),
    prefix: z.string(),
    actions: z.array(GrantAction),
    expiresAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Grant' });
export type GrantView = z.infer<typeof GrantView>;

export const GrantList = z.object({ items: z.array(GrantView) }).meta({ id: 'GrantList' });

export const ListGrantsQuery = z.object({
  userId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  connectionId: z.uuid().optional(),
});

export const GroupInput = z.object({
  name: z.string().trim().min(1).max(100),
  memberIds: z.array(z.uuid()).max(1000).default([]),
});
export type GroupInput = z.input<typeof GroupInput>;

export const GroupView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    members: z.array(z.object({ id: z.uuid(), email: z.string() })),
  })
  .meta({ id: 'Group' });
export type GroupView = z.infer<typeof GroupView>;

export const GroupList = z.object({ items: z.array(GroupView) }).meta({ id: 'GroupList' });

export const EffectivePermission = z.object({
  connectionId: z.uuid(),
  connectionName: z.string(),
  bucket: z.string(),
  prefix: z.string(),
  actions: z.array(GrantAction).describe('After the role cap: viewers never write or delete'),
  via: z.array(z.string()).describe("'direct' and/or 'group:<name>'"),
});
export type EffectivePermission = z.infer<typeof EffectivePermission>;

export const EffectivePermissions = z
  .object({
    userId: z.uuid(),
    role: z.enum(['admin', 'uploader', 'viewer']),
    allAccess: z.boolean().describe('Admins reach every bucket'),
    entries: z.array(EffectivePermission),
  })
  .meta({ id: 'EffectivePermissions' });
export type EffectivePermissions = z.infer<typeof EffectivePermissions>;
