// Examples of the security monitor's settings (rules, notification channels, log sources), shown
// in the API reference (route-examples.ts parses each with its schema while the OpenAPI document
// is built). Kept apart so the contract files read as contracts. No secret appears: addresses are
// example.com placeholders, and responses carry `hasSecret` instead of the secret, as the API does.
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const PRODUCTION_CONNECTION = '6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c';
const AUDIT_CONNECTION = '8a7b6c5d-4e3f-4a2b-9c1d-0e1f2a3b4c5d';
const ALERT_ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const APP_ROLE = 'arn:aws:iam::123456789012:role/s3am-prod';

export const builtInRuleSettingsExample = {
  failedRequests: { enabled: true, threshold: 10, windowSeconds: 60, blockMinutes: 15 },
  scannerAgents: {
    enabled: true,
    agents: ['sqlmap', 'nikto', 'nmap', 'masscan', 'zgrab'],
    flagEmptyAgent: true,
  },
  adminDenied: { enabled: true },
  largeUpload: { enabled: true, thresholdBytes: 5 * GiB },
  largeDownload: { enabled: true, thresholdBytes: GiB },
  unknownPrincipal: { enabled: true },
  geoAnomaly: { enabled: false },
  distinctIps: { enabled: true, threshold: 5, windowMinutes: 60 },
  massDownload: { enabled: true, objects: 1000, bytes: 50 * GiB, windowMinutes: 60 },
  massDelete: { enabled: true, objects: 500, bytes: 50 * GiB, windowMinutes: 60 },
  dedupMinutes: 60,
};

const blockDeniedDownloaders = {
  name: 'denied-download-burst',
  enabled: true,
  description: 'Block an address that keeps asking for objects it may not read',
  filter: { kinds: ['request.failed' as const], status: 403 },
  aggregate: 'count' as const,
  windowSeconds: 300,
  groupBy: 'ip' as const,
  threshold: 50,
  severity: 'MEDIUM' as const,
  action: 'alert_block_ip' as const,
  blockMinutes: 120,
};
const bulkExportByUser = {
  name: 'bulk-export-by-user',
  enabled: true,
  description: 'One person reading more than 20 GiB of large objects within an hour',
  filter: { kinds: ['object.read' as const], minBytes: 100 * MiB },
  aggregate: 'sum_bytes' as const,
  windowSeconds: 3600,
  groupBy: 'user' as const,
  threshold: 20 * GiB,
  severity: 'HIGH' as const,
  action: 'alert' as const,
  blockMinutes: 60,
};
export const customRuleExamples = [blockDeniedDownloaders, bulkExportByUser];

export const securityRulesExamples = [
  { builtIn: builtInRuleSettingsExample, custom: [blockDeniedDownloaders, bulkExportByUser] },
];

const webhookChannel = {
  url: 'https://alerts.example.com/hooks/s3am',
  format: 'json' as const,
  severities: ['MEDIUM' as const, 'HIGH' as const],
};
const emailChannel = {
  to: ['security@example.com', 'oncall@example.com'],
  severities: ['HIGH' as const],
};
const snsChannel = {
  connectionId: PRODUCTION_CONNECTION,
  topicArn: 'arn:aws:sns:eu-west-1:123456789012:s3am-security-alerts',
  severities: ['HIGH' as const],
};

export const notificationChannelsExamples = [
  { webhook: { ...webhookChannel, hasSecret: true }, email: emailChannel, sns: snsChannel },
];

export const updateNotificationChannelsExamples = [
  // A new signing secret: a placeholder here; use a long random string of your own.
  {
    webhook: { ...webhookChannel, secret: 'replace-with-your-own-random-secret' },
    email: emailChannel,
    sns: snsChannel,
  },
  // No `secret`: the stored one is kept (while the webhook stays on the same origin).
  { webhook: webhookChannel, email: null, sns: null },
];

export const notificationDeliveryExample = {
  id: '4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c',
  alertId: ALERT_ID,
  channel: 'webhook' as const,
  status: 'pending' as const,
  attempts: 2,
  lastError: 'webhook answered 503',
  createdAt: '2026-03-02T03:14:08.000Z',
  nextAttemptAt: '2026-03-02T03:16:08.000Z',
  sentAt: null,
};

export const notificationDeliveryListExamples = [
  {
    items: [
      notificationDeliveryExample,
      {
        id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
        alertId: ALERT_ID,
        channel: 'email' as const,
        status: 'sent' as const,
        attempts: 1,
        lastError: null,
        createdAt: '2026-03-02T03:14:08.000Z',
        nextAttemptAt: null,
        sentAt: '2026-03-02T03:14:09.000Z',
      },
    ],
  },
];

const accessLogSource = {
  name: 'media-eu-access-logs',
  kind: 's3_access_log' as const,
  enabled: true,
  connectionId: PRODUCTION_CONNECTION,
  bucket: 'acme-access-logs',
  prefix: 'media-eu/',
  knownPrincipals: [APP_ROLE],
};
const cloudTrailSource = {
  name: 'org-cloudtrail',
  kind: 'cloudtrail' as const,
  enabled: true,
  connectionId: AUDIT_CONNECTION,
  bucket: 'acme-cloudtrail',
  prefix: 'AWSLogs/123456789012/CloudTrail/',
  knownPrincipals: [APP_ROLE, 'arn:aws:iam::123456789012:role/nightly-backup'],
};
export const logSourceExamples = [accessLogSource, cloudTrailSource];
export const logSourcesExamples = [{ items: [accessLogSource, cloudTrailSource] }];

const accessLogStatus = {
  ...accessLogSource,
  lastKey: 'media-eu/2026-03-02-03-15-12-5E8A1F0C9B2D4E6F',
  checkpointAt: '2026-03-02T03:20:00.000Z',
};
const cloudTrailStatus = {
  ...cloudTrailSource,
  lastKey:
    'AWSLogs/123456789012/CloudTrail/eu-west-1/2026/03/02/' +
    '123456789012_CloudTrail_eu-west-1_20260302T0315Z_a1B2c3D4e5F6g7H8.json.gz',
  checkpointAt: '2026-03-02T03:20:00.000Z',
};
export const logSourceStatusExamples = [accessLogStatus];
export const logSourceStatusListExamples = [{ items: [accessLogStatus, cloudTrailStatus] }];

const accessLogRun = {
  source: 'media-eu-access-logs',
  objects: 12,
  records: 48_310,
  malformed: 2,
  events: 48_308,
  error: null,
};
export const logSourceRunExamples = [accessLogRun];
export const logSourceRunListExamples = [
  {
    items: [
      accessLogRun,
      {
        source: 'org-cloudtrail',
        objects: 0,
        records: 0,
        malformed: 0,
        events: 0,
        error: 'Access Denied',
      },
    ],
  },
];
