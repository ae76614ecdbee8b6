// Parser of CloudTrail log files (gzip JSON `{"Records": [...]}`) into security events: S3 data
// events (reads and writes with their bytes, deletes) and every refused call (AccessDenied and
// friends), management events of IAM and KMS included.
import { gunzipSync } from 'node:zlib';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { ObservedEvent } from '../security-events.repo.js';

/** The fields we read; CloudTrail records carry many more, which are kept in the evidence line. */
const CloudTrailRecord = z.looseObject({
  eventTime: z.string(),
  eventSource: z.string(),
  eventName: z.string(),
  sourceIPAddress: z.string().optional(),
  userAgent: z.string().optional(),
  errorCode: z.string().optional(),
  requestID: z.string().optional(),
  eventID: z.string().optional(),
  userIdentity: z
    .looseObject({
      type: z.string().optional(),
      arn: z.string().optional(),
      principalId: z.string().optional(),
      invokedBy: z.string().optional(),
    })
    .optional(),
  additionalEventData: z
    .looseObject({
      bytesTransferredIn: z.number().optional(),
      bytesTransferredOut: z.number().optional(),
    })
    .optional(),
});
export type CloudTrailRecord = z.infer<typeof CloudTrailRecord>;

/** Error codes that mean "you may not": each is a failed request of its caller. */
const REFUSED =
  /AccessDenied|Unauthorized|Forbidden|InvalidClientTokenId|SignatureDoesNotMatch|InvalidAccessKeyId|ExpiredToken/i;

/** Who made the call: the ARN when there is one, else the principal id or the service. */
export function cloudTrailPrincipal(record: CloudTrailRecord): string | null {
  const identity = record.userIdentity;
  if (!identity) return null;
  return identity.arn ?? identity.principalId ?? identity.invokedBy ?? identity.type ?? null;
}

/** Parses one log file (gzip or plain JSON): records, and how many entries were not records. */
export function parseCloudTrailFile(body: Buffer): {
  records: { record: CloudTrailRecord; raw: unknown }[];
  malformed: number;
} {
  let document: unknown;
  try {
    const text = (body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body) : body).toString('utf8');
    document = JSON.parse(text);
  } catch {
    return { records: [], malformed: 1 };
  }
  const list = (document as { Records?: unknown } | null)?.Records;
  if (!Array.isArray(list)) return { records: [], malformed: 1 };
  const records: { record: CloudTrailRecord; raw: unknown }[] = [];
  let malformed = 0;
  for (const raw of list) {
    const parsed = CloudTrailRecord.safeParse(raw);
    if (parsed.success && !Number.isNaN(new Date(parsed.data.eventTime).getTime()))
      records.push({ record: parsed.data, raw });
    else malformed++;
  }
  return { records, malformed };
}

const S3_READS = new Set(['GetObject']);
const S3_WRITES = new Set(['PutObject', 'UploadPart', 'CopyObject', 'UploadPartCopy']);
const S3_DELETES = new Set(['DeleteObject', 'DeleteObjects']);

/** What the detectors see of a record (the raw JSON is the evidence line). */
export function securityEventFromCloudTrail(record: CloudTrailRecord, raw: unknown): ObservedEvent {
  const ip = record.sourceIPAddress && isIP(record.sourceIPAddress) ? record.sourceIPAddress : null;
  const base = {
    at: new Date(record.eventTime),
    source: 'cloudtrail' as const,
    ip,
    principal: cloudTrailPrincipal(record),
    userAgent: record.userAgent ?? null,
    route: `${record.eventSource.replace('.amazonaws.com', '')}:${record.eventName}`,
    requestId: record.requestID ?? record.eventID ?? null,
    line: JSON.stringify(raw),
  };
  if (record.errorCode)
    return REFUSED.test(record.errorCode)
      ? { ...base, kind: 'request.failed', status: 403 }
      : { ...base, kind: 'request' };
  if (record.eventSource === 's3.amazonaws.com') {
    const data = record.additionalEventData;
    if (S3_READS.has(record.eventName))
      return { ...base, kind: 'object.read', bytes: data?.bytesTransferredOut ?? null };
    if (S3_WRITES.has(record.eventName))
      return { ...base, kind: 'upload', bytes: data?.bytesTransferredIn ?? null };
    if (S3_DELETES.has(record.eventName)) return { ...base, kind: 'object.delete' };
  }
  return { ...base, kind: 'request' };
}
