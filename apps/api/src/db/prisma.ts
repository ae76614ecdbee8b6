// Creates the Prisma client on the `pg` driver adapter (Prisma 7, no native query engine).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = PrismaClient;

/** A server that drops packets must fail requests (503) in seconds, not hang them for minutes. */
const CONNECT_TIMEOUT_MS = 5000;

export function createPrisma(connectionString: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS }),
  });
}

export { Prisma } from '../generated/prisma/client.js';
export type { User, Session, S3Connection, AuditEvent } from '../generated/prisma/client.js';
