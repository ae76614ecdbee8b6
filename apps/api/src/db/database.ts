// Which PostgreSQL to use: DATABASE_URL, or the embedded cluster under DATA_DIR/pg (started
// here, or — for admin commands next to a running `pnpm start` — the one already running).
import path from 'node:path';
import pg from 'pg';
import type { AppConfig } from '../config/env.js';
import { runningEmbeddedPort, startEmbeddedPostgres } from './embedded-postgres.js';

const EMBEDDED_DATABASE = 's3am';
const EMBEDDED_USER = 'postgres';

export interface ResolvedDatabase {
  url: string;
  label: string;
  /** Set when this process started the embedded cluster and must stop it. */
  stop?: () => Promise<void>;
  /** With `stop`: signals the embedded cluster to shut down without waiting (forced exit). */
  signalShutdown?: () => void;
}

export async function resolveDatabase(
  config: Readonly<AppConfig>,
  embeddedPassword: string,
  options: { reuseRunning: boolean },
): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, label: 'DATABASE_URL' };
  const pgDir = path.join(config.DATA_DIR, 'pg');
  const runningPort = options.reuseRunning ? await runningEmbeddedPort(pgDir) : undefined;
  if (runningPort !== undefined) {
    const server = `postgresql://${EMBEDDED_USER}:${encodeURIComponent(embeddedPassword)}@127.0.0.1:${runningPort}/postgres`;
    return {
      url: await ensureDatabase(server, EMBEDDED_DATABASE),
      label: `embedded PostgreSQL (running, port ${runningPort})`,
    };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: pgDir, password: embeddedPassword });
  return {
    url: await ensureDatabase(embedded.connectionString, EMBEDDED_DATABASE),
    label: `embedded PostgreSQL (${pgDir}, port ${embedded.port})`,
    stop: () => embedded.stop(),
    signalShutdown: () => embedded.signalShutdown(),
  };
}

/** Creates the application database inside the embedded cluster on first start. */
async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${database}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
