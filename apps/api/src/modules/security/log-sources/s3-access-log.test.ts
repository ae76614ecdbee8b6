// The S3 server access-log parser on lines in the documented format, quoted fields, `-`, and
// malformed lines; and what the detectors see of each record.
import { parseS3AccessLog, securityEventFromAccessLog, splitLogFields } from './s3-access-log.js';

const OWNER = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';
const TAIL = `- s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader awsexamplebucket1.s3.us-west-1.amazonaws.com TLSv1.2 - -`;
const SAMPLE = [
  `${OWNER} awsexamplebucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 ${OWNER} 3E57427F3EXAMPLE REST.GET.VERSIONING - "GET /awsexamplebucket1?versioning HTTP/1.1" 200 - 113 - 7 - "-" "S3Console/0.4" ${TAIL}`,
  `${OWNER} awsexamplebucket1 [06/Feb/2019:00:00:39 +0000] 198.51.100.7 - 891CE47D2EXAMPLE REST.GET.OBJECT reports/q1%20final.pdf "GET /awsexamplebucket1/reports/q1%20final.pdf HTTP/1.1" 403 AccessDenied 243 - 12 - "https://example.com/page?a=\\"b\\"" "sqlmap/1.7.2#stable (https://sqlmap.org)" ${TAIL}`,
  `${OWNER} awsexamplebucket1 [06/Feb/2019:00:01:00 -0130] 203.0.113.9 arn:aws:iam::123456789012:user/alice A1206F460EXAMPLE REST.PUT.OBJECT big.bin "PUT /awsexamplebucket1/big.bin HTTP/1.1" 200 - - 2147483648 5230 12 "-" "aws-cli/2.15.0 Python/3.11" ${TAIL}`,
  'this is not a log line',
  `${OWNER} awsexamplebucket1 [06/Feb/2019:00:01:01 +0000] 192.0.2.3 - 1 REST.GET.OBJECT key "GET /unterminated HTTP/1.1 200`,
  `${OWNER} awsexamplebucket1 [99/Foo/2019:00:01:01 +0000] 192.0.2.3 - X REST.GET.OBJECT k "GET / HTTP/1.1" 200 - 1 1 1 1 "-" "-" -`,
  '',
].join('\n');

describe('S3 access-log parser', () => {
  it('splits quoted fields with escaped quotes and bracketed times', () => {
    expect(splitLogFields('a [06/Feb/2019:00:00:38 +0000] "x \\"y\\" z" - b')).toEqual([
      'a',
      '06/Feb/2019:00:00:38 +0000',
      'x "y" z',
      '-',
      'b',
    ]);
  });

  it('parses the documented fields, maps `-` to null, and counts malformed lines', () => {
    const { records, malformed } = parseS3AccessLog(SAMPLE);
    expect(malformed).toBe(3);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      bucket: 'awsexamplebucket1',
      time: new Date('2019-02-06T00:00:38Z'),
      remoteIp: '192.0.2.3',
      operation: 'REST.GET.VERSIONING',
      key: null,
      requestUri: 'GET /awsexamplebucket1?versioning HTTP/1.1',
      httpStatus: 200,
      errorCode: null,
      bytesSent: 113,
      objectSize: null,
      referer: null,
      userAgent: 'S3Console/0.4',
    });
    expect(records[1]).toMatchObject({
      requester: null,
      httpStatus: 403,
      errorCode: 'AccessDenied',
      referer: 'https://example.com/page?a="b"',
      userAgent: 'sqlmap/1.7.2#stable (https://sqlmap.org)',
    });
    expect(records[2]).toMatchObject({
      time: new Date('2019-02-06T01:31:00Z'),
      requester: 'arn:aws:iam::123456789012:user/alice',
      objectSize: 2147483648,
    });
  });

  it('turns records into the events the detectors count', () => {
    const [versioning, denied, put] = parseS3AccessLog(SAMPLE).records.map(
      securityEventFromAccessLog,
    );
    expect(versioning).toMatchObject({ kind: 'request', source: 's3_access_log', ip: '192.0.2.3' });
    expect(denied).toMatchObject({ kind: 'request.failed', status: 403, ip: '198.51.100.7' });
    expect(denied!.line).toContain('AccessDenied');
    expect(put).toMatchObject({
      kind: 'upload',
      bytes: 2147483648,
      principal: 'arn:aws:iam::123456789012:user/alice',
    });
  });
});
