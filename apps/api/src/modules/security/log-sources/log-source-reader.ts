// Reads the log objects a source got since its checkpoint, oldest first, and hands their records
// to the detectors. S3 (access logs and CloudTrail alike) names log objects by delivery time, so
// key order is time order and the last key read is the checkpoint: a run lists after it only.
// Each object is claimed by moving the checkpoint from the previous key to it (compare-and-set)
// before its records are evaluated: two readers (the job on two instances, an admin's "run now")
// never both count one object, at the price of one object's events if the process dies between
// the claim and the evaluation.
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { LogSource, LogSourceRun } from '@s3am/contracts';
import type { Db } from '../../../db/prisma.js';
import { s3ClientFor, type S3ClientDeps } from '../../connections/s3-client.js';
import type { ObservedEvent } from '../security-events.repo.js';
import { parseCloudTrailFile, securityEventFromCloudTrail } from './cloudtrail-log.js';
import { checkpointKey } from './log-sources.service.js';
import { parseS3AccessLog, securityEventFromAccessLog } from './s3-access-log.js';

/** Bounds one run's work; the next run continues from the checkpoint. */
const MAX_OBJECTS_PER_RUN = 500;
/** Log objects are small (S3: KBs, CloudTrail: up to a few MB); a huge one is not a log. */
const MAX_OBJECT_BYTES = 64 * 1024 * 1024;

export interface LogReaderDeps extends S3ClientDeps {
  db: Db;
  /** The monitor's observe: records and evaluates the events. */
  observe(events: readonly ObservedEvent[]): Promise<void>;
}

/** Whether a requester is one of the source's known principals (exact or a part of it). */
function isKnown(principal: string | null | undefined, known: readonly string[]): boolean {
  if (!principal) return false;
  return known.some((entry) => principal === entry || principal.includes(entry));
}

/** The record's events, plus an unknown-principal event when the source lists its principals. */
function withPrincipalCheck(event: ObservedEvent, source: LogSource): ObservedEvent[] {
  if (source.knownPrincipals.length === 0 || isKnown(event.principal, source.knownPrincipals))
    return [event];
  return [
    event,
    { ...event, kind: 'principal.unknown', principal: event.principal ?? 'anonymous' },
  ];
}

async function readBody(client: S3Client, bucket: string, key: string): Promise<Buffer | null> {
  const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if ((object.ContentLength ?? 0) > MAX_OBJECT_BYTES || !object.Body) {
    await object.Body?.transformToByteArray().catch(() => undefined);
    return null;
  }
  return Buffer.from(await object.Body.transformToByteArray());
}

function eventsOf(
  source: LogSource,
  body: Buffer,
): { events: ObservedEvent[]; records: number; malformed: number } {
  if (source.kind === 's3_access_log') {
    const { records, malformed } = parseS3AccessLog(body.toString('utf8'));
    return {
      events: records.flatMap((record) =>
        withPrincipalCheck(securityEventFromAccessLog(record), source),
      ),
      records: records.length,
      malformed,
    };
  }
  const { records, malformed } = parseCloudTrailFile(body);
  return {
    events: records.flatMap(({ record, raw }) =>
      withPrincipalCheck(securityEventFromCloudTrail(record, raw), source),
    ),
    records: records.length,
    malformed,
  };
}

/** Lists the source's log objects after the checkpoint, in key order, up to the run's bound. */
async function newKeys(client: S3Client, source: LogSource, after: string | null) {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: source.bucket,
        Prefix: source.prefix,
        ...(token ? { ContinuationToken: token } : after ? { StartAfter: after } : {}),
        MaxKeys: 1000,
      }),
    );
    for (const object of page.Contents ?? []) {
      // Folder markers and CloudTrail's digest files are no log records.
      if (!object.Key || object.Key.endsWith('/') || object.Key.includes('/CloudTrail-Digest/'))
        continue;
      keys.push(object.Key);
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token && keys.length < MAX_OBJECTS_PER_RUN);
  return keys.sort().slice(0, MAX_OBJECTS_PER_RUN);
}

/** Moves the checkpoint from `previous` to `key`; false when someone else moved it first. */
async function claim(db: Db, id: string, previous: string | null, key: string): Promise<boolean> {
  const changed =
    previous === null
      ? await db.$executeRaw`INSERT INTO security_log_checkpoints (source, last_key, updated_at)
          VALUES (${id}, ${key}, now()) ON CONFLICT (source) DO NOTHING`
      : await db.$executeRaw`UPDATE security_log_checkpoints SET last_key = ${key}, updated_at = now()
          WHERE source = ${id} AND last_key = ${previous}`;
  return changed === 1;
}

export async function readLogSource(deps: LogReaderDeps, source: LogSource): Promise<LogSourceRun> {
  const run: LogSourceRun = {
    source: source.name,
    objects: 0,
    records: 0,
    malformed: 0,
    events: 0,
    error: null,
  };
  const id = checkpointKey(source);
  try {
    const connection = await deps.db.s3Connection.findUnique({
      where: { id: source.connectionId },
    });
    if (!connection) throw new Error('the connection of this log source no longer exists');
    const client = s3ClientFor(connection, deps);
    const checkpoint = await deps.db.securityLogCheckpoint.findUnique({ where: { source: id } });
    let previous = checkpoint?.lastKey ?? null;
    for (const key of await newKeys(client, source, previous)) {
      if (!(await claim(deps.db, id, previous, key))) break; // another reader is ahead
      previous = key;
      const body = await readBody(client, source.bucket, key);
      if (body) {
        const parsed = eventsOf(source, body);
        await deps.observe(parsed.events);
        run.records += parsed.records;
        run.malformed += parsed.malformed;
        run.events += parsed.events.length;
      } else run.malformed++;
      run.objects++;
    }
  } catch (error) {
    run.error = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  }
  return run;
}
