// Examples of the security and usage reports, shown in the API reference (route-examples.ts
// parses each with its schema while the OpenAPI document is built). Kept apart so
// security-reports.ts reads as the contract; the settings' examples are in security-examples.ts.
const FROM = '2026-02-01T00:00:00.000Z';
const TO = '2026-03-02T09:00:00.000Z';

export const securityReportExamples = [
  {
    from: FROM,
    to: TO,
    alertsByRule: [
      { rule: 'failed-requests', severity: 'HIGH' as const, alerts: 4 },
      { rule: 'scanner-agent', severity: 'MEDIUM' as const, alerts: 2 },
      { rule: 'large-download', severity: 'LOW' as const, alerts: 1 },
    ],
    alertsBySeverity: { LOW: 1, MEDIUM: 2, HIGH: 4 },
    alertsByDay: [
      { day: '2026-02-17', LOW: 1, MEDIUM: 2, HIGH: 0 },
      { day: '2026-03-02', LOW: 0, MEDIUM: 0, HIGH: 4 },
    ],
    failedSignIns: {
      total: 37,
      byDay: [
        { day: '2026-02-17', count: 6 },
        { day: '2026-03-02', count: 31 },
      ],
    },
    topIps: [
      { ip: '198.51.100.23', failures: 25, alerts: 3 },
      { ip: '203.0.113.77', failures: 6, alerts: 1 },
    ],
    blocks: [
      {
        cidr: '198.51.100.23/32',
        reason: '25 failed requests from 198.51.100.23 within 5 minutes',
        source: 'failed-requests',
        createdAt: '2026-03-02T03:14:07.000Z',
        expiresAt: '2026-03-02T03:29:07.000Z',
      },
      {
        cidr: '198.51.100.0/24',
        reason: 'Brute-force sign-ins from this range',
        source: 'manual',
        createdAt: '2026-03-02T03:20:00.000Z',
        expiresAt: '2026-03-09T03:20:00.000Z',
      },
    ],
    largeUploads: [
      {
        user: 'ana@example.com',
        bucket: 'media-eu',
        key: 'projects/launch/master-4k.mov',
        size: 7_301_444_403,
        completedAt: '2026-02-24T16:42:31.000Z',
      },
    ],
  },
];

const ANA = { userId: '3f1c2a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c', email: 'ana@example.com' };
const BEN = { userId: '7d9f1b3a-5c2e-4f6a-8b0c-1d2e3f4a5b6c', email: 'ben@example.com' };
const PRODUCTION = 'Production (eu-west-1)';

export const securityUsageReportExamples = [
  {
    from: FROM,
    to: TO,
    totals: { uploads: 1_284, bytes: 412_316_860_416, activeUsers: 14 },
    byDay: [
      { day: '2026-03-01', uploads: 38, bytes: 9_663_676_416 },
      { day: '2026-03-02', uploads: 52, bytes: 15_032_385_536 },
    ],
    byUser: [
      { ...ANA, uploads: 402, bytes: 198_642_237_440 },
      { ...BEN, uploads: 311, bytes: 64_424_509_440 },
      // Uploads through a guest request link have no account.
      { userId: null, email: null, uploads: 17, bytes: 2_147_483_648 },
    ],
    byLocation: [
      {
        connection: PRODUCTION,
        bucket: 'media-eu',
        prefix: 'projects/',
        uploads: 905,
        bytes: 351_843_720_888,
      },
      {
        connection: PRODUCTION,
        bucket: 'media-eu',
        prefix: 'incoming/',
        uploads: 379,
        bytes: 60_473_139_528,
      },
    ],
    largestFiles: [
      {
        email: ANA.email,
        connection: PRODUCTION,
        bucket: 'media-eu',
        key: 'projects/launch/master-4k.mov',
        size: 7_301_444_403,
        completedAt: '2026-02-24T16:42:31.000Z',
      },
    ],
    activeUsers: [
      { email: ANA.email, signIns: 21, uploads: 402, lastSeen: '2026-03-02T08:41:10.000Z' },
      { email: BEN.email, signIns: 9, uploads: 311, lastSeen: '2026-03-01T17:05:44.000Z' },
    ],
  },
];
