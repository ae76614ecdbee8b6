// `pnpm admin:rotate-key`: re-encrypts every stored secret (S3 connection secrets, TOTP secrets)
// under the current master key — the first of MASTER_KEYS. Put the new key first, keep the old
// ones after it, run this, then the old keys can go. The key canary (the start-up proof that an
// instance's MASTER_KEYS are this database's) is re-sealed too. With the embedded default (no MASTER_KEYS),
// `--new-local-key` adds a fresh key to DATA_DIR/secrets.json first.
import { Command } from 'commander';
import { assertKeyCanaryOpens, resealKeyCanary } from '../bootstrap/key-canary.js';
import { addLocalMasterKey, loadOrCreateLocalSecrets } from '../bootstrap/local-secrets.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { resolveDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createPrisma } from '../db/prisma.js';
import { parseKeyring } from '../lib/crypto-envelope.js';
import { rotateConnectionSecrets } from '../modules/connections/connections.service.js';
import { rotateTotpSecrets } from '../modules/two-factor/two-factor.service.js';

async function run(options: { newLocalKey?: boolean }): Promise<void> {
  const config = loadConfig();
  const local =
    config.MASTER_KEYS && config.DATABASE_URL
      ? undefined
      : await loadOrCreateLocalSecrets(config.DATA_DIR);
  if (options.newLocalKey && config.MASTER_KEYS)
    throw new Error(
      '--new-local-key is for the embedded default; with MASTER_KEYS, put the new key first there.',
    );
  const spec = options.newLocalKey
    ? await addLocalMasterKey(config.DATA_DIR)
    : (config.MASTER_KEYS ?? local?.masterKeys ?? '');
  const keyring = parseKeyring(spec);
  const database = await resolveDatabase(config, local?.postgresPassword ?? '', {
    reuseRunning: true,
  });
  const db = createPrisma(database.url);
  try {
    await migrate(database.url, config.MIGRATIONS_DIR);
    // Keys that cannot open the canary are not this database's: change nothing.
    await assertKeyCanaryOpens(db, keyring);
    const connections = await rotateConnectionSecrets(db, keyring);
    const totp = await rotateTotpSecrets(db, keyring);
    // Last: instances started with only the new key pass the start-up check from here on.
    await resealKeyCanary(db, keyring);
    process.stdout.write(
      `Re-encrypted under key "${keyring.current.id}": ${connections.rotated} connection secret(s), ${totp} TOTP secret(s).\n`,
    );
    if (connections.unreadable.length > 0) {
      process.stdout.write(
        `No key opens the secret of: ${connections.unreadable.join(', ')}. Enter those secrets again.\n`,
      );
      process.exitCode = 1;
    }
    if (options.newLocalKey)
      process.stdout.write(
        'Restart `pnpm start` so the running server uses the new key for new secrets.\n',
      );
  } finally {
    await db.$disconnect();
    await database.stop?.();
  }
}

new Command()
  .name('admin:rotate-key')
  .description('Re-encrypt all stored secrets under the current master key.')
  .option('--new-local-key', 'embedded default only: add a new key to DATA_DIR/secrets.json first')
  .action(run)
  .parseAsync()
  .catch((error: unknown) => {
    process.stderr.write(
      `admin:rotate-key: ${error instanceof ConfigError ? error.message : (error as Error).message}\n`,
    );
    process.exit(1);
  });
