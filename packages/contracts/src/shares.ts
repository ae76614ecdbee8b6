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

const shareExample = {
  id: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
  connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
  bucket: 'team-media',
  key: 'projects/launch/',
  isFolder: true,
  hasPassword: true,
  maxDownloads: 20,
  downloadCount: 3,
  accessCount: 11,
  allowedCidrs: [],
  status: 'active' as const,
  expiresAt: '2026-03-09T16:00:00.000Z',
  revokedAt: null,
  lastAccessAt: '2026-03-03T08:12:00.000Z',
  createdAt: '2026-03-02T16:00:00.000Z',
};

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
  .meta({
    id: 'CreateShareRequest',
    examples: [
      {
        connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
        bucket: 'team-media',
        key: 'reports/summary.pdf',
        expiresInDays: 3,
      },
      {
        connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
        bucket: 'team-media',
        prefix: 'projects/launch/',
        password: 'launch-preview-2026',
        maxDownloads: 20,
      },
    ],
  });
export type CreateShareRequest = z.input<typeof CreateShareRequest>;

export const CreatedShare = z
  .object({
    id: z.uuid(),
    url: z.string().describe('The link (holds the token: shown only in this response)'),
    expiresAt: z.iso.datetime(),
  })
  .meta({
    id: 'CreatedShare',
    examples: [
      {
        id: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d',
        url: 'https://s3am.example.com/s/Qm9vZ2llV29vZ2llVG9rZW5FeGFtcGxl',
        expiresAt: '2026-03-09T16:00:00.000Z',
      },
    ],
  });
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
  .meta({ id: 'Share', examples: [shareExample] });
export type ShareView = z.infer<typeof ShareView>;

export const ShareList = z
  .object({ items: z.array(ShareView) })
  .meta({ id: 'ShareList', examples: [{ items: [shareExample] }] });
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
  .meta({
    id: 'OpenShareRequest',
    examples: [{ password: 'launch-preview-2026', path: 'drafts/' }],
  });
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
  .meta({
    id: 'SharedContents',
    examples: [
      {
        kind: 'folder' as const,
        name: 'launch',
        expiresAt: '2026-03-09T16:00:00.000Z',
        downloadsLeft: 17,
        path: 'drafts/',
        folders: [{ path: 'drafts/stills/', name: 'stills' }],
        files: [
          {
            path: 'drafts/cut-1.mp4',
            name: 'cut-1.mp4',
            size: 524_288_000,
            lastModified: '2026-03-01T12:00:00.000Z',
          },
        ],
        truncated: false,
      },
    ],
  });
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
  .meta({
    id: 'ShareDownloadRequest',
    examples: [{ password: 'launch-preview-2026', paths: ['drafts/cut-1.mp4'] }],
  });
export type ShareDownloadRequest = z.input<typeof ShareDownloadRequest>;

export const ShareDownload = z
  .object({
    items: z.array(z.object({ path: z.string(), url: z.string() })),
    expiresAt: z.iso.datetime(),
  })
  .meta({
    id: 'ShareDownload',
    examples: [
      {
        items: [
          {
            path: 'drafts/cut-1.mp4',
            url: 'https://team-media.s3.eu-west-1.amazonaws.com/projects/launch/drafts/cut-1.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=…',
          },
        ],
        expiresAt: '2026-03-03T08:17:00.000Z',
      },
    ],
  });
export type ShareDownload = z.infer<typeof ShareDownload>;
