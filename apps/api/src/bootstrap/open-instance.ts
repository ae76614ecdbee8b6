// What the API and the worker do first, in this order: secrets, database, migrations, and the
// proof that this instance's MASTER_KEYS open the secrets already in the database.
import { ConfigError, type AppConfig } from '../config/env.js';
import { resolveDatabase, type ResolvedDatabase } from '../db/database.js';
import { migrate, type MigrationResult } from '../db/migrate.js';
import { createPrisma, type Db } from '../db/prisma.js';
import { parseKeyring, type Keyring } from '../lib/crypto-envelope.js';
import { resolveInstanceSecrets, type InstanceSecrets } from './instance-secrets.js';
import { verifyKeyCanary } from './key-canary.js';
import type { ProcessLifecycle } from './process-lifecycle.js';

export interface OpenInstance {
  secrets: InstanceSecrets;
  database: ResolvedDatabase;
  migrations: MigrationResult;
  db: Db;
  keyring: Keyring;
  canary: 'created' | 'verified';
}

export async function openInstance(
  config: Readonly<AppConfig>,
  lifecycle: ProcessLifecycle,
  options: { reuseRunningEmbedded: boolean },
): Promise<OpenInstance> {
  const secrets = await resolveInstanceSecrets(config);
  // Parsed before anything starts: a malformed MASTER_KEYS is a configuration error.
  let keyring: Keyring;
  try {
    keyring = parseKeyring(secrets.masterKeys);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  MASTER_KEYS: ${(error as Error).message}`);
  }
  const database = await resolveDatabase(config, secrets.postgresPassword ?? '', {
    reuseRunning: options.reuseRunningEmbedded,
  });
  if (database.stop) {
    lifecycle.onStop('database', database.stop);
    if (database.signalShutdown) lifecycle.onForcedExit(database.signalShutdown);
    lifecycle.installSignalHandlers();
  }
  const migrations = await migrate(database.url, config.MIGRATIONS_DIR);
  const db = createPrisma(database.url);
  lifecycle.onStop('pool', () => db.$disconnect());
  const canary = await verifyKeyCanary(db, keyring);
  return { secrets, database, migrations, db, keyring, canary };
}
