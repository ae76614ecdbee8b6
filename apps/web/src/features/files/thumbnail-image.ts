// Turns (the start of) an image in storage into a small thumbnail, in the browser: a JPEG's
// embedded EXIF thumbnail from its first bytes where there is one, else the whole image when it is
// small enough, decoded and drawn scaled down. Ranged GETs bound what is downloaded.
import { i18n } from '../i18n/i18n';
import { isJpeg } from './file-kind';

/** Camera JPEGs keep their EXIF thumbnail within the first few dozen KiB. */
const EXIF_BYTES = 128 * 1024;
/** Larger images get an icon: a thumbnail is not worth downloading megabytes for. */
export const MAX_WHOLE_IMAGE_BYTES = 4 * 1024 * 1024;
/** Drawn at twice the shown size, for high-density screens. */
const EDGE_PX = 56;

async function fetchRange(url: string, length: number, signal: AbortSignal): Promise<Blob> {
  const response = await fetch(url, { signal, headers: { Range: `bytes=0-${length - 1}` } });
  if (!response.ok)
    throw new Error(i18n.t('files.messages.storageAnswered', { status: response.status }));
  return response.blob();
}

async function exifThumbnail(head: Blob): Promise<Blob | null> {
  const { default: exifr } = await import('exifr');
  const bytes = await exifr
    .thumbnail(new Uint8Array(await head.arrayBuffer()))
    .catch(() => undefined);
  return bytes ? new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }) : null;
}

async function shrink(image: Blob): Promise<Blob | null> {
  const bitmap = await createImageBitmap(image).catch(() => null);
  if (!bitmap) return null;
  try {
    const scale = Math.min(1, EDGE_PX / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/webp', 0.8));
  } finally {
    bitmap.close();
  }
}

/** The thumbnail of the object behind `url` (a presigned GET), or null when it gets none. */
export async function drawThumbnail(
  url: string,
  name: string,
  size: number,
  signal: AbortSignal,
): Promise<Blob | null> {
  if (size === 0) return null;
  if (isJpeg(name)) {
    const head = await fetchRange(url, Math.min(size, EXIF_BYTES), signal);
    const embedded = await exifThumbnail(head);
    if (embedded) return (await shrink(embedded)) ?? embedded;
    if (size <= EXIF_BYTES) return shrink(head);
  }
  if (size > MAX_WHOLE_IMAGE_BYTES) return null;
  return shrink(await fetchRange(url, size, signal));
}
