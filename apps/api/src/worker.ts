// `pnpm worker`: the job queue without HTTP, from the same image and configuration as the API.
// Any number of workers (and API instances with RUN_JOBS) may run on one database; each scheduled
// job still runs once. Ctrl-C / SIGTERM let the running job finish, then stop.
import path from 'node:path';
import Fastify from 'fastify';
import { openInstance } from './bootstrap/open-instance.js';
import {
  createProcessLifecycle,
  say,
  type ProcessLifecycle,
} from './bootstrap/process-lifecycle.js';
import { ConfigError, loadConfig } from './config/env.js';
import { runningEmbeddedPort } from './db/embedded-postgres.js';
import { startBackgroundJobs } from './jobs/background-jobs.js';
import { securityMonitorFromConfig } from './modules/security/monitor-from-config.js';
import { loggerOptions, resolveLogFormat } from './plugins/logging.js';

async function main(lifecycle: ProcessLifecycle): Promise<void> {
  const config = loadConfig();
  const pgDir = path.join(config.DATA_DIR, 'pg');
  // A worker never starts a database of its own: an embedded one belongs to its `pnpm start`.
  if (!config.DATABASE_URL && (await runningEmbeddedPort(pgDir)) === undefined)
    throw new ConfigError(
      `pnpm worker needs DATABASE_URL, or a running \`pnpm start\` whose embedded PostgreSQL is in ${pgDir}.`,
    );
  const { database, migrations, db, keyring, canary } = await openInstance(config, lifecycle, {
    reuseRunningEmbedded: true,
  });
  // The API's pino setup (level, redaction); this Fastify instance never listens.
  const log = Fastify({
    logger: loggerOptions(
      config.LOG_LEVEL,
      resolveLogFormat(config.LOG_FORMAT, process.stdout.isTTY),
    ),
  }).log;
  lifecycle.useLogger(log);
  // Audit events this process appends reach detectors only through a monitor in this process.
  const security = securityMonitorFromConfig(config, {
    db,
    keyring,
    clock: () => new Date(),
    databaseUrl: database.url,
    log,
  });
  await security.monitor.ready();
  lifecycle.onStop('jobs', () => security.close());
  const jobs = await startBackgroundJobs({
    config,
    databaseUrl: database.url,
    db,
    keyring,
    log,
    security: security.monitor,
  });
  lifecycle.onStop('jobs', () => jobs.stop());

  say('');
  say('S3 Access Manager worker is running (job queue only, no HTTP)');
  say(
    `  Database:  ${database.label}; ${migrations.applied.length} migration(s) applied now, ${migrations.alreadyApplied} before`,
  );
  say(
    `  Keys:      ${canary === 'created' ? 'key canary sealed (first start on this database)' : 'MASTER_KEYS open the secrets in the database'}`,
  );
  say(`  Jobs:      ${jobs.schedule.join('; ')}`);
  say('  Stop with Ctrl-C.');
  say('');
}

const lifecycle = createProcessLifecycle();
main(lifecycle).catch(async (error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
  );
  await lifecycle.shutdown('start-up failed; stopping what had started', 1);
});
