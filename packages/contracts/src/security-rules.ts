// Security monitor settings: the built-in detectors' thresholds, admins' custom rules and the
// notification channels per severity.
import { z } from 'zod';
import { SecurityEventKind, SecuritySeverity } from './security.js';
import {
  builtInRuleSettingsExample,
  customRuleExamples,
  notificationChannelsExamples,
  notificationDeliveryExample,
  notificationDeliveryListExamples,
  securityRulesExamples,
  updateNotificationChannelsExamples,
} from './security-examples.js';

const GiB = 1024 ** 3;

export const DEFAULT_SCANNER_AGENTS = ['sqlmap', 'nikto', 'nmap', 'masscan', 'zgrab'];

const Toggle = z.object({ enabled: z.boolean().default(true) });
const WindowMinutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

export const BuiltInRuleSettings = z
  .object({
    failedRequests: Toggle.extend({
      threshold: z.number().int().min(1).max(100_000).default(10),
      windowSeconds: z.number().int().min(10).max(3600).default(60),
      blockMinutes: z
        .number()
        .int()
        .min(1)
        .max(30 * 24 * 60)
        .default(15),
    }).default({ enabled: true, threshold: 10, windowSeconds: 60, blockMinutes: 15 }),
    scannerAgents: Toggle.extend({
      agents: z.array(z.string().trim().min(1).max(100)).max(200).default(DEFAULT_SCANNER_AGENTS),
      flagEmptyAgent: z.boolean().default(true),
    }).default({ enabled: true, agents: DEFAULT_SCANNER_AGENTS, flagEmptyAgent: true }),
    adminDenied: Toggle.default({ enabled: true }),
    largeUpload: Toggle.extend({
      thresholdBytes: z.number().int().min(1).default(GiB),
    }).default({ enabled: true, thresholdBytes: GiB }),
    largeDownload: Toggle.extend({
      thresholdBytes: z.number().int().min(1).default(GiB),
    })
      .default({ enabled: true, thresholdBytes: GiB })
      .describe('One GET above this many bytes (seen in S3 access logs and CloudTrail)'),
    unknownPrincipal: Toggle.default({ enabled: true }).describe(
      "Log records of principals missing from their log source's known list",
    ),
    geoAnomaly: Toggle.default({ enabled: true }),
    distinctIps: Toggle.extend({
      threshold: z.number().int().min(1).max(10_000).default(5),
      windowMinutes: WindowMinutes.default(60),
    }).default({ enabled: true, threshold: 5, windowMinutes: 60 }),
    massDownload: Toggle.extend({
      objects: z.number().int().min(1).default(1000),
      bytes: z
        .number()
        .int()
        .min(1)
        .default(50 * GiB),
      windowMinutes: WindowMinutes.default(60),
    }).default({ enabled: true, objects: 1000, bytes: 50 * GiB, windowMinutes: 60 }),
    massDelete: Toggle.extend({
      objects: z.number().int().min(1).default(500),
      bytes: z
        .number()
        .int()
        .min(1)
        .default(50 * GiB),
      windowMinutes: WindowMinutes.default(60),
    }).default({ enabled: true, objects: 500, bytes: 50 * GiB, windowMinutes: 60 }),
    dedupMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60)
      .describe('Detections of one rule for one subject within this time fold into one alert'),
  })
  .meta({ id: 'BuiltInRuleSettings', examples: [builtInRuleSettingsExample] });
export type BuiltInRuleSettings = z.infer<typeof BuiltInRuleSettings>;

export const RuleAction = z.enum(['alert', 'alert_block_ip', 'alert_disable_user']);
export type RuleAction = z.infer<typeof RuleAction>;

export const CustomRule = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes'),
    enabled: z.boolean().default(true),
    description: z.string().trim().max(500).default(''),
    filter: z.object({
      kinds: z.array(SecurityEventKind).min(1),
      minBytes: z.number().int().min(0).optional().describe('Only events moving this many bytes'),
      status: z.number().int().min(100).max(599).optional().describe('Only this HTTP status'),
    }),
    aggregate: z.enum(['count', 'sum_bytes']),
    windowSeconds: z
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600),
    groupBy: z.enum(['ip', 'user']),
    threshold: z.number().int().min(0).describe('Fires when the aggregate is above this'),
    severity: SecuritySeverity,
    action: RuleAction,
    blockMinutes: z
      .number()
      .int()
      .min(1)
      .max(30 * 24 * 60)
      .default(60),
  })
  .refine((rule) => rule.action !== 'alert_block_ip' || rule.groupBy === 'ip', {
    message: 'blocking an IP needs groupBy "ip"',
    path: ['action'],
  })
  .refine((rule) => rule.action !== 'alert_disable_user' || rule.groupBy === 'user', {
    message: 'disabling a user needs groupBy "user"',
    path: ['action'],
  })
  .meta({ id: 'CustomRule', examples: customRuleExamples });
export type CustomRule = z.infer<typeof CustomRule>;

export const SecurityRules = z
  .object({
    builtIn: BuiltInRuleSettings,
    custom: z
      .array(CustomRule)
      .max(100)
      .refine((rules) => new Set(rules.map((rule) => rule.name)).size === rules.length, {
        message: 'rule names must be unique',
      }),
  })
  .meta({ id: 'SecurityRules', examples: securityRulesExamples });
export type SecurityRules = z.infer<typeof SecurityRules>;

const Severities = z.array(SecuritySeverity).min(1).default(['HIGH']);

export const WebhookChannel = z.object({
  url: z.url({ protocol: /^https?$/ }),
  format: z.enum(['json', 'slack']).default('json'),
  severities: Severities,
});

export const NotificationChannelsView = z
  .object({
    webhook: WebhookChannel.extend({
      hasSecret: z.boolean().describe('The signing secret is never returned'),
    }).nullable(),
    email: z.object({ to: z.array(z.email()).min(1).max(50), severities: Severities }).nullable(),
    sns: z
      .object({
        connectionId: z.uuid().describe('Its credentials publish'),
        topicArn: z.string().regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+$/),
        severities: Severities,
      })
      .nullable(),
  })
  .meta({ id: 'NotificationChannels', examples: notificationChannelsExamples });
export type NotificationChannelsView = z.infer<typeof NotificationChannelsView>;

export const UpdateNotificationChannels = NotificationChannelsView.extend({
  webhook: WebhookChannel.extend({
    secret: z
      .string()
      .min(16)
      .max(256)
      .optional()
      .describe('HMAC-SHA256 key; omit to keep the stored one'),
  }).nullable(),
}).meta({ id: 'UpdateNotificationChannels', examples: updateNotificationChannelsExamples });
export type UpdateNotificationChannels = z.infer<typeof UpdateNotificationChannels>;

export const NotificationDeliveryView = z
  .object({
    id: z.uuid(),
    alertId: z.uuid(),
    channel: z.enum(['webhook', 'email', 'sns']),
    status: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime(),
    nextAttemptAt: z.iso.datetime().nullable(),
    sentAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'NotificationDelivery', examples: [notificationDeliveryExample] });
export type NotificationDeliveryView = z.infer<typeof NotificationDeliveryView>;

export const NotificationDeliveryList = z
  .object({ items: z.array(NotificationDeliveryView) })
  .meta({ id: 'NotificationDeliveryList', examples: notificationDeliveryListExamples });

/** Header names of a signed webhook call: HMAC-SHA256 over `${timestamp}.${body}`. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-s3am-signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'x-s3am-timestamp';
