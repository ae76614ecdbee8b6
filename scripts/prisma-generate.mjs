// Generates the Prisma client after install. `prisma generate` wants to download the native
// schema engine even though the prisma-client generator never runs it; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that download (see TOOLCHAIN.md).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
};
const result = spawnSync('pnpm', ['--filter', '@s3am/api', 'exec', 'prisma', 'generate'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
