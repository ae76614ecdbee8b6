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
  .meta({ id: 'CreateUploadRequestLink' });
export type CreateUploadRequestLink = z.input<typeof CreateUploadRequestLink>;

export const CreatedUploadRequestLink = z
  .object({
    id: z.uuid(),
    url: z.string().describe('The link (holds the token: shown only in this response)'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'CreatedUploadRequestLink' });
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
  .meta({ id: 'UploadRequestLink' });
export type UploadRequestLinkView = z.infer<typeof UploadRequestLinkView>;

export const UploadRequestLinkList = z
  .object({ items: z.array(UploadRequestLinkView), unseenFiles: z.number() })
  .meta({ id: 'UploadRequestLinkList' });
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
  .meta({ id: 'GuestUploadInfo' });
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
  .meta({ id: 'GuestCreateUpload' });
