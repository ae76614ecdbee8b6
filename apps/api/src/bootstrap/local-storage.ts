// The out-of-the-box storage: when no S3 connection exists yet (or the one it created before is
// still registered) start the local S3 server and register it as connection "Local storage".
// The managed connection belongs to one instance: another instance leaves it alone while its
// endpoint answers (or its owner still reports in), and takes it over only once the owner is gone.
import { startLocalS3, type LocalS3Server } from '@s3am/local-s3';
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config/env.js';
import type { Db, Prisma } from '../db/prisma.js';
import { seal, type Keyring } from '../lib/crypto-envelope.js';
import { CONNECTION_SECRET_AAD } from '../modules/connections/s3-client.js';
import {
  keepOwnership,
  readOwner,
  recordOwner,
  sameInstallation,
  thisInstance,
  type OwnerIdentity,
  type OwnerRecord,
} from './local-storage-owner.js';
import { ADVISORY_LOCKS } from '../db/advisory-locks.js';

export const LOCAL_CONNECTION_NAME = 'Local storage';
export const LOCAL_BUCKET = 'uploads';

/** Any constant: every instance deciding about the managed connection takes this lock in turn. */
const LOCAL_STORAGE_LOCK_ID = ADVISORY_LOCKS.localStorageOwner;
/** An S3 endpoint that does not answer within this is taken for gone. */
const PROBE_TIMEOUT_MS = 3000;

/** This instance runs the local S3 server and the connection points at it. */
export interface LocalStorage {
  kind: 'serving';
  server: LocalS3Server;
  connectionId: string;
  /** Set when another instance ran it before and is gone: this one took it over. */
  takenOverFrom?: OwnerRecord;
  /** Stops the heartbeat, hands ownership back (cleared heartbeat) and stops the server. */
  stop(): Promise<void>;
}

/** Another instance (or a service of its own) runs it: the connection is left as it is. */
export interface LocalStorageElsewhere {
  kind: 'elsewhere';
  connectionId: string;
  endpoint: string | null;
  owner?: OwnerRecord;
  /** False when only the owner's heartbeat says it runs: its endpoint does not answer from here. */
  reachable: boolean;
}

/** Any HTTP answer at all (S3 answers an anonymous request with 403) means someone serves it. */
async function endpointAnswers(endpoint: string | null): Promise<boolean> {
  if (!endpoint) return false;
  try {
    const response = await fetch(endpoint, {
      method: 'HEAD',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

type Decision =
  | { kind: 'none' }
  | LocalStorageElsewhere
  | { kind: 'serve'; connectionId?: string; takenOverFrom?: OwnerRecord };

async function decide(tx: Prisma.TransactionClient, me: OwnerIdentity): Promise<Decision> {
  const managed = await tx.s3Connection.findFirst({ where: { managedLocal: true } });
  if (!managed) return (await tx.s3Connection.count()) > 0 ? { kind: 'none' } : { kind: 'serve' };
  const owner = await readOwner(tx, managed.id);
  const elsewhere = (reachable: boolean): LocalStorageElsewhere => ({
    kind: 'elsewhere',
    connectionId: managed.id,
    endpoint: managed.endpoint,
    reachable,
    ...(owner ? { owner } : {}),
  });
  // Answering: someone runs it (another instance, or `pnpm s3:local` as a service of its own).
  if (await endpointAnswers(managed.endpoint)) return elsewhere(true);
  const ownRestart = owner !== undefined && sameInstallation(owner, me);
  // Not answering from here, but its owner reports in: it runs on another host (a loopback
  // endpoint only answers there). Taking it over would cut that instance's users off.
  if (owner?.alive && !ownRestart) return elsewhere(false);
  return {
    kind: 'serve',
    connectionId: managed.id,
    ...(owner && !ownRestart ? { takenOverFrom: owner } : {}),
  };
}

export async function ensureLocalStorage(
  db: Db,
  config: Readonly<AppConfig>,
  keyring: Keyring,
  log: FastifyBaseLogger,
): Promise<LocalStorage | LocalStorageElsewhere | undefined> {
  if (config.LOCAL_S3 === 'off') return undefined;
  const me = thisInstance(config.LOCAL_S3_DIR);
  let server: LocalS3Server | undefined;
  try {
    const outcome = await db.$transaction(
      async (tx) => {
        // One instance decides at a time, so two starting at once never both take it.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCAL_STORAGE_LOCK_ID})`;
        const decision = await decide(tx, me);
        if (decision.kind !== 'serve') return decision;
        server = await startOnPreferredPort(config);
        const data = {
          endpoint: server.endpoint,
          region: server.region,
          forcePathStyle: true,
          authMode: 'static_keys' as const,
          accessKeyId: server.accessKeyId,
          secretCiphertext: seal(keyring, server.secretAccessKey, CONNECTION_SECRET_AAD),
          buckets: [LOCAL_BUCKET],
          managedLocal: true,
        };
        const connection = decision.connectionId
          ? await tx.s3Connection.update({ where: { id: decision.connectionId }, data })
          : await tx.s3Connection.create({ data: { name: LOCAL_CONNECTION_NAME, ...data } });
        await recordOwner(tx, connection.id, me, server.endpoint);
        return { ...decision, connectionId: connection.id };
      },
      { maxWait: 60_000, timeout: 60_000 },
    );
    if (outcome.kind === 'none') return undefined;
    if (outcome.kind === 'elsewhere') return outcome;
    const running = server;
    if (!running) throw new Error('local S3 server missing after the decision to serve');
    const ownership = keepOwnership(db, outcome.connectionId, me, log);
    return {
      kind: 'serving',
      server: running,
      connectionId: outcome.connectionId,
      ...(outcome.takenOverFrom ? { takenOverFrom: outcome.takenOverFrom } : {}),
      stop: async () => {
        await ownership
          .release()
          .catch((error: unknown) =>
            log.warn({ err: error }, 'could not hand "Local storage" back'),
          );
        await running.close();
      },
    };
  } catch (error) {
    // The transaction did not commit: nothing points at the server that was started for it.
    await server?.close();
    throw error;
  }
}

/** Browsers PUT parts straight to S3, so the bucket's CORS rule must allow the app's origin. */
function appOrigins(config: Readonly<AppConfig>): string[] {
  const origins = new Set([config.PUBLIC_URL]);
  if (config.NODE_ENV === 'development') {
    origins.add('http://localhost:5173').add('http://127.0.0.1:5173');
    origins.add(`http://localhost:${config.PORT}`).add(`http://127.0.0.1:${config.PORT}`);
  }
  return [...origins];
}

async function startOnPreferredPort(config: Readonly<AppConfig>): Promise<LocalS3Server> {
  const options = {
    directory: config.LOCAL_S3_DIR,
    accessKeyId: config.LOCAL_S3_ACCESS_KEY_ID,
    secretAccessKey: config.LOCAL_S3_SECRET_ACCESS_KEY,
    buckets: [LOCAL_BUCKET],
    corsOrigins: appOrigins(config),
    silent: true,
  };
  try {
    return await startLocalS3({ ...options, port: config.LOCAL_S3_PORT });
  } catch (error) {
    // The preferred port is taken (another tool, a second checkout): any free port will do,
    // the connection's endpoint is updated to match.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startLocalS3({ ...options, port: 0 });
  }
}
