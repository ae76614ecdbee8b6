// The OpenAPI document as the running API serves it at /openapi.json, built without a database
// or S3 (routes only), so `pnpm openapi` can write it to the repo and a test can prove it fresh.
import { buildApp } from '../app.js';
import { loadConfig } from '../config/env.js';
import { createPrisma } from '../db/prisma.js';
import { parseKeyring } from '../lib/crypto-envelope.js';

/** Placeholders only: no route runs, so nothing is connected to or decrypted. */
const OFFLINE_ENV = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: 'postgresql://openapi@127.0.0.1:1/none',
  WEB_DIST_DIR: '/nonexistent-web-dist',
  PUBLIC_URL: 'http://localhost:3000',
};

export async function buildOpenApiDocument(): Promise<unknown> {
  const config = loadConfig(OFFLINE_ENV);
  const db = createPrisma(OFFLINE_ENV.DATABASE_URL);
  const app = await buildApp({
    config,
    db,
    jwtSecret: 'openapi-export-only-secret-0123456789abcdef',
    keyring: parseKeyring(`openapi:${Buffer.alloc(32, 1).toString('base64')}`),
    expectedMigrations: [],
    logger: false,
  });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await db.$disconnect();
  }
}

/** The document as committed: stable key order from the generator, two-space JSON, final newline. */
export function serializeOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
