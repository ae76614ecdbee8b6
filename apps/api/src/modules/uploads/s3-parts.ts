// What S3 holds for a multipart upload (ListParts, page by page), and S3 failures as API errors.
import { AbortMultipartUploadCommand, ListPartsCommand, type S3Client } from '@aws-sdk/client-s3';
import { ErrorCode, type UploadedParts } from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import { classifyS3Error, isS3Error } from '../connections/connection-errors.js';

export interface HeldPart {
  partNumber: number;
  etag: string;
  size: number;
}

export interface MultipartRef {
  bucket: string;
  key: string;
  s3UploadId: string | null;
}

export async function listPartsPage(
  client: S3Client,
  upload: MultipartRef,
  marker: number | undefined,
): Promise<UploadedParts> {
  const page = await client.send(
    new ListPartsCommand({
      Bucket: upload.bucket,
      Key: upload.key,
      UploadId: upload.s3UploadId ?? '',
      ...(marker ? { PartNumberMarker: String(marker) } : {}),
      MaxParts: 1000,
    }),
  );
  return {
    parts: (page.Parts ?? []).map((part) => ({
      partNumber: part.PartNumber ?? 0,
      etag: part.ETag ?? '',
      size: part.Size ?? 0,
    })),
    nextMarker:
      page.IsTruncated && page.NextPartNumberMarker ? Number(page.NextPartNumberMarker) : null,
  };
}

/** Every part, following the markers (at most 10 pages for S3's 10,000 parts). */
export async function listAllParts(client: S3Client, upload: MultipartRef): Promise<HeldPart[]> {
  const parts: HeldPart[] = [];
  let marker: number | undefined;
  do {
    const page = await listPartsPage(client, upload, marker);
    parts.push(...page.parts);
    marker = page.nextMarker ?? undefined;
  } while (marker !== undefined);
  return parts;
}

/** Aborts a multipart upload; one S3 no longer holds is already what we wanted. */
export async function abortMultipartUpload(client: S3Client, upload: MultipartRef): Promise<void> {
  try {
    await client.send(
      new AbortMultipartUploadCommand({
        Bucket: upload.bucket,
        Key: upload.key,
        UploadId: upload.s3UploadId ?? '',
      }),
    );
  } catch (error) {
    if (!isS3Error(error, 'NoSuchUpload')) throw error;
  }
}

/** A failure of the storage service, explained without leaking its raw message or credentials. */
export function storageError(error: unknown): AppError {
  const failure = classifyS3Error(error);
  return new AppError(ErrorCode.STORAGE_ERROR, failure.message);
}
