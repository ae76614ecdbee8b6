// Parser of S3 server access log lines (the documented space-separated format: `[time]` in
// brackets, quoted request URI / referrer / user agent, `-` for empty) into security events.
import type { ObservedEvent } from '../security-events.repo.js';

export interface S3AccessLogRecord {
  bucketOwner: string;
  bucket: string;
  time: Date;
  remoteIp: string | null;
  requester: string | null;
  requestId: string;
  operation: string;
  key: string | null;
  requestUri: string | null;
  httpStatus: number | null;
  errorCode: string | null;
  bytesSent: number | null;
  objectSize: number | null;
  totalTimeMs: number | null;
  referer: string | null;
  userAgent: string | null;
  line: string;
}

/** Splits a line into fields: bare words, "quoted strings" (\" escapes) and [bracketed] times. */
export function splitLogFields(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === ' ') {
      i++;
      continue;
    }
    if (char === '"' || char === '[') {
      const close = char === '"' ? '"' : ']';
      let value = '';
      i++;
      while (i < line.length && line[i] !== close) {
        if (line[i] === '\\' && close === '"' && i + 1 < line.length) i++;
        value += line[i];
        i++;
      }
      if (i >= line.length) return null; // unterminated
      fields.push(value);
      i++;
      continue;
    }
    const end = line.indexOf(' ', i);
    fields.push(line.slice(i, end === -1 ? line.length : end));
    i = end === -1 ? line.length : end;
  }
  return fields;
}

const MONTHS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};

/** `06/Feb/2019:00:00:38 +0000` → Date, or null. */
export function parseLogTime(value: string): Date | null {
  const match = /^(\d{2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(
    value,
  );
  const month = match ? MONTHS[match[2]!] : undefined;
  if (!match || !month) return null;
  const date = new Date(
    `${match[3]}-${month}-${match[1]}T${match[4]}:${match[5]}:${match[6]}${match[7]}${match[8]}:${match[9]}`,
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

const dash = (value: string | undefined) => (value === undefined || value === '-' ? null : value);
const num = (value: string | undefined) => {
  const text = dash(value);
  return text !== null && /^\d+$/.test(text) ? Number(text) : null;
};

/** One record, or null for a line that is not one (truncated, garbage, bad time). */
export function parseS3AccessLogLine(line: string): S3AccessLogRecord | null {
  const fields = splitLogFields(line.trim());
  if (!fields || fields.length < 18) return null;
  const time = parseLogTime(fields[2]!);
  if (!time || !fields[6]?.includes('.')) return null;
  return {
    bucketOwner: fields[0]!,
    bucket: fields[1]!,
    time,
    remoteIp: dash(fields[3]),
    requester: dash(fields[4]),
    requestId: fields[5]!,
    operation: fields[6],
    key: dash(fields[7]),
    requestUri: dash(fields[8]),
    httpStatus: num(fields[9]),
    errorCode: dash(fields[10]),
    bytesSent: num(fields[11]),
    objectSize: num(fields[12]),
    totalTimeMs: num(fields[13]),
    referer: dash(fields[15]),
    userAgent: dash(fields[16]),
    line,
  };
}

/** Parses a log object: records, and how many lines were not records. */
export function parseS3AccessLog(text: string): {
  records: S3AccessLogRecord[];
  malformed: number;
} {
  const records: S3AccessLogRecord[] = [];
  let malformed = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const record = parseS3AccessLogLine(line);
    if (record) records.push(record);
    else malformed++;
  }
  return { records, malformed };
}

/** What the detectors see of a record: failed requests, reads/writes with their bytes, deletes. */
export function securityEventFromAccessLog(record: S3AccessLogRecord): ObservedEvent {
  const status = record.httpStatus;
  const base = {
    at: record.time,
    source: 's3_access_log' as const,
    ip: record.remoteIp,
    principal: record.requester,
    userAgent: record.userAgent,
    route: record.operation,
    status,
    requestId: record.requestId,
    line: record.line,
  };
  if (status === 401 || status === 403) return { ...base, kind: 'request.failed' };
  if (record.operation === 'REST.GET.OBJECT' && status !== null && status < 300)
    return { ...base, kind: 'object.read', bytes: record.bytesSent };
  if (
    /^REST\.(PUT\.OBJECT|POST\.UPLOAD|COPY\.OBJECT)/.test(record.operation) &&
    status !== null &&
    status < 300
  )
    return { ...base, kind: 'upload', bytes: record.objectSize };
  if (record.operation === 'REST.DELETE.OBJECT' && status !== null && status < 300)
    return { ...base, kind: 'object.delete', bytes: record.objectSize };
  return { ...base, kind: 'request' };
}
