// The security monitor (admins): alerts, blocked addresses, allow-lists, rules and notifications.
import {
  AlertList,
  AlertListQuery,
  AllowList,
  AllowListEntryView,
  ComplianceQuery,
  ComplianceReport,
  CreateAllowListEntryRequest,
  CreateIpBlockRequest,
  IpBlockList,
  IpBlockView,
  LogSourceRunList,
  LogSourceStatusList,
  LogSources,
  NotificationChannelsView,
  NotificationDeliveryList,
  ReportPeriodQuery,
  SecurityAlertView,
  SecurityReport,
  SecurityReportQuery,
  SecurityRules,
  SecurityUsageReport,
  UpdateNotificationChannels,
  UploadPolicy,
  UploadPolicyView,
} from '@s3am/contracts';
import { route } from '../route.js';

export const securityRoutes = {
  listAlerts: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/alerts',
    query: AlertListQuery,
    response: AlertList,
  }),
  acknowledgeAlert: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/security/alerts/:id/ack',
    response: SecurityAlertView,
  }),
  resolveAlert: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/security/alerts/:id/resolve',
    response: SecurityAlertView,
  }),
  /** Server-Sent Events (text/event-stream): read `response.body`; see `readServerSentEvents`. */
  alertStream: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/alerts/stream',
    response: 'raw',
  }),
  listBlocks: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/blocks',
    response: IpBlockList,
  }),
  createBlock: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/security/blocks',
    body: CreateIpBlockRequest,
    response: IpBlockView,
  }),
  deleteBlock: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/security/blocks/:id',
    response: 'none',
  }),
  listAllowList: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/allow-list',
    response: AllowList,
  }),
  addAllowListEntry: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/security/allow-list',
    body: CreateAllowListEntryRequest,
    response: AllowListEntryView,
  }),
  deleteAllowListEntry: /* @__PURE__ */ route({
    method: 'DELETE',
    path: '/api/security/allow-list/:id',
    response: 'none',
  }),
  getSecurityRules: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/rules',
    response: SecurityRules,
  }),
  updateSecurityRules: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/security/rules',
    body: SecurityRules,
    response: SecurityRules,
  }),
  getNotificationChannels: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/notifications',
    response: NotificationChannelsView,
  }),
  updateNotificationChannels: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/security/notifications',
    body: UpdateNotificationChannels,
    response: NotificationChannelsView,
  }),
  listNotificationDeliveries: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/notifications/deliveries',
    response: NotificationDeliveryList,
  }),
  listLogSources: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/log-sources',
    response: LogSourceStatusList,
  }),
  updateLogSources: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/security/log-sources',
    body: LogSources,
    response: LogSourceStatusList,
  }),
  runLogSources: /* @__PURE__ */ route({
    method: 'POST',
    path: '/api/security/log-sources/run',
    response: LogSourceRunList,
  }),
  /** JSON report; for CSV call `securityReportCsv` (same route, raw). */
  securityReport: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/report',
    query: SecurityReportQuery,
    response: SecurityReport,
  }),
  complianceReport: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/compliance',
    query: ComplianceQuery,
    response: ComplianceReport,
  }),
  securityUsage: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/usage',
    query: ReportPeriodQuery,
    response: SecurityUsageReport,
  }),
  getUploadPolicy: /* @__PURE__ */ route({
    method: 'GET',
    path: '/api/security/upload-policy',
    response: UploadPolicyView,
  }),
  updateUploadPolicy: /* @__PURE__ */ route({
    method: 'PUT',
    path: '/api/security/upload-policy',
    body: UploadPolicy,
    response: UploadPolicyView,
  }),
} as const;

/** The security report as formula-safe CSV: `client.call(securityReportCsv, …)`. */
export const securityReportCsv = /* @__PURE__ */ route({
  method: 'GET',
  path: '/api/security/report',
  query: SecurityReportQuery,
  response: 'raw',
});
