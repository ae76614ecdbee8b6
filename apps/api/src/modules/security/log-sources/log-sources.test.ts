// Log sources end to end: realistic S3 server access logs and CloudTrail files are put into a
// bucket of the real local S3 server; the reader feeds them to the detectors (failed requests by
// IP with a block, scanner agents, large GETs/PUTs, unknown principals) and keeps a checkpoint,
// so a second run reads only what arrived since.
import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  AlertList,
  LogSourceRunList,
  LogSourceStatusList,
  ProblemSchema,
  type SecurityAlertView,
} from '@s3am/contracts';
import {
  WORKER_ID,
  accessTokenFor,
  bearer,
  createLocalConnection,
  createTestApp,
  createUser,
  localS3Client,
  type TestContext,
} from '../../../../test/test-app.js';
import {
  accessLogLine,
  cloudTrailFile,
  cloudTrailRecord,
  type AccessLogLine,
} from '../../../../test/log-fixtures.js';

const GiB = 1024 ** 3;
const KNOWN = 'arn:aws:iam::123456789012:user/app';
const MALLORY = 'arn:aws:iam::999999999999:user/mallory';
const TRAIL_PREFIX = 'AWSLogs/123456789012/CloudTrail/';
const w = Number(WORKER_ID) % 20;
/** Addresses of this file only (other files share the worker's database). */
const PROBER = `203.0.113.${200 + w}`;
const SCANNER = `203.0.113.${180 + w}`;
const IAM_PROBER = `198.51.100.${200 + w}`;

const s3 = localS3Client();
const bucket = `sec-logs-${WORKER_ID}-${randomUUID().slice(0, 8)}`;
let ctx: TestContext;
let token: string;
beforeAll(async () => {
  ctx = await createTestApp({ env: { SECURITY_AUTO_BLOCK: 'true' } });
  token = await accessTokenFor(ctx, await createUser(ctx.db, { role: 'admin' }));
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const connectionId = await createLocalConnection(ctx.db, { buckets: [bucket] });
  const saved = await ctx.app.inject({
    method: 'PUT',
    url: '/api/security/log-sources',
    headers: bearer(token),
    payload: {
      items: [
        {
          name: 'data-access-logs',
          kind: 's3_access_log',
          connectionId,
          bucket,
          prefix: 'access/',
          knownPrincipals: [KNOWN],
        },
        {
          name: 'org-trail',
          kind: 'cloudtrail',
          connectionId,
          bucket,
          prefix: TRAIL_PREFIX,
          knownPrincipals: [KNOWN, 'arn:aws:iam::123456789012:user/ci'],
        },
      ],
    },
  });
  expect(saved.statusCode).toBe(200);
});
afterAll(async () => {
  await ctx.close();
  s3.destroy();
});

const put = (key: string, body: string | Buffer) =>
  s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));

async function runNow() {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/security/log-sources/run',
    headers: bearer(token),
  });
  expect(response.statusCode).toBe(200);
  return Object.fromEntries(
    LogSourceRunList.parse(response.json()).items.map((run) => [run.source, run]),
  );
}

async function alertsAbout(subject: string): Promise<SecurityAlertView[]> {
  const response = await ctx.app.inject({ url: '/api/security/alerts', headers: bearer(token) });
  return AlertList.parse(response.json()).items.filter((alert) => alert.subject === subject);
}

const countEvents = (source: string) => ctx.db.securityEvent.count({ where: { source } });

it('reads access logs and CloudTrail files into alerts, then only what arrived since', async () => {
  const start = new Date(Date.now() - 10 * 60_000);
  const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
  const line = (fields: AccessLogLine) => accessLogLine(bucket, fields);
  const accessLog = [
    // 12 refused requests from one address within a minute (probing keys with stolen links).
    ...Array.from({ length: 12 }, (_, i) =>
      line({
        at: at(i * 3),
        ip: PROBER,
        operation: 'REST.GET.OBJECT',
        key: `private/${i}.pdf`,
        status: 403,
        errorCode: 'AccessDenied',
        bytesSent: 243,
      }),
    ),
    line({
      at: at(40),
      ip: SCANNER,
      operation: 'REST.GET.BUCKET',
      status: 200,
      userAgent: 'Mozilla/5.0 (compatible; Nmap Scripting Engine)',
      requester: KNOWN,
    }),
    line({
      at: at(50),
      ip: '192.0.2.44',
      requester: KNOWN,
      operation: 'REST.GET.OBJECT',
      key: 'exports/db.tar',
      status: 200,
      bytesSent: 2 * GiB,
      objectSize: 2 * GiB,
    }),
    line({
      at: at(55),
      ip: '192.0.2.45',
      requester: MALLORY,
      operation: 'REST.PUT.OBJECT',
      key: 'drop/tool.bin',
      status: 200,
      objectSize: 1200,
    }),
    'garbage that is not a log line',
    `${line({ at: at(56), ip: '192.0.2.46', operation: 'REST.GET.OBJECT', status: 200 }).slice(0, 120)}`,
  ].join('\n');
  await put('access/2026-12-02-10-00-00-1A2B3C4D5E6F7A8B', `${accessLog}\n`);

  const trailRecords = [
    // IAM and KMS management calls refused: someone tries the keys they found.
    ...Array.from({ length: 11 }, (_, i) =>
      cloudTrailRecord({
        at: at(100 + i * 2),
        source: 'iam',
        name: 'CreateAccessKey',
        ip: IAM_PROBER,
        arn: KNOWN,
        errorCode: 'AccessDenied',
      }),
    ),
    cloudTrailRecord({
      at: at(130),
      source: 'kms',
      name: 'Decrypt',
      ip: IAM_PROBER,
      arn: KNOWN,
      errorCode: 'AccessDeniedException',
    }),
    cloudTrailRecord({
      at: at(140),
      source: 's3',
      name: 'GetObject',
      ip: '192.0.2.47',
      arn: 'arn:aws:iam::123456789012:user/ci',
      bytesOut: 3 * GiB,
    }),
    cloudTrailRecord({
      at: at(150),
      source: 's3',
      name: 'PutObject',
      ip: '192.0.2.48',
      arn: MALLORY,
      bytesIn: 10,
    }),
    { eventTime: 'not a time', eventSource: 's3.amazonaws.com', eventName: 'GetObject' },
  ];
  const trailDir = `${TRAIL_PREFIX}us-east-1/2026/12/02/`;
  await put(
    `${trailDir}123456789012_CloudTrail_us-east-1_20261202T1000Z_Xb4cQ8y2.json.gz`,
    cloudTrailFile(trailRecords),
  );
  // Digest files sit next to the logs and are not logs.
  await put(
    `${TRAIL_PREFIX}us-east-1/2026/12/02/CloudTrail-Digest/digest.json.gz`,
    cloudTrailFile([]),
  );

  const first = await runNow();
  expect(first['data-access-logs']).toMatchObject({
    objects: 1,
    records: 15,
    malformed: 2,
    error: null,
  });
  // 15 records, plus an unknown-principal event for MALLORY's and each of the anonymous prober's 12.
  expect(first['data-access-logs']!.events).toBe(15 + 1 + 12);
  expect(first['org-trail']).toMatchObject({ objects: 1, records: 14, malformed: 1, error: null });

  const probing = await alertsAbout(PROBER);
  expect(probing.find((alert) => alert.rule === 'failed-requests')).toMatchObject({
    severity: 'HIGH',
  });
  const evidence = probing.find((alert) => alert.rule === 'failed-requests')!.evidence;
  expect(evidence[0]).toMatchObject({
    source: 's3_access_log',
    kind: 'request.failed',
    ip: PROBER,
  });
  expect(evidence[0]!.line).toContain('AccessDenied');
  // The address that probed the bucket is blocked from the API too.
  const blocked = await ctx.app.inject({ url: '/api/system/status', remoteAddress: PROBER });
  expect(blocked.statusCode).toBe(403);
  expect(ProblemSchema.parse(blocked.json()).code).toBe('IP_BLOCKED');

  expect(await alertsAbout(SCANNER)).toEqual([
    expect.objectContaining({ rule: 'scanner-agent', severity: 'MEDIUM' }),
  ]);
  expect((await alertsAbout(KNOWN)).map((alert) => alert.rule)).toContain('large-download');
  expect(
    (await alertsAbout('arn:aws:iam::123456789012:user/ci')).map((alert) => alert.rule),
  ).toEqual(['large-download']);
  const mallory = await alertsAbout(MALLORY);
  expect(mallory.find((alert) => alert.rule === 'unknown-principal')).toMatchObject({
    severity: 'MEDIUM',
    count: 2,
  });
  expect(
    mallory
      .find((alert) => alert.rule === 'unknown-principal')!
      .evidence.map((item) => item.source)
      .sort(),
  ).toEqual(['cloudtrail', 's3_access_log']);

  const iam = (await alertsAbout(IAM_PROBER)).find((alert) => alert.rule === 'failed-requests');
  expect(iam).toMatchObject({ severity: 'HIGH' });
  expect(
    iam!.evidence.some(
      (item) => item.source === 'cloudtrail' && item.line?.includes('CreateAccessKey'),
    ),
  ).toBe(true);

  // Checkpoints: nothing new, nothing read again.
  const accessEvents = await countEvents('s3_access_log');
  const trailEvents = await countEvents('cloudtrail');
  const again = await runNow();
  expect(again['data-access-logs']).toMatchObject({ objects: 0, events: 0 });
  expect(again['org-trail']).toMatchObject({ objects: 0, events: 0 });
  expect(await countEvents('s3_access_log')).toBe(accessEvents);
  expect(await countEvents('cloudtrail')).toBe(trailEvents);

  // A newer log object: only it is read.
  await put(
    'access/2026-12-02-10-05-00-9F8E7D6C5B4A3928',
    `${line({ at: at(300), ip: '192.0.2.49', requester: KNOWN, operation: 'REST.GET.OBJECT', key: 'a.txt', status: 200, bytesSent: 10 })}\n`,
  );
  const third = await runNow();
  expect(third['data-access-logs']).toMatchObject({ objects: 1, records: 1, events: 1 });
  expect(await countEvents('s3_access_log')).toBe(accessEvents + 1);

  const status = await ctx.app.inject({ url: '/api/security/log-sources', headers: bearer(token) });
  const sources = LogSourceStatusList.parse(status.json()).items;
  expect(sources.find((source) => source.name === 'data-access-logs')?.lastKey).toBe(
    'access/2026-12-02-10-05-00-9F8E7D6C5B4A3928',
  );
  expect(sources.find((source) => source.name === 'org-trail')?.lastKey).toContain(
    '_CloudTrail_us-east-1_20261202T1000Z_',
  );
});

it('refuses a source naming an unknown connection, and a bad prefix list', async () => {
  const response = await ctx.app.inject({
    method: 'PUT',
    url: '/api/security/log-sources',
    headers: bearer(token),
    payload: {
      items: [{ name: 'x1', kind: 'cloudtrail', connectionId: randomUUID(), bucket: 'abc' }],
    },
  });
  expect(response.statusCode).toBe(404);
  const invalid = await ctx.app.inject({
    method: 'PUT',
    url: '/api/security/log-sources',
    headers: bearer(token),
    payload: { items: [{ name: 'Bad Name', kind: 'syslog', bucket: 'a' }] },
  });
  expect(invalid.statusCode).toBe(400);
  expect(ProblemSchema.parse(invalid.json()).code).toBe('VALIDATION');
});
