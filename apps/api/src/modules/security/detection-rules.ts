// The rules detectors apply, built from the settings: built-in detectors and admins' custom rules
// share one form (event filter, aggregate over a window, group, threshold, severity, action).
import type {
  BuiltInRuleSettings,
  CustomRule,
  RuleAction,
  SecurityEventKind,
  SecurityRules,
  SecuritySeverity,
} from '@s3am/contracts';
import type { ObservedEvent } from './security-events.repo.js';

export interface RuleWindow {
  kinds: readonly SecurityEventKind[];
  seconds: number;
  aggregate: 'count' | 'sum_bytes' | 'distinct_ips';
  /** Fires when the aggregate is above this. */
  threshold: number;
  minBytes?: number;
  status?: number;
}

export interface DetectionRule {
  name: string;
  severity: SecuritySeverity;
  groupBy: 'ip' | 'user';
  matches(event: ObservedEvent): boolean;
  /** No windows: every matching event is a detection. Several: any one above its threshold. */
  windows: RuleWindow[];
  action: RuleAction;
  blockMinutes?: number;
  /** Needs more than the event stream (e.g. the user's countries): a dedicated detector. */
  special?: 'geo';
  describe(subject: string, value: number): string;
}

const FAILED_KINDS: SecurityEventKind[] = ['request.failed', 'sign_in.failed'];

/** Whether a user agent is one of the listed scanners, or empty where that counts. */
export function isScannerAgent(
  userAgent: string | null | undefined,
  settings: BuiltInRuleSettings['scannerAgents'],
): boolean {
  const agent = (userAgent ?? '').trim().toLowerCase();
  if (agent === '') return settings.flagEmptyAgent;
  return settings.agents.some((name) => agent.includes(name.toLowerCase()));
}

function builtInRules(settings: BuiltInRuleSettings): DetectionRule[] {
  const rules: DetectionRule[] = [];
  const { failedRequests, scannerAgents, largeUpload, distinctIps, massDownload, massDelete } =
    settings;
  if (failedRequests.enabled)
    rules.push({
      name: 'failed-requests',
      severity: 'HIGH',
      groupBy: 'ip',
      matches: (event) => FAILED_KINDS.includes(event.kind),
      windows: [
        {
          kinds: FAILED_KINDS,
          seconds: failedRequests.windowSeconds,
          aggregate: 'count',
          threshold: failedRequests.threshold,
        },
      ],
      action: 'alert_block_ip',
      blockMinutes: failedRequests.blockMinutes,
      describe: (ip, n) =>
        `${n} failed requests from ${ip} within ${failedRequests.windowSeconds} s; blocked for ${failedRequests.blockMinutes} min`,
    });
  if (scannerAgents.enabled)
    rules.push({
      name: 'scanner-agent',
      severity: 'MEDIUM',
      groupBy: 'ip',
      // Our own API calls and log records alike; the web app's pages are not API calls.
      matches: (event) =>
        (event.source !== 'api' || (event.route ?? '').startsWith('/api/')) &&
        isScannerAgent(event.userAgent, scannerAgents),
      windows: [],
      action: 'alert',
      describe: (ip) => `Requests from ${ip} with a scanner's (or no) user agent`,
    });
  if (settings.adminDenied.enabled)
    rules.push({
      name: 'admin-denied',
      severity: 'HIGH',
      groupBy: 'user',
      matches: (event) => event.kind === 'admin.denied',
      windows: [],
      action: 'alert',
      describe: (user) => `User ${user} was refused an administrative operation`,
    });
  if (largeUpload.enabled)
    rules.push({
      name: 'large-upload',
      severity: 'LOW',
      groupBy: 'user',
      matches: (event) =>
        event.kind === 'upload' && (event.bytes ?? 0) > largeUpload.thresholdBytes,
      windows: [],
      action: 'alert',
      describe: (user) => `Upload above ${largeUpload.thresholdBytes} bytes by ${user}`,
    });
  if (settings.largeDownload.enabled)
    rules.push({
      name: 'large-download',
      severity: 'LOW',
      groupBy: 'user',
      matches: (event) =>
        event.kind === 'object.read' && (event.bytes ?? 0) > settings.largeDownload.thresholdBytes,
      windows: [],
      action: 'alert',
      describe: (user) =>
        `Download above ${settings.largeDownload.thresholdBytes} bytes by ${user}`,
    });
  if (settings.unknownPrincipal.enabled)
    rules.push({
      name: 'unknown-principal',
      severity: 'MEDIUM',
      groupBy: 'user',
      matches: (event) => event.kind === 'principal.unknown',
      windows: [],
      action: 'alert',
      describe: (principal) =>
        `Requests by ${principal}, who is not a known principal of the bucket`,
    });
  if (settings.geoAnomaly.enabled)
    rules.push({
      name: 'geo-anomaly',
      severity: 'MEDIUM',
      groupBy: 'user',
      matches: (event) => event.kind === 'sign_in' && Boolean(event.userId && event.ip),
      windows: [],
      action: 'alert',
      special: 'geo',
      describe: (user) => `Sign-in of ${user} from a country never seen for this account`,
    });
  if (distinctIps.enabled)
    rules.push({
      name: 'distinct-ips',
      severity: 'MEDIUM',
      groupBy: 'user',
      matches: (event) => event.kind === 'sign_in',
      windows: [
        {
          kinds: ['sign_in'],
          seconds: distinctIps.windowMinutes * 60,
          aggregate: 'distinct_ips',
          threshold: distinctIps.threshold,
        },
      ],
      action: 'alert',
      describe: (user, n) =>
        `${user} signed in from ${n} addresses within ${distinctIps.windowMinutes} min`,
    });
  for (const [name, kind, limits, verb] of [
    ['mass-download', 'object.read', massDownload, 'read'],
    ['mass-delete', 'object.delete', massDelete, 'deleted'],
  ] as const) {
    if (!limits.enabled) continue;
    const seconds = limits.windowMinutes * 60;
    rules.push({
      name,
      severity: 'MEDIUM',
      groupBy: 'user',
      matches: (event) => event.kind === kind,
      windows: [
        { kinds: [kind], seconds, aggregate: 'count', threshold: limits.objects },
        { kinds: [kind], seconds, aggregate: 'sum_bytes', threshold: limits.bytes },
      ],
      action: 'alert',
      describe: (user, n) =>
        `${user} ${verb} ${n} objects/bytes within ${limits.windowMinutes} min`,
    });
  }
  return rules;
}

export function customDetectionRule(rule: CustomRule): DetectionRule {
  const { filter } = rule;
  const matchesFilter = (event: ObservedEvent) =>
    filter.kinds.includes(event.kind) &&
    (filter.minBytes === undefined || (event.bytes ?? 0) >= filter.minBytes) &&
    (filter.status === undefined || event.status === filter.status);
  return {
    name: `custom:${rule.name}`,
    severity: rule.severity,
    groupBy: rule.groupBy,
    matches: matchesFilter,
    windows: [
      {
        kinds: filter.kinds,
        seconds: rule.windowSeconds,
        aggregate: rule.aggregate,
        threshold: rule.threshold,
        ...(filter.minBytes !== undefined ? { minBytes: filter.minBytes } : {}),
        ...(filter.status !== undefined ? { status: filter.status } : {}),
      },
    ],
    action: rule.action,
    blockMinutes: rule.blockMinutes,
    describe: (subject, n) =>
      `Rule "${rule.name}": ${rule.aggregate === 'count' ? 'count' : 'bytes'} ${n} > ${rule.threshold} for ${subject} within ${rule.windowSeconds} s`,
  };
}

export function detectionRules(rules: SecurityRules): DetectionRule[] {
  return [
    ...builtInRules(rules.builtIn),
    ...rules.custom.filter((rule) => rule.enabled).map(customDetectionRule),
  ];
}

/** The subject a rule groups an event by, or null when the event has none. */
export function subjectOf(
  rule: Pick<DetectionRule, 'groupBy'>,
  event: ObservedEvent,
): { column: 'ip' | 'user_id' | 'principal'; value: string } | null {
  if (rule.groupBy === 'ip') return event.ip ? { column: 'ip', value: event.ip } : null;
  if (event.userId) return { column: 'user_id', value: event.userId };
  return event.principal ? { column: 'principal', value: event.principal } : null;
}

/** The aggregate a window compares with its threshold. */
export function windowValue(
  window: RuleWindow,
  aggregate: { count: number; bytes: number; distinctIps: number },
): number {
  if (window.aggregate === 'count') return aggregate.count;
  if (window.aggregate === 'sum_bytes') return aggregate.bytes;
  return aggregate.distinctIps;
}
