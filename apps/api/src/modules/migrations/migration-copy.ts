// Copies one object to its destination key: server-side CopyObject (≤ the multipart threshold) or
// UploadPartCopy when one credential reaches both sides, otherwise GetObject streamed into PutObject
// or a multipart upload (ranged GETs, a few parts at a time: memory stays bounded by the parts in
// flight, never the object). Verified afterwards: by the ETag the write answered when it is an MD5
// comparable with the source's, otherwise by a HEAD of the destination (size, ETag where comparable).
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { MigrationOptions } from '@s3am/contracts';
import { etagsComparable, unquoteEtag } from './migration-locations.js';
import { VerificationFailed } from './migration-failures.js';
import type { BandwidthCap } from './migration-pacing.js';

export type CopyMode = 'server_side' | 'stream';

export interface CopySide {
  client: S3Client;
  bucket: string;
}

export interface CopySettings {
  source: CopySide;
  destination: CopySide;
  options: MigrationOptions;
  /** Objects above this size are copied in parts (S3's CopyObject limit is 5 GiB). */
  multipartThreshold: number;
  partSize: number;
  /** Parts of one object in flight at once. */
  partConcurrency: number;
  bandwidth: BandwidthCap;
  /** Called as soon as a multipart upload exists (and with null when it ended), to record it. */
  onUploadId: (uploadId: string | null) => Promise<void>;
}

export interface SourceObject {
  key: string;
  size: number;
  etag: string | null;
}

/** What S3 calls "the step" in an error: kept so failures say where they happened. */
export class StepError extends Error {
  constructor(
    readonly step: string,
    readonly original: unknown,
  ) {
    super(`${step}: ${(original as Error)?.message ?? String(original)}`);
  }
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof StepError ? error : new StepError(name, error);
  }
}

/** CopySource as S3 expects it: bucket/key with the key URL-encoded (slashes kept). */
export function copySourceOf(bucket: string, key: string): string {
  return `${bucket}/${encodeURIComponent(key).replace(/%2F/g, '/')}`;
}

function destinationExtras(options: MigrationOptions) {
  return {
    ...(options.storageClass ? { StorageClass: options.storageClass } : {}),
    ...(options.sse.mode === 'AES256' ? { ServerSideEncryption: 'AES256' as const } : {}),
    ...(options.sse.mode === 'aws:kms'
      ? {
          ServerSideEncryption: 'aws:kms' as const,
          ...(options.sse.kmsKeyId ? { SSEKMSKeyId: options.sse.kmsKeyId } : {}),
        }
      : {}),
  };
}

/** Metadata and content headers of the source, as a new object (or upload) is created with them. */
function headersFrom(head: HeadObjectCommandOutput, options: MigrationOptions) {
  if (!options.preserveMetadata) return {};
  return {
    ...(head.Metadata ? { Metadata: head.Metadata } : {}),
    ...(head.ContentType ? { ContentType: head.ContentType } : {}),
    ...(head.CacheControl ? { CacheControl: head.CacheControl } : {}),
    ...(head.ContentDisposition ? { ContentDisposition: head.ContentDisposition } : {}),
    ...(head.ContentEncoding ? { ContentEncoding: head.ContentEncoding } : {}),
    ...(head.ContentLanguage ? { ContentLanguage: head.ContentLanguage } : {}),
    ...(head.Expires ? { Expires: head.Expires } : {}),
  };
}

async function sourceTagging(settings: CopySettings, key: string, signal: AbortSignal) {
  if (!settings.options.preserveTags) return undefined;
  const tags = await step('GetObjectTagging at the source', () =>
    settings.source.client.send(
      new GetObjectTaggingCommand({ Bucket: settings.source.bucket, Key: key }),
      { abortSignal: signal },
    ),
  );
  const set = tags.TagSet ?? [];
  if (set.length === 0) return undefined;
  return new URLSearchParams(set.map((tag) => [tag.Key ?? '', tag.Value ?? ''])).toString();
}

/** Runs `count` part jobs with at most `limit` at a time, stopping at the first failure. */
async function forEachPart(count: number, limit: number, run: (index: number) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) await run(next++);
  });
  await Promise.all(lanes);
}

async function copyInParts(
  settings: CopySettings,
  object: SourceObject,
  destKey: string,
  mode: CopyMode,
  signal: AbortSignal,
): Promise<void> {
  const { source, destination } = settings;
  const head = await step('HeadObject at the source', () =>
    source.client.send(new HeadObjectCommand({ Bucket: source.bucket, Key: object.key }), {
      abortSignal: signal,
    }),
  );
  const tagging = await sourceTagging(settings, object.key, signal);
  const created = await step('CreateMultipartUpload at the destination', () =>
    destination.client.send(
      new CreateMultipartUploadCommand({
        Bucket: destination.bucket,
        Key: destKey,
        ...headersFrom(head, settings.options),
        ...(tagging ? { Tagging: tagging } : {}),
        ...destinationExtras(settings.options),
      }),
      { abortSignal: signal },
    ),
  );
  const uploadId = created.UploadId ?? '';
  await settings.onUploadId(uploadId);
  const count = Math.ceil(object.size / settings.partSize);
  const etags: string[] = new Array<string>(count);
  try {
    await forEachPart(count, settings.partConcurrency, async (index) => {
      const first = index * settings.partSize;
      const last = Math.min(object.size, first + settings.partSize) - 1;
      const common = {
        Bucket: destination.bucket,
        Key: destKey,
        UploadId: uploadId,
        PartNumber: index + 1,
      };
      await settings.bandwidth.take(last - first + 1, signal);
      if (mode === 'server_side') {
        const copied = await step('UploadPartCopy at the destination', () =>
          destination.client.send(
            new UploadPartCopyCommand({
              ...common,
              CopySource: copySourceOf(source.bucket, object.key),
              CopySourceRange: `bytes=${first}-${last}`,
            }),
            { abortSignal: signal },
          ),
        );
        etags[index] = copied.CopyPartResult?.ETag ?? '';
        return;
      }
      const part = await step('GetObject (range) at the source', () =>
        source.client.send(
          new GetObjectCommand({
            Bucket: source.bucket,
            Key: object.key,
            Range: `bytes=${first}-${last}`,
          }),
          { abortSignal: signal },
        ),
      );
      const sent = await step('UploadPart at the destination', () =>
        destination.client.send(
          new UploadPartCommand({ ...common, Body: part.Body, ContentLength: last - first + 1 }),
          { abortSignal: signal },
        ),
      );
      etags[index] = sent.ETag ?? '';
    });
    await step('CompleteMultipartUpload at the destination', () =>
      destination.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: destination.bucket,
          Key: destKey,
          UploadId: uploadId,
          MultipartUpload: { Parts: etags.map((ETag, index) => ({ ETag, PartNumber: index + 1 })) },
        }),
      ),
    );
    await settings.onUploadId(null);
  } catch (error) {
    // Never leave parts behind: they cost storage and the object is not there anyway.
    await destination.client
      .send(
        new AbortMultipartUploadCommand({
          Bucket: destination.bucket,
          Key: destKey,
          UploadId: uploadId,
        }),
      )
      .then(() => settings.onUploadId(null))
      .catch(() => undefined);
    throw error;
  }
}

async function copyWhole(
  settings: CopySettings,
  object: SourceObject,
  destKey: string,
  mode: CopyMode,
  signal: AbortSignal,
): Promise<string | null> {
  const { source, destination, options } = settings;
  await settings.bandwidth.take(object.size, signal);
  if (mode === 'server_side') {
    const copied = await step('CopyObject at the destination', () =>
      destination.client.send(
        new CopyObjectCommand({
          Bucket: destination.bucket,
          Key: destKey,
          CopySource: copySourceOf(source.bucket, object.key),
          MetadataDirective: options.preserveMetadata ? 'COPY' : 'REPLACE',
          TaggingDirective: options.preserveTags ? 'COPY' : 'REPLACE',
          ...destinationExtras(options),
        }),
        { abortSignal: signal },
      ),
    );
    return copied.CopyObjectResult?.ETag ?? null;
  }
  const tagging = await sourceTagging(settings, object.key, signal);
  const body = await step('GetObject at the source', () =>
    source.client.send(new GetObjectCommand({ Bucket: source.bucket, Key: object.key }), {
      abortSignal: signal,
    }),
  );
  const put = await step('PutObject at the destination', () =>
    destination.client.send(
      new PutObjectCommand({
        Bucket: destination.bucket,
        Key: destKey,
        Body: body.Body,
        ContentLength: object.size,
        ...headersFrom(body, options),
        ...(tagging ? { Tagging: tagging } : {}),
        ...destinationExtras(options),
      }),
      { abortSignal: signal },
    ),
  );
  return put.ETag ?? null;
}

/** HEAD of the destination key, or null when there is no such object. */
export async function headDestination(
  settings: CopySettings,
  destKey: string,
  signal?: AbortSignal,
) {
  try {
    return await settings.destination.client.send(
      new HeadObjectCommand({ Bucket: settings.destination.bucket, Key: destKey }),
      signal ? { abortSignal: signal } : {},
    );
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return null;
    throw new StepError('HeadObject at the destination', error);
  }
}

/** Copies and verifies; returns the destination ETag. Throws StepError (or VerificationFailed). */
export async function copyOneObject(
  settings: CopySettings,
  object: SourceObject,
  destKey: string,
  mode: CopyMode,
  signal: AbortSignal,
): Promise<string | null> {
  let answered: string | null = null;
  if (object.size > (mode === 'server_side' ? settings.multipartThreshold : settings.partSize))
    await copyInParts(settings, object, destKey, mode, signal);
  else answered = unquoteEtag(await copyWhole(settings, object, destKey, mode, signal));
  const sourceEtag = unquoteEtag(object.etag);
  // SSE-KMS ETags are not MD5s of the content; multipart ETags depend on the part layout.
  const kms = settings.options.sse.mode === 'aws:kms';
  // The write's own answer is the server's word on what it stored: an MD5 ETag equal to the
  // source's proves the same bytes (so the same size) without a HEAD round trip per object.
  if (!kms && etagsComparable(sourceEtag, answered)) {
    if (sourceEtag !== answered)
      throw new VerificationFailed(
        `ETag at the destination is ${answered}, expected ${sourceEtag}`,
      );
    return answered;
  }
  const head = await headDestination(settings, destKey, signal);
  if (!head)
    throw new VerificationFailed(`the destination has no object ${destKey} after the copy`);
  if ((head.ContentLength ?? -1) !== object.size)
    throw new VerificationFailed(
      `size at the destination is ${head.ContentLength}, expected ${object.size}`,
    );
  const destEtag = unquoteEtag(head.ETag);
  const comparable = etagsComparable(sourceEtag, destEtag) && !kms;
  if (comparable && sourceEtag !== destEtag)
    throw new VerificationFailed(`ETag at the destination is ${destEtag}, expected ${sourceEtag}`);
  return destEtag;
}
