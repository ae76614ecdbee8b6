// Share links: a person with `read` hands one object or a folder to people without an account
// (`/s/:token`); the public calls that page makes; and the owner's list of links.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';

/** Days a link lives when the creator does not say (the admin maximum caps it). */
export const SHARE_DEFAULT_EXPIRY_DAYS = 7;

const Cidr = z
  .string()
  .trim()
  .max(64)
  .regex(/^[0-9a-fA-F:.]+\/\d{1,3}$|^[0-9a-fA-F:.]+$/, 'An IP address or range like 203.0.113.0/24')
  .describe('An IPv4/IPv6 address or CIDR range');

export const LinkPassword = z
  .string()
  .min(8)
  .max(200)
  .describe('Whoever opens the link must type it');

export const CreateShareRequest = z
  .object({
    connectionId: z.uuid(),
    bucket: BucketName,
    key: z.string().min(1).max(1024).optional().describe('An object to share'),
    prefix: z
      .string()
      .max(1024)
      .optional()
      .describe("A folder to share: '' (whole bucket) or ending in '/'"),
    expiresInDays: z.number().int().min(1).max(3650).default(SHARE_DEFAULT_EXPIRY_DAYS),
    password: LinkPassword.optional(),
    maxDownloads: z.number().int().min(1).max(1_000_000).optional(),
    allowedCidrs: z.array(Cidr).max(50).optional(),
  })
  .refine((value) => (value.key === undefined) !== (value.prefix === undefined), {
    message: 'Give either key (a file) or prefix (a folder)',
    path: ['key'],
  })
  .meta({ id: 'CreateShareRequest' });
export type CreateShareRequest = z.input<typeof CreateShareRequest>;

export const CreatedShare = z
  .object({
    id: z.uuid(),
    url: z.string().describe('The link (holds the token: shown only in this response)'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'CreatedShare' });
export type CreatedShare = z.infer<typeof CreatedShare>;

export const ShareStatus = z.enum(['active', 'expired', 'revoked', 'exhausted']);
export type ShareStatus = z.infer<typeof ShareStatus>;

export const ShareView = z
  .object({
    id: z.uuid(),
    connectionId: z.uuid(),
    bucket: z.string(),
    key: z.string(),
    isFolder: z.boolean(),
    hasPassword: z.boolean(),
    maxDownloads: z.number().nullable(),
    downloadCount: z.number(),
    accessCount: z.number(),
    allowedCidrs: z.array(z.string()),
    status: ShareStatus,
    expiresAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
    lastAccessAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Share' });
export type ShareView = z.infer<typeof ShareView>;

export const ShareList = z.object({ items: z.array(ShareView) }).meta({ id: 'ShareList' });
export type ShareList = z.infer<typeof ShareList>;

/** The link's token, as it travels in the public routes' path. */
export const LinkTokenParams = z.object({ token: z.string().min(20).max(100) });

export const OpenShareRequest = z
  .object({
    password: z.string().max(200).optional(),
    path: z
      .string()
      .max(1024)
      .default('')
      .describe("Folder shares: a sub-folder relative to the shared folder ('' or ending in '/')"),
  })
  .meta({ id: 'OpenShareRequest' });
export type OpenShareRequest = z.input<typeof OpenShareRequest>;

export const SharedFile = z.object({
  /** Relative to the shared folder (the file's name for a file share). */
  path: z.string(),
  name: z.string(),
  size: z.number(),
  lastModified: z.iso.datetime().nullable(),
});
export type SharedFile = z.infer<typeof SharedFile>;

export const SharedContents = z
  .object({
    kind: z.enum(['file', 'folder']),
    name: z.string(),
    expiresAt: z.iso.datetime(),
    downloadsLeft: z.number().nullable(),
    path: z.string().describe('Folder shares: the sub-folder listed'),
    folders: z.array(z.object({ path: z.string(), name: z.string() })),
    files: z.array(SharedFile),
    truncated: z.boolean().describe('More than the listing limit: not every file is shown'),
  })
  .meta({ id: 'SharedContents' });
export type SharedContents = z.infer<typeof SharedContents>;

export const ShareDownloadRequest = z
  .object({
    password: z.string().max(200).optional(),
    paths: z
      .array(z.string().min(1).max(1024))
      .max(1000)
      .optional()
      .describe('Folder shares: files relative to the folder (one download however many)'),
  })
  .meta({ id: 'ShareDownloadRequest' });
export type ShareDownloadRequest = z.input<typeof ShareDownloadRequest>;

export const ShareDownload = z
  .object({
    items: z.array(z.object({ path: z.string(), url: z.string() })),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ShareDownload' });
export type ShareDownload = z.infer<typeof ShareDownload>;
