// Measures usage: the bytes and objects S3 holds under every prefix a quota counts, summed from
// ListObjectsV2. Nested prefixes of one bucket are measured in a single listing of the outermost
// one. A bucket that cannot be listed keeps its last measurement and is reported as failed.
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { MeasureReport } from '@s3am/contracts';
import type { Db } from '../../db/prisma.js';
import { prefixCovers } from '../../lib/key-rules.js';
import { s3ClientFor, type S3ClientDeps } from '../connections/s3-client.js';
import { allGrantedPrefixes, outermost, type Location } from './quota-scope.js';

export interface MeasureDeps extends S3ClientDeps {
  db: Db;
  clock: () => Date;
  /** Told why a bucket could not be listed (the pass goes on with the others). */
  onBucketError?: (where: { connectionId: string; bucket: string }, error: unknown) => void;
}

const idOf = (l: Location) => `${l.connectionId}\u0000${l.bucket}\u0000${l.prefix}`;

/** Every prefix some quota counts (each once). */
async function countedLocations(db: Db, now: Date): Promise<Location[]> {
  const [quotas, granted] = await Promise.all([
    db.quota.findMany({ select: { userId: true, groupId: true } }),
    allGrantedPrefixes(db, now),
  ]);
  const all = quotas.flatMap((quota) =>
    quota.userId ? granted.ofUser(quota.userId) : granted.ofGroup(quota.groupId ?? ''),
  );
  return [...new Map(all.map((location) => [idOf(location), location])).values()];
}

async function* objectsUnder(client: S3Client, bucket: string, prefix: string) {
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    yield* page.Contents ?? [];
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** Sums one bucket's listing into each of its counted prefixes. */
async function measureBucket(client: S3Client, locations: readonly Location[]) {
  const sums = new Map(locations.map((l) => [idOf(l), { bytes: 0, objects: 0 }]));
  for (const root of outermost(locations)) {
    for await (const object of objectsUnder(client, root.bucket, root.prefix)) {
      const key = object.Key ?? '';
      for (const location of locations) {
        if (!prefixCovers(location.prefix, key)) continue;
        const sum = sums.get(idOf(location))!;
        sum.bytes += object.Size ?? 0;
        sum.objects += 1;
      }
    }
  }
  return sums;
}

export async function measureUsage(deps: MeasureDeps): Promise<MeasureReport> {
  const started = deps.clock();
  const locations = await countedLocations(deps.db, started);
  const byBucket = new Map<string, Location[]>();
  for (const location of locations) {
    const bucketKey = `${location.connectionId}\u0000${location.bucket}`;
    byBucket.set(bucketKey, [...(byBucket.get(bucketKey) ?? []), location]);
  }
  const report = { prefixes: 0, objects: 0, bytes: 0, failed: 0 };
  for (const group of byBucket.values()) {
    const connection = await deps.db.s3Connection.findUnique({
      where: { id: group[0]!.connectionId },
    });
    let sums: Awaited<ReturnType<typeof measureBucket>>;
    try {
      if (!connection) throw new Error('connection removed');
      sums = await measureBucket(s3ClientFor(connection, deps), group);
    } catch (error) {
      deps.onBucketError?.(
        { connectionId: group[0]!.connectionId, bucket: group[0]!.bucket },
        error,
      );
      report.failed += group.length;
      continue;
    }
    const measuredAt = deps.clock();
    for (const location of group) {
      const sum = sums.get(idOf(location))!;
      const values = {
        bytes: BigInt(sum.bytes),
        objects: BigInt(sum.objects),
        measuredAt,
        updatedAt: measuredAt,
      };
      await deps.db.prefixUsage.upsert({
        where: { connectionId_bucket_prefix: location },
        create: { ...location, ...values },
        update: values,
      });
    }
    report.prefixes += group.length;
    for (const root of outermost(group)) {
      const sum = sums.get(idOf(root))!;
      report.bytes += sum.bytes;
      report.objects += sum.objects;
    }
  }
  // Prefixes no quota counts any more are not kept up to date: drop them.
  const counted = new Set(locations.map(idOf));
  const stored = await deps.db.prefixUsage.findMany({
    select: { connectionId: true, bucket: true, prefix: true },
  });
  const stale = stored.filter((row) => !counted.has(idOf(row)));
  if (stale.length > 0) await deps.db.prefixUsage.deleteMany({ where: { OR: stale } });
  return report;
}
