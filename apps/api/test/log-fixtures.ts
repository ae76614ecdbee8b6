// Realistic S3 server access-log lines and CloudTrail records for the security monitor's tests,
// in the formats AWS documents (field order, quoting, `-`; CloudTrail's Records envelope).
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const OWNER = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `[06/Feb/2019:00:00:38 +0000]` */
function logTime(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `[${pad(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000]`;
}

export interface AccessLogLine {
  at: Date;
  ip: string;
  requester?: string | null;
  operation: string;
  key?: string;
  status: number;
  errorCode?: string;
  bytesSent?: number;
  objectSize?: number;
  userAgent?: string;
}

export function accessLogLine(bucket: string, line: AccessLogLine): string {
  const key = line.key ?? '-';
  const method = line.operation.split('.')[1] ?? 'GET';
  return [
    OWNER,
    bucket,
    logTime(line.at),
    line.ip,
    line.requester ?? '-',
    randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase(),
    line.operation,
    key,
    `"${method} /${bucket}/${key === '-' ? '' : key} HTTP/1.1"`,
    String(line.status),
    line.errorCode ?? '-',
    line.bytesSent === undefined ? '-' : String(line.bytesSent),
    line.objectSize === undefined ? '-' : String(line.objectSize),
    '12',
    '-',
    '"-"',
    `"${(line.userAgent ?? 'aws-sdk-js/3.600.0').replaceAll('"', '\\"')}"`,
    '-',
    's9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=',
    'SigV4',
    'ECDHE-RSA-AES128-GCM-SHA256',
    'AuthHeader',
    `${bucket}.s3.us-east-1.amazonaws.com`,
    'TLSv1.2',
    '-',
    '-',
  ].join(' ');
}

export interface TrailRecord {
  at: Date;
  source: 's3' | 'iam' | 'kms';
  name: string;
  ip: string;
  arn: string;
  errorCode?: string;
  bytesOut?: number;
  bytesIn?: number;
  userAgent?: string;
}

export function cloudTrailRecord(record: TrailRecord): Record<string, unknown> {
  const s3 = record.source === 's3';
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAJ45Q7YFFAREXAMPLE',
      arn: record.arn,
      accountId: '123456789012',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      userName: record.arn.split('/').pop(),
    },
    eventTime: record.at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: `${record.source}.amazonaws.com`,
    eventName: record.name,
    awsRegion: 'us-east-1',
    sourceIPAddress: record.ip,
    userAgent: record.userAgent ?? 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1',
    ...(record.errorCode
      ? { errorCode: record.errorCode, errorMessage: `User: ${record.arn} is not authorized` }
      : {}),
    requestParameters: s3 ? { bucketName: 'data-bucket', key: 'exports/all.csv' } : null,
    responseElements: null,
    ...(s3
      ? {
          additionalEventData: {
            SignatureVersion: 'SigV4',
            ...(record.bytesIn !== undefined ? { bytesTransferredIn: record.bytesIn } : {}),
            ...(record.bytesOut !== undefined ? { bytesTransferredOut: record.bytesOut } : {}),
          },
        }
      : {}),
    requestID: randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase(),
    eventID: randomUUID(),
    readOnly: s3 ? record.name.startsWith('Get') : false,
    eventType: s3 ? 'AwsApiCall' : 'AwsApiCall',
    managementEvent: !s3,
    recipientAccountId: '123456789012',
    eventCategory: s3 ? 'Data' : 'Management',
  };
}

/** A CloudTrail log file as delivered: gzip of `{"Records": [...]}`. */
export function cloudTrailFile(records: Record<string, unknown>[]): Buffer {
  return gzipSync(Buffer.from(JSON.stringify({ Records: records })));
}
