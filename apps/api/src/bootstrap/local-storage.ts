// The out-of-the-box storage: when no S3 connection exists yet (or the one it created before is
// still registered) start the local S3 server and register it as connection "Local storage".
import { startLocalS3, type LocalS3Server } from '@s3am/local-s3';
import type { AppConfig } from '../config/env.js';
import type { Db } from '../db/prisma.js';
import { seal, type Keyring } from '../lib/crypto-envelope.js';
import { CONNECTION_SECRET_AAD } from '../modules/connections/s3-client.js';

export const LOCAL_CONNECTION_NAME = 'Local storage';
export const LOCAL_BUCKET = 'uploads';

export interface LocalStorage {
  server: LocalS3Server;
  connectionId: string;
}

export async function ensureLocalStorage(
  db: Db,
  config: Readonly<AppConfig>,
  keyring: Keyring,
): Promise<LocalStorage | undefined> {
  if (config.LOCAL_S3 === 'off') return undefined;
  const managed = await db.s3Connection.findFirst({ where: { managedLocal: true } });
  if (!managed && (await db.s3Connection.count()) > 0) return undefined;

  const server = await startOnPreferredPort(config);
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
  const connection = managed
    ? await db.s3Connection.update({ where: { id: managed.id }, data })
    : await db.s3Connection.create({ data: { name: LOCAL_CONNECTION_NAME, ...data } });
  return { server, connectionId: connection.id };
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
