// Checks a migration definition before it starts: both locations reachable and permitted (a
// HeadBucket and a one-key ListObjectsV2 on each side, explained on failure) and not overlapping.
import { HeadBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ErrorCode, type MigrationValidation } from '@s3am/contracts';
import type { S3Connection } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { classifyS3Error } from '../connections/connection-errors.js';
import { s3ClientFor, type S3ClientDeps } from '../connections/s3-client.js';
import { locationsOverlap, type Location } from './migration-locations.js';

/** Same storage: one connection, or two that reach the same endpoint (null = AWS) and region. */
export function sameStorage(a: S3Connection, b: S3Connection): boolean {
  return (
    a.id === b.id || ((a.endpoint ?? 'aws') === (b.endpoint ?? 'aws') && a.region === b.region)
  );
}

export function assertNoOverlap(
  source: Location,
  destination: Location,
  connections: { source: S3Connection; destination: S3Connection },
): void {
  if (
    locationsOverlap(source, destination, sameStorage(connections.source, connections.destination))
  )
    throw new AppError(
      ErrorCode.MIGRATION_OVERLAP,
      `The source s3://${source.bucket}/${source.prefix} and the destination s3://${destination.bucket}/${destination.prefix} overlap: one prefix lies inside the other in the same bucket, so the job would copy its own output. Choose prefixes side by side (e.g. data/ → data-copy/).`,
    );
}

export async function checkLocations(
  deps: S3ClientDeps,
  sides: { side: 'source' | 'destination'; connection: S3Connection; location: Location }[],
): Promise<MigrationValidation> {
  const checks: MigrationValidation['checks'] = [];
  await Promise.all(
    sides.map(async ({ side, connection, location }) => {
      const client = s3ClientFor(connection, deps);
      const head = await client.send(new HeadBucketCommand({ Bucket: location.bucket })).then(
        () => null,
        (error: unknown) => classifyS3Error(error),
      );
      checks.push({
        side,
        call: 'HeadBucket',
        ok: head === null,
        ...(head ? { failure: head } : {}),
      });
      const list = await client
        .send(
          new ListObjectsV2Command({
            Bucket: location.bucket,
            Prefix: location.prefix || undefined,
            MaxKeys: 1,
          }),
        )
        .then(
          () => null,
          (error: unknown) => classifyS3Error(error),
        );
      checks.push({
        side,
        call: 'ListObjectsV2',
        ok: list === null,
        ...(list ? { failure: list } : {}),
      });
    }),
  );
  checks.sort((a, b) => `${a.side}${a.call}`.localeCompare(`${b.side}${b.call}`));
  return { ok: checks.every((check) => check.ok), checks };
}

/** The failed checks as one sentence per check, with what to look at. */
export function explainChecks(validation: MigrationValidation): string {
  return validation.checks
    .filter((check) => !check.ok && check.failure)
    .map(
      (check) =>
        `${check.side}: ${check.call} failed — ${check.failure!.message}${check.failure!.hints.length ? ` Check: ${check.failure!.hints.join(' ')}` : ''}`,
    )
    .join(' ');
}
