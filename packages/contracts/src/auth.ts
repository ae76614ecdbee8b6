// Login, token refresh and the current user.
import { z } from 'zod';

export const Role = z.enum(['admin', 'uploader', 'viewer']);
export type Role = z.infer<typeof Role>;

const currentUserExample = {
  id: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c',
  email: 'ana@example.com',
  role: 'uploader' as const,
  mustChangePassword: false,
  totpEnabled: true,
  mustEnrollTotp: false,
};

export const LoginRequest = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(1024),
    totpCode: z
      .string()
      .max(16)
      .optional()
      .describe('Six-digit code from the authenticator app, when 2FA is on'),
    recoveryCode: z
      .string()
      .max(32)
      .optional()
      .describe('A one-time recovery code instead of the TOTP code'),
  })
  .meta({
    id: 'LoginRequest',
    examples: [
      { email: 'ana@example.com', password: 'correct horse battery staple', totpCode: '492039' },
    ],
  });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const CurrentUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: Role,
    mustChangePassword: z.boolean(),
    passwordSetBy: z
      .enum(['administrator', 'first_start'])
      .optional()
      .describe(
        'With mustChangePassword: who chose the current password — an administrator, or the server at its first start (generated and printed once on its console)',
      ),
    totpEnabled: z.boolean(),
    mustEnrollTotp: z.boolean().describe('2FA is required for this account but not set up yet'),
  })
  .meta({ id: 'CurrentUser', examples: [currentUserExample] });
export type CurrentUser = z.infer<typeof CurrentUser>;

/** Returned by login and refresh. The refresh token itself travels only in an httpOnly cookie. */
export const TokenResponse = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    user: CurrentUser,
  })
  .meta({
    id: 'TokenResponse',
    examples: [
      {
        accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIzZjFjIn0.c2lnbmF0dXJl',
        tokenType: 'Bearer' as const,
        expiresIn: 900,
        user: currentUserExample,
      },
    ],
  });
export type TokenResponse = z.infer<typeof TokenResponse>;

/** Cookie that carries the refresh token; scoped to the auth routes only. */
export const REFRESH_COOKIE = 's3am_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
/**
 * The access token again, for the Uppy-compatible routes only: Uppy's Companion client calls them
 * with plain fetch (no Authorization header), so it rides in an httpOnly, SameSite=Strict cookie
 * scoped to /s3 and living as long as the access token.
 */
export const UPLOAD_COOKIE = 's3am_s3_access';
export const UPLOAD_COOKIE_PATH = '/s3';
