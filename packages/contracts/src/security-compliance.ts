// Compliance posture (each check passes or fails with what to do) and the upload policy admins
// set at run time (instead of only environment variables).
import { z } from 'zod';

/** One check as the reference shows it, alone and inside the report. */
const complianceCheckExample = {
  id: 'users-2fa',
  title: 'Users with 2FA',
  status: 'warn' as const,
  detail: '2 of 27 enabled accounts have no two-factor authentication.',
  remedy: 'Ask them to set it up, or require 2FA for everyone in the security settings.',
  items: ['ben@example.com', 'carol@example.com'],
};

export const ComplianceCheck = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['pass', 'fail', 'warn']),
    detail: z.string().describe('What was found'),
    remedy: z.string().describe('What to do when it does not pass'),
    items: z.array(z.string()).describe('The accounts, tokens, connections or buckets concerned'),
  })
  .meta({
    id: 'ComplianceCheck',
    examples: [complianceCheckExample],
  });
export type ComplianceCheck = z.infer<typeof ComplianceCheck>;

export const ComplianceReport = z
  .object({
    checkedAt: z.iso.datetime(),
    passed: z.number().int(),
    failed: z.number().int(),
    checks: z.array(ComplianceCheck),
  })
  .meta({
    id: 'ComplianceReport',
    examples: [
      {
        checkedAt: '2026-03-02T09:00:00.000Z',
        passed: 7,
        failed: 0,
        checks: [complianceCheckExample],
      },
    ],
  });
export type ComplianceReport = z.infer<typeof ComplianceReport>;

export const ComplianceQuery = z.object({
  staleDays: z.coerce.number().int().min(1).max(3650).default(90),
});

const Extension = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^\.?[a-z0-9][a-z0-9_+-]{0,15}$/, 'an extension such as .pdf')
  // overwrite, not transform: string in, string out, so the request body keeps its JSON Schema
  // pattern and its example (zod drops examples from the input schema of a transforming type).
  .overwrite((ext) => (ext.startsWith('.') ? ext : `.${ext}`));
const ContentType = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.+-]+\/(\*|[a-z0-9.+-]+)$/, 'a content type such as image/png or image/*');

export const UploadPolicy = z
  .object({
    maxFileSizeBytes: z
      .number()
      .int()
      .min(1)
      .nullable()
      .describe('Largest file; null = the server default (UPLOAD_MAX_SIZE_BYTES)'),
    allowedExtensions: z
      .array(Extension)
      .max(200)
      .nullable()
      .describe('null = the server default; [] = any'),
    allowedContentTypes: z
      .array(ContentType)
      .max(200)
      .nullable()
      .describe('null = the server default; [] = any'),
    requireTotpForAdmins: z.boolean(),
    requireTotpForEveryone: z.boolean(),
  })
  .meta({
    id: 'UploadPolicy',
    examples: [
      {
        maxFileSizeBytes: 107_374_182_400,
        allowedExtensions: ['.mp4', '.mov', '.pdf'],
        allowedContentTypes: ['video/*', 'application/pdf'],
        requireTotpForAdmins: true,
        requireTotpForEveryone: false,
      },
    ],
  });
export type UploadPolicy = z.output<typeof UploadPolicy>;

export const UploadPolicyView = z
  .object({
    maxFileSizeBytes: z.number().int().nullable(),
    allowedExtensions: z.array(z.string()).nullable(),
    allowedContentTypes: z.array(z.string()).nullable(),
    requireTotpForAdmins: z.boolean(),
    requireTotpForEveryone: z.boolean(),
    effective: z.object({
      maxFileSizeBytes: z.number().int(),
      allowedExtensions: z.array(z.string()),
      allowedContentTypes: z.array(z.string()),
    }),
    serverDefaults: z.object({
      maxFileSizeBytes: z.number().int(),
      allowedExtensions: z.array(z.string()),
      allowedContentTypes: z.array(z.string()),
    }),
  })
  .meta({
    id: 'UploadPolicyView',
    examples: [
      {
        maxFileSizeBytes: 107_374_182_400,
        allowedExtensions: ['.mp4', '.mov', '.pdf'],
        allowedContentTypes: null,
        requireTotpForAdmins: true,
        requireTotpForEveryone: false,
        effective: {
          maxFileSizeBytes: 107_374_182_400,
          allowedExtensions: ['.mp4', '.mov', '.pdf'],
          allowedContentTypes: [],
        },
        serverDefaults: {
          maxFileSizeBytes: 5_497_558_138_880,
          allowedExtensions: [],
          allowedContentTypes: [],
        },
      },
    ],
  });
export type UploadPolicyView = z.infer<typeof UploadPolicyView>;
