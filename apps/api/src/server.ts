// Starts the product: database (DATABASE_URL or embedded), migrations, first admin, local S3,
// then the API + web app on one port, and the job queue unless RUN_JOBS=false (then `pnpm worker`
// runs it). Ctrl-C / SIGTERM stop everything in reverse order.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import {
  bootstrapSettings,
  ensureBootstrapStorage,
  type BootstrapSettings,
  type BootstrapStorage,
} from './bootstrap/bootstrap-storage.js';
import { assertAdminPasswordAllowed, ensureFirstAdmin } from './bootstrap/first-admin.js';
import { describeOwner } from './bootstrap/local-storage-owner.js';
import {
  ensureLocalStorage,
  type LocalStorage,
  type LocalStorageElsewhere,
} from './bootstrap/local-storage.js';
import { openInstance } from './bootstrap/open-instance.js';
import {
  createProcessLifecycle,
  say,
  type ProcessLifecycle,
} from './bootstrap/process-lifecycle.js';
import { ConfigError, REPO_ROOT, loadConfig, type AppConfig } from './config/env.js';
import { readMigrations } from './db/migrate.js';
import { startBackgroundJobs } from './jobs/background-jobs.js';
import { s3NetworkFrom } from './modules/connections/s3-client.js';
import { startMetricsServer } from './plugins/metrics.js';

function shortPath(target: string): string {
  const relative = path.relative(REPO_ROOT, target);
  return relative.startsWith('..') ? target : relative;
}

/** The banner's storage lines: whether this instance runs "Local storage", and if not, who does. */
function storageLines(
  config: Readonly<AppConfig>,
  storage: LocalStorage | LocalStorageElsewhere | undefined,
): string[] {
  if (!storage) return [];
  if (storage.kind === 'elsewhere') {
    const owner = storage.owner ? ` (${describeOwner(storage.owner)})` : '';
    return storage.reachable
      ? [
          `  Storage:   "Local storage" at ${storage.endpoint ?? '?'} is run by another instance${owner}; left as it is`,
        ]
      : [
          `  Storage:   "Local storage" belongs to another instance${owner} that still reports in, but its`,
          `             endpoint ${storage.endpoint ?? '?'} does not answer from here; left as it is`,
        ];
  }
  const lines = [
    `  Storage:   "Local storage" at ${storage.server.endpoint}, bucket "uploads", data in ${shortPath(config.LOCAL_S3_DIR)}`,
  ];
  const previous = storage.takenOverFrom;
  if (previous)
    lines.push(
      `             taken over from ${describeOwner(previous)}: its endpoint ${previous.endpoint} no longer answers`,
    );
  return lines;
}

/** The banner's lines for a store named by BOOTSTRAP_S3_* (docker compose). */
function bootstrapLines(
  settings: BootstrapSettings | undefined,
  store: BootstrapStorage,
): string[] {
  const browsers = settings?.publicEndpoint ? ` (browsers: ${settings.publicEndpoint})` : '';
  return [
    `  Storage:   "Local storage" at ${settings?.endpoint ?? '?'}${browsers}, bucket "${store.bucket}"` +
      (store.registered ? ', registered now from BOOTSTRAP_S3_*' : ''),
    store.ready === true
      ? '             bucket ready, CORS rule admits the app'
      : `             bucket not ready: ${store.ready}`,
  ];
}

async function registerBootstrapStorage(
  config: Readonly<AppConfig>,
  deps: Omit<Parameters<typeof ensureBootstrapStorage>[0], 's3Network' | 'appOrigin'>,
): Promise<BootstrapStorage | undefined> {
  const s3Network = s3NetworkFrom(config);
  try {
    return await ensureBootstrapStorage({ ...deps, s3Network, appOrigin: config.PUBLIC_URL });
  } finally {
    s3Network.clients.close();
  }
}

/** In-flight requests get this long to finish on shutdown; then their connections are closed. */
const DRAIN_MS = 10_000;

/** Stops accepting connections, lets in-flight requests finish (bounded), then closes the app. */
async function closeHttp(app: FastifyInstance): Promise<void> {
  const timer = setTimeout(() => {
    app.log.warn(`requests still running after ${DRAIN_MS / 1000} s; closing their connections`);
    app.server.closeAllConnections();
  }, DRAIN_MS);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}

async function main(lifecycle: ProcessLifecycle): Promise<void> {
  const config = loadConfig();
  // Before anything starts: a refused password is a configuration error like any other.
  assertAdminPasswordAllowed(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  const bootstrap = bootstrapSettings(config);
  const { secrets, database, migrations, db, keyring, canary } = await openInstance(
    config,
    lifecycle,
    { reuseRunningEmbedded: false },
  );
  const databaseLabel = database.label.replace(config.DATA_DIR, shortPath(config.DATA_DIR));

  const admin = await ensureFirstAdmin(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  const app = await buildApp({
    config,
    db,
    jwtSecret: secrets.jwtSecret,
    keyring,
    expectedMigrations: (await readMigrations(config.MIGRATIONS_DIR)).map((m) => m.name),
    databaseUrl: database.url,
  });
  lifecycle.useLogger(app.log);
  lifecycle.onStop('http', () => closeHttp(app));
  // Before the local S3 server: with a store of its own, no local one is needed.
  const bootstrapStore = bootstrap
    ? await registerBootstrapStorage(config, { db, keyring, settings: bootstrap, log: app.log })
    : undefined;
  const storage = await ensureLocalStorage(db, config, keyring, app.log);
  if (storage?.kind === 'serving') lifecycle.onStop('storage', () => storage.stop());
  if (storage?.kind === 'serving' && storage.takenOverFrom)
    app.log.warn(
      { previousOwner: storage.takenOverFrom },
      'took "Local storage" over from an instance that is gone',
    );
  await app.listen({ host: config.HOST, port: config.PORT });
  const metrics =
    config.METRICS_PORT === undefined
      ? undefined
      : await startMetricsServer(app.metrics, {
          host: config.METRICS_HOST,
          port: config.METRICS_PORT,
          token: config.METRICS_TOKEN,
        });
  if (metrics) lifecycle.onStop('http', () => metrics.close());
  else if (config.NODE_ENV === 'production' && !config.METRICS_TOKEN)
    app.log.warn('/metrics is open on the API port: set METRICS_TOKEN or METRICS_PORT');

  const jobs = config.RUN_JOBS
    ? await startBackgroundJobs({
        config,
        databaseUrl: database.url,
        db,
        keyring,
        log: app.log,
        security: app.securityMonitor,
      })
    : undefined;
  if (jobs) lifecycle.onStop('jobs', () => jobs.stop());

  say('');
  say('S3 Access Manager is running');
  say(`  Open:      ${config.PUBLIC_URL}`);
  say(`  API docs:  ${config.PUBLIC_URL}/docs`);
  if (metrics) say(`  Metrics:   ${metrics.url} (internal port)`);
  say(
    `  Database:  ${databaseLabel}; ${migrations.applied.length} migration(s) applied now, ${migrations.alreadyApplied} before`,
  );
  say(
    `  Keys:      ${canary === 'created' ? 'key canary sealed (first start on this database)' : 'MASTER_KEYS open the secrets in the database'}`,
  );
  for (const line of storageLines(config, storage)) say(line);
  if (bootstrapStore) for (const line of bootstrapLines(bootstrap, bootstrapStore)) say(line);
  say(`  Jobs:      ${jobs ? jobs.schedule.join('; ') : 'left to `pnpm worker` (RUN_JOBS=false)'}`);
  if (admin.generatedPassword) {
    say(`  Admin:     ${admin.email}  password: ${admin.generatedPassword}`);
    say('             (shown only this once; you will be asked to change it)');
  } else if (admin.created) {
    say(`  Admin:     ${admin.email} (password from ADMIN_PASSWORD)`);
  }
  if (admin.created)
    say(`  Lost it?   pnpm admin:create-admin --email ${admin.email}  sets a new one`);
  say('  Stop with Ctrl-C.');
  say('');
}

const lifecycle = createProcessLifecycle();
main(lifecycle).catch(async (error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
  );
  // Whatever had started (the embedded PostgreSQL, the local S3 server) stops with it.
  await lifecycle.shutdown('start-up failed; stopping what had started', 1);
});
