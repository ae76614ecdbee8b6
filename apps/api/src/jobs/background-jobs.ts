// The job queue with every scheduled job, as the API runs it next to HTTP (RUN_JOBS) and as
// `pnpm worker` runs it alone. Any number of processes may run it on one database: pg-boss lets
// one cron pass at a time file each occurrence (one job per occurrence), and a job is handed to one
// process only.
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config/env.js';
import type { Db } from '../db/prisma.js';
import type { Keyring } from '../lib/crypto-envelope.js';
import { s3NetworkFrom } from '../modules/connections/s3-client.js';
import { startJobQueue } from './job-queue.js';
import { scheduleFolderOperations } from './folder-operations.job.js';
import { scheduleUploadSweeper } from './upload-sweeper.job.js';
import { startMigrationJobs } from './migration-run.job.js';
import { scheduleSecurityMaintenance } from './security-maintenance.job.js';
import { scheduleQuotaUsage } from './quota-usage.job.js';
import type { SecurityMonitor } from '../modules/security/security-monitor.js';
import { scheduleLogSources } from './security-log-sources.job.js';

export interface BackgroundJobs {
  /** One line per scheduled job, for the start-up banner. */
  schedule: string[];
  stop(): Promise<void>;
}

export async function startBackgroundJobs(deps: {
  config: Readonly<AppConfig>;
  databaseUrl: string;
  db: Db;
  keyring: Keyring;
  log: FastifyBaseLogger;
  /** The process's security monitor: log-source jobs feed it (its owner closes it). */
  security: SecurityMonitor;
}): Promise<BackgroundJobs> {
  const { config, log } = deps;
  const sweeperNetwork = s3NetworkFrom(config);
  const queue = await startJobQueue(deps.databaseUrl, (error) =>
    log.error({ err: error }, 'job queue error'),
  );
  let migrations: { stop(): Promise<void> } | undefined;
  try {
    await scheduleUploadSweeper(
      queue,
      {
        db: deps.db,
        keyring: deps.keyring,
        s3Network: sweeperNetwork,
        clock: () => new Date(),
        staleAfterHours: config.UPLOAD_STALE_AFTER_HOURS,
      },
      config.UPLOAD_SWEEP_INTERVAL_MINUTES,
      log,
    );
    migrations = await startMigrationJobs(
      queue,
      {
        db: deps.db,
        keyring: deps.keyring,
        s3Network: sweeperNetwork,
        log,
        settings: {
          leaseSeconds: config.MIGRATION_LEASE_SECONDS,
          partSize: config.MIGRATION_PART_SIZE_BYTES,
          multipartThreshold: config.MIGRATION_MULTIPART_THRESHOLD_BYTES,
          maxAttempts: config.MIGRATION_MAX_ATTEMPTS,
        },
      },
      { databaseUrl: deps.databaseUrl },
    );
    await scheduleLogSources(
      queue,
      {
        db: deps.db,
        keyring: deps.keyring,
        s3Network: sweeperNetwork,
        observe: (events) => deps.security.observe(events),
      },
      log,
    );
    await scheduleQuotaUsage(
      queue,
      { db: deps.db, keyring: deps.keyring, s3Network: sweeperNetwork, clock: () => new Date() },
      config.QUOTA_MEASURE_INTERVAL_MINUTES,
      log,
    );
    await scheduleSecurityMaintenance(
      queue,
      {
        db: deps.db,
        keyring: deps.keyring,
        s3Network: sweeperNetwork,
        publicUrl: config.PUBLIC_URL,
        smtpFrom: config.SMTP_FROM,
        clock: () => new Date(),
        ...(config.SMTP_URL ? { smtpUrl: config.SMTP_URL } : {}),
        ...(config.SNS_ENDPOINT ? { snsEndpoint: config.SNS_ENDPOINT } : {}),
      },
      log,
    );
    await scheduleFolderOperations(
      queue,
      {
        db: deps.db,
        keyring: deps.keyring,
        s3Network: sweeperNetwork,
        clock: () => new Date(),
        downloadTtlSeconds: config.DOWNLOAD_URL_TTL_SECONDS,
      },
      log,
    );
  } catch (error) {
    await queue.stop();
    sweeperNetwork.clients.close();
    throw error;
  }
  const minutes = config.UPLOAD_SWEEP_INTERVAL_MINUTES;
  return {
    schedule: [
      minutes === 0
        ? 'upload sweeper: off (UPLOAD_SWEEP_INTERVAL_MINUTES=0)'
        : `upload sweeper every ${minutes} minute(s)`,
      `migration jobs (workers take over after ${config.MIGRATION_LEASE_SECONDS} s of silence)`,
      'security notifications retried every minute (backoff per delivery)',
      'security log sources (S3 access logs, CloudTrail) read every minute',
      config.QUOTA_MEASURE_INTERVAL_MINUTES === 0
        ? 'quota usage: measured on demand only (QUOTA_MEASURE_INTERVAL_MINUTES=0)'
        : `quota usage measured every ${config.QUOTA_MEASURE_INTERVAL_MINUTES} minute(s)`,
      'folder moves/copies/deletes as they are requested',
    ],
    stop: async () => {
      await migrations?.stop();
      await queue.stop();
      sweeperNetwork.clients.close();
    },
  };
}
