// Who may do what where: grants of list/read/write/delete on a bucket prefix, to users or groups.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';

export const GrantAction = z.enum(['list', 'read', 'write', 'delete']);
export type GrantAction = z.infer<typeof GrantAction>;

const grantExample = {
  id: 'e4d3c2b1-a098-4765-8432-10fedcba9876',
  userId: null,
  userEmail: null,
  groupId: '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d',
  groupName: 'Video team',
  connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
  connectionName: 'Production (AWS eu-west-1)',
  bucket: 'team-media',
  prefix: 'projects/',
  actions: ['list' as const, 'read' as const, 'write' as const],
  expiresAt: null,
  createdAt: '2026-02-01T10:00:00.000Z',
};

const groupExample = {
  id: '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d',
  name: 'Video team',
  members: [
    { id: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c', email: 'ana@example.com' },
    { id: '8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a', email: 'ben@example.com' },
  ],
};

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
  })
  .meta({
    examples: [
      {
        groupId: '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d',
        connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
        bucket: 'team-media',
        prefix: 'projects/',
        actions: ['list' as const, 'read' as const, 'write' as const],
      },
      {
        userId: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
        connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
        bucket: 'team-archive',
        actions: ['list' as const, 'read' as const],
        expiresAt: '2026-12-31T23:59:59.000Z',
      },
    ],
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
  .meta({
    id: 'GrantUpdate',
    examples: [{ actions: ['list' as const, 'read' as const] }, { expiresAt: null }],
  });
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
  .meta({ id: 'Grant', examples: [grantExample] });
export type GrantView = z.infer<typeof GrantView>;

export const GrantList = z
  .object({ items: z.array(GrantView) })
  .meta({ id: 'GrantList', examples: [{ items: [grantExample] }] });

export const ListGrantsQuery = z.object({
  userId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  connectionId: z.uuid().optional(),
});

export const GroupInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    memberIds: z.array(z.uuid()).max(1000).default([]),
  })
  .meta({
    examples: [
      {
        name: 'Video team',
        memberIds: ['3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c', '8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a'],
      },
    ],
  });
export type GroupInput = z.input<typeof GroupInput>;

export const GroupView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    members: z.array(z.object({ id: z.uuid(), email: z.string() })),
  })
  .meta({ id: 'Group', examples: [groupExample] });
export type GroupView = z.infer<typeof GroupView>;

export const GroupList = z
  .object({ items: z.array(GroupView) })
  .meta({ id: 'GroupList', examples: [{ items: [groupExample] }] });

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
  .meta({
    id: 'EffectivePermissions',
    examples: [
      {
        userId: '8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a',
        role: 'viewer' as const,
        allAccess: false,
        entries: [
          {
            connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
            connectionName: 'Production (AWS eu-west-1)',
            bucket: 'team-media',
            prefix: 'projects/',
            actions: ['list' as const, 'read' as const],
            via: ['group:Video team'],
          },
        ],
      },
    ],
  });
export type EffectivePermissions = z.infer<typeof EffectivePermissions>;
