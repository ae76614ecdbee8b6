// Server-side copies inside one bucket: CopyObject up to 5 GiB, UploadPartCopy above (S3 refuses
// a single CopyObject over 5 GiB). Bytes stay in the storage service; none pass through the API.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectTaggingCommand,
  UploadPartCopyCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ErrorCode } from '@s3am/contracts';
import { AppError } from '../../lib/app-error.js';
import { isS3Error } from '../connections/connection-errors.js';

/** S3's limit for one CopyObject (and for one part). */
export const SINGLE_COPY_LIMIT_BYTES = 5 * 1024 ** 3;
const COPY_PART_BYTES = 512 * 1024 ** 2;
const MAX_PARTS = 10_000;

export interface CopySpec {
  bucket: string;
  sourceKey: string;
  sourceVersionId?: string;
  targetKey: string;
  /** Replace the user metadata (content type and the other headers kept); else copy it. */
  metadata?: Record<string, string>;
}

export interface CopyLimits {
  /** Above this size the copy goes part by part (tests lower it to exercise that path). */
  singleCopyLimitBytes?: number;
  partBytes?: number;
}

/** CopySource names the key URL-encoded (segments, not slashes), plus the version when given. */
function copySource(spec: CopySpec): string {
  const key = spec.sourceKey.split('/').map(encodeURIComponent).join('/');
  const versionPart = spec.sourceVersionId
    ? `?versionId=${encodeURIComponent(spec.sourceVersionId)}`
    : '';
  return `${encodeURIComponent(spec.bucket)}/${key}${versionPart}`;
}

/** HEAD of an object (a version when given), or null when there is none. */
export async function headOrNull(
  client: S3Client,
  bucket: string,
  key: string,
  versionId?: string,
): Promise<HeadObjectCommandOutput | null> {
  try {
    return await client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }),
    );
  } catch (error) {
    if (isS3Error(error, 'NotFound') || isS3Error(error, 'NoSuchKey')) return null;
    throw error;
  }
}

/** The headers a copy keeps when it replaces the metadata (REPLACE drops them otherwise). */
function keptHeaders(head: HeadObjectCommandOutput) {
  return {
    ContentType: head.ContentType,
    CacheControl: head.CacheControl,
    ContentDisposition: head.ContentDisposition,
    ContentEncoding: head.ContentEncoding,
    ContentLanguage: head.ContentLanguage,
    Expires: head.Expires,
  };
}

/**
 * Copies `sourceKey` to `targetKey` and returns the bytes copied. The source's content type and
 * headers are kept; its tags too (CopyObject copies them; part copies set them from the source).
 */
export async function copyObject(
  client: S3Client,
  spec: CopySpec,
  limits: CopyLimits = {},
  knownHead?: HeadObjectCommandOutput,
): Promise<number> {
  const head =
    knownHead ??
    (await headOrNull(client, spec.bucket, spec.sourceKey, spec.sourceVersionId)) ??
    (() => {
      throw new AppError(ErrorCode.NOT_FOUND, `No object "${spec.sourceKey}" to copy.`);
    })();
  const size = head.ContentLength ?? 0;
  const metadata = spec.metadata ?? head.Metadata ?? {};
  if (size <= (limits.singleCopyLimitBytes ?? SINGLE_COPY_LIMIT_BYTES)) {
    await client.send(
      new CopyObjectCommand({
        Bucket: spec.bucket,
        Key: spec.targetKey,
        CopySource: copySource(spec),
        ...(spec.metadata
          ? { MetadataDirective: 'REPLACE', Metadata: metadata, ...keptHeaders(head) }
          : {}),
      }),
    );
    return size;
  }
  await copyInParts(client, spec, head, metadata, limits.partBytes ?? COPY_PART_BYTES);
  return size;
}

async function copyInParts(
  client: S3Client,
  spec: CopySpec,
  head: HeadObjectCommandOutput,
  metadata: Record<string, string>,
  preferredPartBytes: number,
): Promise<void> {
  const size = head.ContentLength ?? 0;
  const partBytes = Math.max(preferredPartBytes, Math.ceil(size / MAX_PARTS));
  const created = await client.send(
    new CreateMultipartUploadCommand({
      Bucket: spec.bucket,
      Key: spec.targetKey,
      Metadata: metadata,
      ...keptHeaders(head),
      ...(head.ServerSideEncryption
        ? { ServerSideEncryption: head.ServerSideEncryption, SSEKMSKeyId: head.SSEKMSKeyId }
        : {}),
    }),
  );
  const uploadId = created.UploadId ?? '';
  try {
    const parts: { PartNumber: number; ETag: string }[] = [];
    for (let start = 0, partNumber = 1; start < size; start += partBytes, partNumber += 1) {
      const end = Math.min(size, start + partBytes) - 1;
      const part = await client.send(
        new UploadPartCopyCommand({
          Bucket: spec.bucket,
          Key: spec.targetKey,
          UploadId: uploadId,
          PartNumber: partNumber,
          CopySource: copySource(spec),
          CopySourceRange: `bytes=${start}-${end}`,
        }),
      );
      parts.push({ PartNumber: partNumber, ETag: part.CopyPartResult?.ETag ?? '' });
    }
    await client.send(
      new CompleteMultipartUploadCommand({
        Bucket: spec.bucket,
        Key: spec.targetKey,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
    const tagging = await client.send(
      new GetObjectTaggingCommand({
        Bucket: spec.bucket,
        Key: spec.sourceKey,
        VersionId: spec.sourceVersionId,
      }),
    );
    if ((tagging.TagSet ?? []).length > 0)
      await client.send(
        new PutObjectTaggingCommand({
          Bucket: spec.bucket,
          Key: spec.targetKey,
          Tagging: { TagSet: tagging.TagSet },
        }),
      );
  } catch (error) {
    // Never leave parts behind that cost storage and that nobody will complete.
    await client
      .send(
        new AbortMultipartUploadCommand({
          Bucket: spec.bucket,
          Key: spec.targetKey,
          UploadId: uploadId,
        }),
      )
      .catch(() => undefined);
    throw error;
  }
}
