// Guest upload requests: a link (`/u/:token`) that lets someone without an account upload into
// one folder within limits, through the same multipart engine as everyone else.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';
import { LinkPassword } from './shares.js';

export const CreateUploadRequestLink = z
  .object({
    connectionId: z.uuid(),
    bucket: BucketName,
    prefix: z.string().max(1024).describe("The folder guests upload into: '' or ending in '/'"),
    title: z.string().trim().max(200).optional().describe('Shown to guests'),
    expiresInDays: z.number().int().min(1).max(3650).default(7),
    maxFileBytes: z.number().int().min(1).optional(),
    maxTotalBytes: z.number().int().min(1).optional(),
    maxFiles: z.number().int().min(1).max(100_000).optional(),
    allowedTypes: z
      .array(z.string().trim().min(1).max(100))
      .max(50)
      .optional()
      .describe('Extensions (".pdf") or content types ("image/*"); none = any'),
    password: LinkPassword.optional(),
  })
  .meta({
    id: 'CreateUploadRequestLink',
    examples: [
      {
        connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
        bucket: 'team-media',
        prefix: 'incoming/acme/',
        title: 'Send us your launch footage',
        expiresInDays: 14,
        maxFileBytes: 10_737_418_240,
        maxFiles: 50,
        allowedTypes: ['video/*', '.pdf'],
      },
    ],
  });
export type CreateUploadRequestLink = z.input<typeof CreateUploadRequestLink>;

export const CreatedUploadRequestLink = z
  .object({
    id: z.uuid(),
    url: z.string().describe('The link (holds the token: shown only in this response)'),
    expiresAt: z.iso.datetime(),
  })
  .meta({
    id: 'CreatedUploadRequestLink',
    examples: [
      {
        id: '7b6c5d4e-3f2a-4b1c-8d9e-0f1a2b3c4d5e',
        url: 'https://s3am.example.com/u/VXBsb2FkUmVxdWVzdFRva2VuRXhhbXBsZQ',
        expiresAt: '2026-03-16T16:00:00.000Z',
      },
    ],
  });
export type CreatedUploadRequestLink = z.infer<typeof CreatedUploadRequestLink>;

export const ReceivedFile = z.object({
  uploadId: z.uuid(),
  key: z.string(),
  size: z.number(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  seen: z.boolean(),
});
export type ReceivedFile = z.infer<typeof ReceivedFile>;

const uploadRequestExample = {
  id: '7b6c5d4e-3f2a-4b1c-8d9e-0f1a2b3c4d5e',
  connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
  bucket: 'team-media',
  prefix: 'incoming/acme/',
  title: 'Send us your launch footage',
  hasPassword: false,
  maxFileBytes: 10_737_418_240,
  maxTotalBytes: null,
  maxFiles: 50,
  allowedTypes: ['video/*', '.pdf'],
  status: 'active' as const,
  expiresAt: '2026-03-16T16:00:00.000Z',
  revokedAt: null,
  createdAt: '2026-03-02T16:00:00.000Z',
  filesReceived: 1,
  bytesReceived: 734_003_200,
  unseenFiles: 1,
  files: [
    {
      uploadId: 'd4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a',
      key: 'incoming/acme/b-roll.mov',
      size: 734_003_200,
      createdAt: '2026-03-03T09:00:00.000Z',
      completedAt: '2026-03-03T09:04:00.000Z',
      seen: false,
    },
  ],
};

export const UploadRequestLinkView = z
  .object({
    id: z.uuid(),
    connectionId: z.uuid(),
    bucket: z.string(),
    prefix: z.string(),
    title: z.string().nullable(),
    hasPassword: z.boolean(),
    maxFileBytes: z.number().nullable(),
    maxTotalBytes: z.number().nullable(),
    maxFiles: z.number().nullable(),
    allowedTypes: z.array(z.string()),
    status: z.enum(['active', 'expired', 'revoked']),
    expiresAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    filesReceived: z.number(),
    bytesReceived: z.number(),
    unseenFiles: z.number().describe('Files received that the owner has not looked at yet'),
    files: z.array(ReceivedFile).describe('The latest files received (up to 50)'),
  })
  .meta({ id: 'UploadRequestLink', examples: [uploadRequestExample] });
export type UploadRequestLinkView = z.infer<typeof UploadRequestLinkView>;

export const UploadRequestLinkList = z
  .object({ items: z.array(UploadRequestLinkView), unseenFiles: z.number() })
  .meta({
    id: 'UploadRequestLinkList',
    examples: [{ items: [uploadRequestExample], unseenFiles: 1 }],
  });
export type UploadRequestLinkList = z.infer<typeof UploadRequestLinkList>;

/** The header a guest sends the request's password in (never in the URL). */
export const LINK_PASSWORD_HEADER = 'x-link-password';

/** What a guest sees before picking files. */
export const GuestUploadInfo = z
  .object({
    id: z.uuid().describe('Stands in for the connection in the upload records guests see'),
    title: z.string().nullable(),
    expiresAt: z.iso.datetime(),
    maxFileBytes: z.number().nullable(),
    maxTotalBytes: z.number().nullable(),
    maxFiles: z.number().nullable(),
    allowedTypes: z.array(z.string()),
    filesReceived: z.number(),
    bytesReceived: z.number(),
  })
  .meta({
    id: 'GuestUploadInfo',
    examples: [
      {
        id: '7b6c5d4e-3f2a-4b1c-8d9e-0f1a2b3c4d5e',
        title: 'Send us your launch footage',
        expiresAt: '2026-03-16T16:00:00.000Z',
        maxFileBytes: 10_737_418_240,
        maxTotalBytes: null,
        maxFiles: 50,
        allowedTypes: ['video/*', '.pdf'],
        filesReceived: 1,
        bytesReceived: 734_003_200,
      },
    ],
  });
export type GuestUploadInfo = z.infer<typeof GuestUploadInfo>;

/** The bucket name guests' upload records show instead of the real one. */
export const GUEST_BUCKET = 'upload-request';

export const GuestCreateUpload = z
  .object({
    key: z.string().min(1).max(1024).describe("The file's name; the folder is the request's"),
    size: z.number().int().min(0),
    contentType: z.string().min(1).max(255).default('application/octet-stream'),
    lastModified: z.number().int().min(0).optional(),
  })
  .meta({
    id: 'GuestCreateUpload',
    examples: [
      {
        key: 'b-roll.mov',
        size: 734_003_200,
        contentType: 'video/quicktime',
        lastModified: 1_740_000_000_000,
      },
    ],
  });
