// Links the Files page draws list thumbnails from: one call signs short-lived GETs for the
// images in view, so a folder of photos costs one request per screenful instead of one per file.
import { z } from 'zod';
import { BucketName } from './bucket-name.js';

/** Most rows a phone or desktop table shows at once, with room to spare. */
export const MAX_THUMBNAIL_KEYS = 100;

export const ThumbnailUrlsRequest = z
  .object({
    connectionId: z.uuid(),
    bucket: BucketName,
    keys: z
      .array(z.string().min(1).max(1024))
      .min(1)
      .max(MAX_THUMBNAIL_KEYS)
      .describe('Object keys (needs read on each); names that are not raster images are skipped'),
  })
  .meta({
    id: 'ThumbnailUrlsRequest',
    examples: [
      {
        connectionId: 'c0ffee00-1234-4abc-9def-0123456789ab',
        bucket: 'team-media',
        keys: ['photos/beach.jpg', 'photos/notes.txt'],
      },
    ],
  });
export type ThumbnailUrlsRequest = z.infer<typeof ThumbnailUrlsRequest>;

export const ThumbnailUrls = z
  .object({
    expiresAt: z.iso.datetime(),
    items: z.array(
      z.object({
        key: z.string(),
        url: z.string().describe('Presigned GET answered with the image type of the extension'),
      }),
    ),
    skipped: z.array(z.string()).describe('Keys whose names are no raster image (png, jpeg, ...)'),
  })
  .meta({
    id: 'ThumbnailUrls',
    examples: [
      {
        expiresAt: '2026-03-02T16:15:00.000Z',
        items: [
          {
            key: 'photos/beach.jpg',
            url: 'https://team-media.s3.eu-west-1.amazonaws.com/photos/beach.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=…',
          },
        ],
        skipped: ['photos/notes.txt'],
      },
    ],
  });
export type ThumbnailUrls = z.infer<typeof ThumbnailUrls>;
