// Who runs the managed local S3 server behind "Local storage": one row per managed connection
// naming the owning instance, with a heartbeat it refreshes while it runs and clears when it stops.
// Times are the database's (now()), so clocks of different hosts never disagree about staleness.
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Prisma } from '../db/prisma.js';

/** How often the owner reports in, and after how long without a report it counts as gone. */
export const OWNER_HEARTBEAT_MS = 20_000;
const OWNER_STALE_SECONDS = 60;

type Queryable = Db | Prisma.TransactionClient;

export interface OwnerIdentity {
  host: string;
  /** The owner's LOCAL_S3_DIR: with the host, what makes a restart "the same installation". */
  dataDir: string;
  pid: number;
}

export interface OwnerRecord extends OwnerIdentity {
  endpoint: string;
  /** The heartbeat is recent: the owner is (as far as the database knows) still running. */
  alive: boolean;
}

export function thisInstance(dataDir: string): OwnerIdentity {
  return { host: os.hostname(), dataDir, pid: process.pid };
}

export function describeOwner(owner: OwnerIdentity): string {
  return `pid ${owner.pid} on ${owner.host}`;
}

/** The same host and data directory: this installation's earlier run, not another instance. */
export function sameInstallation(a: OwnerIdentity, b: OwnerIdentity): boolean {
  return a.host === b.host && a.dataDir === b.dataDir;
}

export async function readOwner(
  db: Queryable,
  connectionId: string,
): Promise<OwnerRecord | undefined> {
  const rows = await db.$queryRaw<
    { host: string; data_dir: string; pid: number; endpoint: string; alive: boolean }[]
  >`SELECT host, data_dir, pid, endpoint,
      coalesce(heartbeat_at > now() - make_interval(secs => ${OWNER_STALE_SECONDS}), false) AS alive
    FROM local_storage_owners WHERE connection_id = ${connectionId}::uuid`;
  const row = rows[0];
  if (!row) return undefined;
  return {
    host: row.host,
    dataDir: row.data_dir,
    pid: row.pid,
    endpoint: row.endpoint,
    alive: row.alive,
  };
}

export async function recordOwner(
  db: Queryable,
  connectionId: string,
  owner: OwnerIdentity,
  endpoint: string,
): Promise<void> {
  await db.$executeRaw`INSERT INTO local_storage_owners
      (connection_id, host, data_dir, pid, endpoint, heartbeat_at)
    VALUES (${connectionId}::uuid, ${owner.host}, ${owner.dataDir}, ${owner.pid}, ${endpoint}, now())
    ON CONFLICT (connection_id) DO UPDATE SET host = excluded.host, data_dir = excluded.data_dir,
      pid = excluded.pid, endpoint = excluded.endpoint, heartbeat_at = excluded.heartbeat_at`;
}

const ours = (owner: OwnerIdentity) => ({
  host: owner.host,
  dataDir: owner.dataDir,
  pid: owner.pid,
});

/**
 * Refreshes the heartbeat until stopped; stopping clears it, so another instance may take the
 * connection over at once instead of after the stale period.
 */
export function keepOwnership(
  db: Db,
  connectionId: string,
  owner: OwnerIdentity,
  log: FastifyBaseLogger,
): { release(): Promise<void> } {
  let warned = false;
  const beat = async () => {
    const count = await db.$executeRaw`UPDATE local_storage_owners SET heartbeat_at = now()
      WHERE connection_id = ${connectionId}::uuid AND host = ${owner.host}
        AND data_dir = ${owner.dataDir} AND pid = ${owner.pid}`;
    if (count === 0 && !warned) {
      warned = true;
      log.warn(
        { connectionId },
        'another instance took "Local storage" over; this instance no longer serves it',
      );
    }
  };
  const timer = setInterval(() => {
    beat().catch((error: unknown) =>
      log.warn({ err: error }, 'could not record the local storage heartbeat'),
    );
  }, OWNER_HEARTBEAT_MS);
  timer.unref();
  return {
    release: async () => {
      clearInterval(timer);
      await db.localStorageOwner.updateMany({
        where: { connectionId, ...ours(owner) },
        data: { heartbeatAt: null },
      });
    },
  };
}
