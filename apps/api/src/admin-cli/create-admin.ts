// `pnpm admin:create-admin --email …`: creates (or restores) an admin straight in the database.
// The password comes from stdin when piped (`echo … | pnpm admin:create-admin --email …`), or
// from a hidden prompt. Works next to a running `pnpm start` (it reuses the embedded database).
import { Command } from 'commander';
import password from '@inquirer/password';
import { loadOrCreateLocalSecrets } from '../bootstrap/local-secrets.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { resolveDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createPrisma } from '../db/prisma.js';
import { isAppError } from '../lib/app-error.js';
import { createOrRestoreAdmin } from './admin-account.js';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const first = await password({ message: 'Password (at least 12 characters):', mask: '•' });
  const again = await password({ message: 'Repeat the password:', mask: '•' });
  if (first !== again) throw new Error('The passwords differ.');
  return first;
}

async function run(options: { email: string }): Promise<void> {
  const config = loadConfig();
  const secrets = config.DATABASE_URL ? undefined : await loadOrCreateLocalSecrets(config.DATA_DIR);
  const secret = await readPassword();
  const database = await resolveDatabase(config, secrets?.postgresPassword ?? '', {
    reuseRunning: true,
  });
  const db = createPrisma(database.url);
  try {
    await migrate(database.url, config.MIGRATIONS_DIR);
    const outcome = await createOrRestoreAdmin(db, options.email, secret);
    process.stdout.write(
      outcome === 'created'
        ? `Created admin ${options.email}.\n`
        : `Restored ${options.email}: admin, enabled, new password; their sessions were ended.\n`,
    );
  } finally {
    await db.$disconnect();
    await database.stop?.();
  }
}

const program = new Command()
  .name('admin:create-admin')
  .description(
    'Create an admin account, or restore one that is locked out (new password, enabled, admin role).',
  )
  .requiredOption('--email <email>', 'email address of the admin')
  .action(run);

program.parseAsync().catch((error: unknown) => {
  const message = isAppError(error)
    ? (error.detail ?? error.code)
    : error instanceof ConfigError
      ? error.message
      : (error as Error).message;
  process.stderr.write(`admin:create-admin: ${message}\n`);
  process.exit(1);
});
