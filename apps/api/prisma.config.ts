// Prisma CLI configuration. The schema and migrations live at the repository root (prisma/);
// migrations are applied at start-up by src/db/migrate.ts, not by `prisma migrate` (TOOLCHAIN.md).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
