// Creates the Prisma client on the `pg` driver adapter (Prisma 7, no native query engine).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = PrismaClient;

export function createPrisma(connectionString: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

export { Prisma } from '../generated/prisma/client.js';
export type { User, Session, S3Connection, AuditEvent } from '../generated/prisma/client.js';
