// TOTP two-factor authentication: enrolment, recovery codes, and the admin-wide requirement.
import { z } from 'zod';

export const TotpSetupResponse = z
  .object({
    otpauthUrl: z.string().describe('otpauth:// URI for authenticator apps'),
    qrCodeDataUrl: z.string().describe('The same URI as a PNG QR code (data: URL)'),
    secret: z.string().describe('Base32 secret, for typing into an app by hand'),
  })
  .meta({ id: 'TotpSetupResponse' });
export type TotpSetupResponse = z.infer<typeof TotpSetupResponse>;

export const TotpCodeRequest = z
  .object({ code: z.string().min(6).max(16) })
  .meta({ id: 'TotpCodeRequest' });

export const RecoveryCodesResponse = z
  .object({ recoveryCodes: z.array(z.string()).length(10).describe('Shown once; each works once') })
  .meta({ id: 'RecoveryCodesResponse' });
export type RecoveryCodesResponse = z.infer<typeof RecoveryCodesResponse>;

export const DisableTotpRequest = z
  .object({
    password: z.string().min(1).max(1024),
    code: z.string().min(6).max(32).describe('A TOTP or recovery code'),
  })
  .meta({ id: 'DisableTotpRequest' });

export const SecuritySettings = z
  .object({
    requireTotpForAdmins: z.boolean(),
    requireTotpForEveryone: z
      .boolean()
      .default(false)
      .describe('Every account must set up 2FA before using the app'),
  })
  .meta({ id: 'SecuritySettings' });
export type SecuritySettings = z.infer<typeof SecuritySettings>;
