// TOTP two-factor authentication: enrolment, recovery codes, and the admin-wide requirement.
import { z } from 'zod';

export const TotpSetupResponse = z
  .object({
    otpauthUrl: z.string().describe('otpauth:// URI for authenticator apps'),
    qrCodeDataUrl: z.string().describe('The same URI as a PNG QR code (data: URL)'),
    secret: z.string().describe('Base32 secret, for typing into an app by hand'),
  })
  .meta({
    id: 'TotpSetupResponse',
    examples: [
      {
        otpauthUrl:
          'otpauth://totp/S3%20Access%20Manager:ana%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=S3%20Access%20Manager',
        qrCodeDataUrl:
          'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        secret: 'JBSWY3DPEHPK3PXP',
      },
    ],
  });
export type TotpSetupResponse = z.infer<typeof TotpSetupResponse>;

export const TotpCodeRequest = z
  .object({ code: z.string().min(6).max(16) })
  .meta({ id: 'TotpCodeRequest', examples: [{ code: '492039' }] });

export const RecoveryCodesResponse = z
  .object({ recoveryCodes: z.array(z.string()).length(10).describe('Shown once; each works once') })
  .meta({
    id: 'RecoveryCodesResponse',
    examples: [
      {
        recoveryCodes: [
          'k7mfq-2xw9d',
          'p3rzt-8hn4c',
          'w9bvx-5jq2m',
          'd4ksy-7tl6e',
          'h2nqa-9cw3r',
          'x8gme-4pv7b',
          'c5tjw-1rz8k',
          'm6yhd-3qf5n',
          'r1vzb-6kx2t',
          'e9lpc-2wm4h',
        ],
      },
    ],
  });
export type RecoveryCodesResponse = z.infer<typeof RecoveryCodesResponse>;

export const DisableTotpRequest = z
  .object({
    password: z.string().min(1).max(1024),
    code: z.string().min(6).max(32).describe('A TOTP or recovery code'),
  })
  .meta({
    id: 'DisableTotpRequest',
    examples: [{ password: 'correct horse battery staple', code: '492039' }],
  });

export const SecuritySettings = z
  .object({
    requireTotpForAdmins: z.boolean(),
    requireTotpForEveryone: z
      .boolean()
      .default(false)
      .describe('Every account must set up 2FA before using the app'),
  })
  .meta({
    id: 'SecuritySettings',
    examples: [{ requireTotpForAdmins: true, requireTotpForEveryone: false }],
  });
export type SecuritySettings = z.infer<typeof SecuritySettings>;
