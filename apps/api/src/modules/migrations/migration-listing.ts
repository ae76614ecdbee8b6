// Lists the source one page at a time and records each object as an item, together with the
// listing checkpoint, in one transaction: a worker killed between pages re-lists at most one
// page, and the (job, key) key keeps every object exactly once. The destination range the page
// covers is listed too, so objects already there are decided (skipped) without a HEAD each.
import { ListObjectsV2Command, type S3Client, type _Object } from '@aws-sdk/client-s3';
import type { MigrationOptions } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { insertListedItems, type ListedItem } from './migration-items.repo.js';
import {
  destinationKey,
  identicalAtDestination,
  keyFilter,
  type Location,
} from './migration-locations.js';

export const LISTING_PAGE = 1000;

export interface ListingContext {
  db: Db;
  jobId: string;
  source: Location & { client: S3Client };
  destination: Location & { client: S3Client };
  options: MigrationOptions;
}

export interface PageResult {
  done: boolean;
  listed: number;
  pending: number;
  skipped: number;
  lastKey: string | null;
}

/** S3 orders keys by their UTF-8 bytes; JavaScript's < compares UTF-16 units. */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

interface DestinationEntry {
  size: bigint;
  etag: string | null;
  lastModified: Date | null;
}

/** The destination objects from just after `after` through `through` (destination keys). */
async function listDestinationRange(
  context: ListingContext,
  after: string | null,
  through: string,
  signal: AbortSignal,
): Promise<Map<string, DestinationEntry>> {
  const found = new Map<string, DestinationEntry>();
  let startAfter = after ?? undefined;
  for (;;) {
    const page = await context.destination.client.send(
      new ListObjectsV2Command({
        Bucket: context.destination.bucket,
        Prefix: context.destination.prefix || undefined,
        StartAfter: startAfter,
        MaxKeys: LISTING_PAGE,
      }),
      { abortSignal: signal },
    );
    const contents = page.Contents ?? [];
    for (const object of contents) {
      if (!object.Key || compareKeys(object.Key, through) > 0) return found;
      found.set(object.Key, entryOf(object));
    }
    const last = contents.at(-1)?.Key;
    if (!page.IsTruncated || !last) return found;
    startAfter = last;
  }
}

function entryOf(object: _Object): DestinationEntry {
  return {
    size: BigInt(object.Size ?? 0),
    etag: object.ETag ?? null,
    lastModified: object.LastModified ?? null,
  };
}

/** Lists the page after the checkpoint, records its items and the new checkpoint. */
export async function listNextPage(
  context: ListingContext,
  after: string | null,
  signal: AbortSignal,
): Promise<PageResult> {
  const { source, destination, options } = context;
  const page = await source.client.send(
    new ListObjectsV2Command({
      Bucket: source.bucket,
      Prefix: source.prefix || undefined,
      StartAfter: after ?? undefined,
      MaxKeys: LISTING_PAGE,
    }),
    { abortSignal: signal },
  );
  const contents = (page.Contents ?? []).filter((object) => object.Key !== undefined);
  const lastKey = contents.at(-1)?.Key ?? after;
  const done = !page.IsTruncated || contents.length === 0;
  const accepts = keyFilter(options.include, options.exclude);
  const wanted = contents.filter((object) => accepts(object.Key!.slice(source.prefix.length)));
  const lookAtDestination = options.skipIdentical || options.overwrite === 'skip';
  const existing =
    lookAtDestination && wanted.length > 0
      ? await listDestinationRange(
          context,
          after === null ? null : destinationKey(after, source, destination),
          destinationKey(wanted.at(-1)!.Key!, source, destination),
          signal,
        )
      : new Map<string, DestinationEntry>();
  const rows = wanted.map((object): ListedItem => {
    const key = object.Key!;
    const entry = entryOf(object);
    const there = existing.get(destinationKey(key, source, destination));
    let reason: string | null = null;
    if (there && options.overwrite === 'skip')
      reason = 'exists: an object exists at the destination (overwrite: skip).';
    else if (
      there &&
      options.overwrite === 'if_different' &&
      options.skipIdentical &&
      identicalAtDestination(entry, there)
    )
      reason = 'identical: the destination already has this object (same size and ETag).';
    return {
      key,
      size: entry.size,
      etag: entry.etag,
      lastModified: entry.lastModified,
      state: reason ? ('skipped' as const) : ('pending' as const),
      reason,
    };
  });
  await context.db.$transaction([
    insertListedItems(context.db, context.jobId, rows),
    context.db.migrationJob.update({
      where: { id: context.jobId },
      data: { listingAfter: lastKey, listingDone: done, updatedAt: new Date() },
    }),
  ]);
  const skipped = rows.filter((row) => row.state === 'skipped').length;
  return { done, listed: contents.length, pending: rows.length - skipped, skipped, lastKey };
}
