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
  listAlerts: route({
    method: 'GET',
    path: '/api/security/alerts',
    query: AlertListQuery,
    response: AlertList,
  }),
  acknowledgeAlert: route({
    method: 'POST',
    path: '/api/security/alerts/:id/ack',
    response: SecurityAlertView,
  }),
  resolveAlert: route({
    method: 'POST',
    path: '/api/security/alerts/:id/resolve',
    response: SecurityAlertView,
  }),
  /** Server-Sent Events (text/event-stream): read `response.body`; see `readServerSentEvents`. */
  alertStream: route({ method: 'GET', path: '/api/security/alerts/stream', response: 'raw' }),
  listBlocks: route({ method: 'GET', path: '/api/security/blocks', response: IpBlockList }),
  createBlock: route({
    method: 'POST',
    path: '/api/security/blocks',
    body: CreateIpBlockRequest,
    response: IpBlockView,
  }),
  deleteBlock: route({ method: 'DELETE', path: '/api/security/blocks/:id', response: 'none' }),
  listAllowList: route({ method: 'GET', path: '/api/security/allow-list', response: AllowList }),
  addAllowListEntry: route({
    method: 'POST',
    path: '/api/security/allow-list',
    body: CreateAllowListEntryRequest,
    response: AllowListEntryView,
  }),
  deleteAllowListEntry: route({
    method: 'DELETE',
    path: '/api/security/allow-list/:id',
    response: 'none',
  }),
  getSecurityRules: route({ method: 'GET', path: '/api/security/rules', response: SecurityRules }),
  updateSecurityRules: route({
    method: 'PUT',
    path: '/api/security/rules',
    body: SecurityRules,
    response: SecurityRules,
  }),
  getNotificationChannels: route({
    method: 'GET',
    path: '/api/security/notifications',
    response: NotificationChannelsView,
  }),
  updateNotificationChannels: route({
    method: 'PUT',
    path: '/api/security/notifications',
    body: UpdateNotificationChannels,
    response: NotificationChannelsView,
  }),
  listNotificationDeliveries: route({
    method: 'GET',
    path: '/api/security/notifications/deliveries',
    response: NotificationDeliveryList,
  }),
  listLogSources: route({
    method: 'GET',
    path: '/api/security/log-sources',
    response: LogSourceStatusList,
  }),
  updateLogSources: route({
    method: 'PUT',
    path: '/api/security/log-sources',
    body: LogSources,
    response: LogSourceStatusList,
  }),
  runLogSources: route({
    method: 'POST',
    path: '/api/security/log-sources/run',
    response: LogSourceRunList,
  }),
  /** JSON report; for CSV call `securityReportCsv` (same route, raw). */
  securityReport: route({
    method: 'GET',
    path: '/api/security/report',
    query: SecurityReportQuery,
    response: SecurityReport,
  }),
  complianceReport: route({
    method: 'GET',
    path: '/api/security/compliance',
    query: ComplianceQuery,
    response: ComplianceReport,
  }),
  securityUsage: route({
    method: 'GET',
    path: '/api/security/usage',
    query: ReportPeriodQuery,
    response: SecurityUsageReport,
  }),
  getUploadPolicy: route({
    method: 'GET',
    path: '/api/security/upload-policy',
    response: UploadPolicyView,
  }),
  updateUploadPolicy: route({
    method: 'PUT',
    path: '/api/security/upload-policy',
    body: UploadPolicy,
    response: UploadPolicyView,
  }),
} as const;

/** The security report as formula-safe CSV: `client.call(securityReportCsv, …)`. */
export const securityReportCsv = route({
  method: 'GET',
  path: '/api/security/report',
  query: SecurityReportQuery,
  response: 'raw',
});
