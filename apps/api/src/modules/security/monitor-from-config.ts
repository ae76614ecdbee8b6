// The security monitor of one process, from the configuration: the API builds it next to HTTP and
// `pnpm worker` builds its own, so audit events a worker appends (folder deletes, migrations,
// sweeps) reach the detectors in the process that wrote them, and log-source jobs feed it.
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../../config/env.js';
import type { Db } from '../../db/prisma.js';
import type { Keyring } from '../../lib/crypto-envelope.js';
import { s3NetworkFrom } from '../connections/s3-client.js';
import { createSecurityMonitor, type SecurityMonitor } from './security-monitor.js';

export function securityMonitorFromConfig(
  config: Readonly<AppConfig>,
  deps: {
    db: Db;
    keyring: Keyring;
    clock: () => Date;
    /** For LISTEN/NOTIFY (the embedded database's URL when DATABASE_URL is unset). */
    databaseUrl: string | undefined;
    log: FastifyBaseLogger;
  },
): { monitor: SecurityMonitor; close(): Promise<void> } {
  const network = s3NetworkFrom(config);
  const monitor = createSecurityMonitor({
    db: deps.db,
    clock: deps.clock,
    keyring: deps.keyring,
    s3Network: network,
    publicUrl: config.PUBLIC_URL,
    smtpFrom: config.SMTP_FROM,
    autoBlock: config.SECURITY_AUTO_BLOCK,
    ...(config.SMTP_URL ? { smtpUrl: config.SMTP_URL } : {}),
    ...(config.SNS_ENDPOINT ? { snsEndpoint: config.SNS_ENDPOINT } : {}),
    ...(deps.databaseUrl ? { databaseUrl: deps.databaseUrl } : {}),
    log: deps.log,
  });
  return {
    monitor,
    async close() {
      await monitor.close();
      network.clients.close();
    },
  };
}
