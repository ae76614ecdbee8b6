// User administration (admins) and the signed-in user's own password.
import { z } from 'zod';
import { Role } from './auth.js';

export const PASSWORD_MIN_LENGTH = 12;

const userExample = {
  id: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
  email: 'ana@example.com',
  role: 'uploader' as const,
  disabled: false,
  mustChangePassword: false,
  totpEnabled: true,
  lastLoginAt: '2026-03-02T08:00:00.000Z',
  createdAt: '2026-01-15T12:30:00.000Z',
};

export const UserView = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: Role,
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User', examples: [userExample] });
export type UserView = z.infer<typeof UserView>;

export const UserSortField = z.enum(['email', 'role', 'createdAt', 'lastLoginAt']);

// Querystring schemas stay inline (no component id): @fastify/swagger cannot resolve a $ref there.
export const ListUsersQuery = z.object({
  q: z.string().max(254).optional().describe('Part of the email'),
  role: Role.optional(),
  disabled: z.enum(['true', 'false']).optional(),
  sort: UserSortField.default('email'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const UserList = z
  .object({
    items: z.array(UserView),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'UserList', examples: [{ items: [userExample], total: 27, page: 1, pageSize: 25 }] });
export type UserList = z.infer<typeof UserList>;

export const CreateUserRequest = z
  .object({
    email: z.email().max(254),
    role: Role,
    password: z
      .string()
      .max(1024)
      .optional()
      .describe(
        'Initial password; omit to generate a one-time password the user must change at first login',
      ),
  })
  .meta({
    id: 'CreateUserRequest',
    examples: [{ email: 'ben@example.com', role: 'viewer' as const }],
  });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({ role: Role.optional(), disabled: z.boolean().optional() })
  .refine((value) => value.role !== undefined || value.disabled !== undefined, {
    message: 'Nothing to change',
  })
  .meta({ id: 'UpdateUserRequest', examples: [{ role: 'admin' as const }, { disabled: true }] });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** Returned when the server generated a password: shown once, never retrievable again. */
export const UserWithOneTimePassword = z
  .object({ user: UserView, oneTimePassword: z.string().optional() })
  .meta({
    id: 'UserWithOneTimePassword',
    examples: [
      {
        user: {
          ...userExample,
          email: 'ben@example.com',
          role: 'viewer' as const,
          mustChangePassword: true,
          totpEnabled: false,
          lastLoginAt: null,
        },
        oneTimePassword: 'vG7#qL2!mZ9xR4pT',
      },
    ],
  });
export type UserWithOneTimePassword = z.infer<typeof UserWithOneTimePassword>;

export const ResetPasswordRequest = z
  .object({
    password: z.string().max(1024).optional().describe('Omit to generate a one-time password'),
  })
  .meta({ id: 'ResetPasswordRequest', examples: [{}, { password: 'a-new-long-passphrase-42' }] });

export const ChangePasswordRequest = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().max(1024) })
  .meta({
    id: 'ChangePasswordRequest',
    examples: [
      {
        currentPassword: 'correct horse battery staple',
        newPassword: 'tram orbit velvet lantern 7',
      },
    ],
  });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
