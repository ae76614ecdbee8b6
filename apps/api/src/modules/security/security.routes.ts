// The security monitor's HTTP surface (admins only): alerts, defender lists, settings.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/prisma.js';
import type { Keyring } from '../../lib/crypto-envelope.js';
import type { UploadLimits } from '../../lib/upload-rules.js';
import { securityAlertRoutes } from './security-alerts.routes.js';
import { securityDefenderRoutes } from './security-defender.routes.js';
import { securityLogSourceRoutes } from './security-log-sources.routes.js';
import type { SecurityMonitor } from './security-monitor.js';
import { securityReportRoutes } from './security-reports.routes.js';
import { securitySettingsRoutes } from './security-settings.routes.js';
import type { LiveUploadLimits } from './upload-policy.service.js';
import { userNoticesRoutes } from './user-notices.routes.js';

export interface SecurityRoutesOptions {
  db: Db;
  keyring: Keyring;
  monitor: SecurityMonitor;
  clock: () => Date;
  /** The upload limits uploads read (live) and the environment's defaults under them. */
  uploadPolicy: { live: LiveUploadLimits; defaults: UploadLimits };
}

export function securityRoutes(app: FastifyInstance, options: SecurityRoutesOptions): void {
  securityAlertRoutes(app, options);
  securityDefenderRoutes(app, options);
  securitySettingsRoutes(app, options);
  securityLogSourceRoutes(app, options);
  userNoticesRoutes(app, options);
  securityReportRoutes(app, options);
}
