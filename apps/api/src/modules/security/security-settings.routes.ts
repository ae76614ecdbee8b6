// HTTP for the monitor's settings (admins): rules (built-in thresholds + custom rules) and the
// notification channels, with the deliveries and their failures.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  NotificationChannelsView,
  NotificationDeliveryList,
  SecurityRules,
  UpdateNotificationChannels,
} from '@s3am/contracts';
import { requirePrincipal } from '../../plugins/auth.js';
import { problemResponses } from '../../plugins/errors.js';
import { auditContext } from '../audit/audit-context.js';
import { readChannels, writeChannels } from './notifications/notification-channels.service.js';
import { listDeliveries } from './notifications/notification-outbox.js';
import { readRules, writeRules } from './security-rules.service.js';
import type { SecurityRoutesOptions } from './security.routes.js';

function actorOf(request: FastifyRequest) {
  const principal = requirePrincipal(request);
  return { ...auditContext(request), userId: principal.userId, email: principal.email };
}

export function securitySettingsRoutes(app: FastifyInstance, options: SecurityRoutesOptions): void {
  const { db, monitor, keyring } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = { onRequest: [app.authenticate, app.requireRole('admin')] };
  const schema = { tags: ['security'], security: [{ bearerAuth: [] }] };

  api.get(
    '/api/security/rules',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'The built-in detectors’ thresholds and switches and the custom alert rules. Admins only.',
        summary: 'Detector settings and custom rules',
        response: { 200: SecurityRules, ...problemResponses(401, 403) },
      },
    },
    () => readRules(db),
  );

  api.put(
    '/api/security/rules',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Replaces detector settings and custom rules; every API instance picks them up at once (through the database). Admins only; audited as `security.rules_change`.',
        summary: 'Replace detector settings and custom rules (applies on every instance at once)',
        body: SecurityRules,
        response: { 200: SecurityRules, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const rules = await writeRules(db, actorOf(request), request.body);
      monitor.rules.invalidate();
      await monitor.bus.publish({ type: 'rules' });
      return rules;
    },
  );

  api.get(
    '/api/security/notifications',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Where alerts are sent per severity: webhook, email, SNS topic. Webhook secrets are write-only: only whether one is set is shown. Admins only.',
        summary: 'Notification channels per severity (webhook secret never shown)',
        response: { 200: NotificationChannelsView, ...problemResponses(401, 403) },
      },
    },
    () => readChannels(db),
  );

  api.put(
    '/api/security/notifications',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'Replaces the notification channels; the webhook signing secret is sealed at rest, and an omitted one keeps the stored secret (unless the webhook URL moved to another origin). Admins only; audited as `security.notifications_change` without secrets.',
        summary: 'Set the notification channels (webhook, email, SNS topic)',
        body: UpdateNotificationChannels,
        response: { 200: NotificationChannelsView, ...problemResponses(400, 401, 403) },
      },
    },
    (request) =>
      writeChannels(db, keyring, actorOf(request), request.body, monitor.senders.s3Network.policy),
  );

  api.get(
    '/api/security/notifications/deliveries',
    {
      ...adminOnly,
      schema: {
        ...schema,
        description:
          'The latest alert notifications sent or attempted per channel, with status and error, to check that alerts reach people. Admins only.',
        summary: 'Recent notification deliveries, failed ones included',
        response: { 200: NotificationDeliveryList, ...problemResponses(401, 403) },
      },
    },
    async () => ({ items: await listDeliveries({ db }) }),
  );
}
