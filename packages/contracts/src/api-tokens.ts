// Personal API tokens for scripts and the CLI (`Authorization: Bearer s3am_…`).
import { z } from 'zod';

export const ApiTokenScope = z
  .enum(['read', 'write', 'admin'])
  .describe('read: GET routes · write: changes · admin: admin routes (admins only)');
export type ApiTokenScope = z.infer<typeof ApiTokenScope>;

export const API_TOKEN_PREFIX = 's3am_';

const apiTokenExample = {
  id: '9b2d4f7a-1c3e-4a5b-8d6f-0e1a2b3c4d5e',
  name: 'nightly backup script',
  prefix: 's3am_Xk3p',
  scopes: ['read' as const, 'write' as const],
  expiresAt: '2026-06-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  createdAt: '2026-03-03T10:00:00.000Z',
};

export const CreateApiTokenRequest = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(ApiTokenScope).min(1).max(3),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .nullable()
      .default(90)
      .describe('null = never expires'),
  })
  .meta({
    id: 'CreateApiTokenRequest',
    examples: [{ name: 'nightly backup script', scopes: ['read', 'write'], expiresInDays: 90 }],
  });
export type CreateApiTokenRequest = z.input<typeof CreateApiTokenRequest>;

export const ApiTokenView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('First characters of the token, to tell tokens apart'),
    scopes: z.array(ApiTokenScope),
    expiresAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ApiToken', examples: [apiTokenExample] });
export type ApiTokenView = z.infer<typeof ApiTokenView>;

export const ApiTokenList = z
  .object({ items: z.array(ApiTokenView) })
  .meta({ id: 'ApiTokenList', examples: [{ items: [apiTokenExample] }] });

export const CreatedApiToken = z
  .object({ token: z.string().describe('Shown only in this response'), apiToken: ApiTokenView })
  .meta({
    id: 'CreatedApiToken',
    examples: [{ token: 's3am_Xk3pV9qL2mN8rT5wY1zB4cF7hJ0kD6gS', apiToken: apiTokenExample }],
  });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
