// The S3 store a deployment brings along (docker compose's SeaweedFS), named by BOOTSTRAP_S3_*:
// registered as "Local storage" on the first start, so uploads work without an admin typing in
// endpoints; and on every start its bucket exists and admits the app's origin (CORS).
import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { appCorsRule } from '@s3am/local-s3';
import type { FastifyBaseLogger } from 'fastify';
import { ConfigError, type AppConfig } from '../config/env.js';
import type { Db } from '../db/prisma.js';
import { seal, type Keyring } from '../lib/crypto-envelope.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { classifyS3Error } from '../modules/connections/connection-errors.js';
import {
  CONNECTION_SECRET_AAD,
  s3ClientFor,
  type S3Network,
} from '../modules/connections/s3-client.js';
import { LOCAL_CONNECTION_NAME } from './local-storage.js';
import { ADVISORY_LOCKS } from '../db/advisory-locks.js';

/** Any constant: API replicas starting together register the store once. */
const BOOTSTRAP_LOCK_ID = ADVISORY_LOCKS.bootstrapStorage;

export interface BootstrapSettings {
  endpoint: string;
  publicEndpoint: string | undefined;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
}

type BootstrapConfig = Pick<
  AppConfig,
  | 'BOOTSTRAP_S3_ENDPOINT'
  | 'BOOTSTRAP_S3_PUBLIC_ENDPOINT'
  | 'BOOTSTRAP_S3_REGION'
  | 'BOOTSTRAP_S3_ACCESS_KEY_ID'
  | 'BOOTSTRAP_S3_SECRET_ACCESS_KEY'
  | 'BOOTSTRAP_S3_BUCKET'
>;

/** The settings, or undefined when none is given; a half-given set is a configuration error. */
export function bootstrapSettings(
  config: Readonly<BootstrapConfig>,
): BootstrapSettings | undefined {
  const endpoint = config.BOOTSTRAP_S3_ENDPOINT;
  if (!endpoint) {
    if (config.BOOTSTRAP_S3_ACCESS_KEY_ID || config.BOOTSTRAP_S3_PUBLIC_ENDPOINT)
      throw new ConfigError(
        'Invalid configuration:\n  BOOTSTRAP_S3_ENDPOINT: needed with the other BOOTSTRAP_S3_* settings',
      );
    return undefined;
  }
  const accessKeyId = config.BOOTSTRAP_S3_ACCESS_KEY_ID;
  const secretAccessKey = config.BOOTSTRAP_S3_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey)
    throw new ConfigError(
      'Invalid configuration:\n  BOOTSTRAP_S3_ACCESS_KEY_ID, BOOTSTRAP_S3_SECRET_ACCESS_KEY: both needed with BOOTSTRAP_S3_ENDPOINT',
    );
  return {
    endpoint,
    publicEndpoint: config.BOOTSTRAP_S3_PUBLIC_ENDPOINT,
    region: config.BOOTSTRAP_S3_REGION,
    accessKeyId,
    secretAccessKey,
    bucket: config.BOOTSTRAP_S3_BUCKET,
  };
}

export interface BootstrapStorage {
  connectionId: string;
  /** This start registered it (false: it was registered before and left as the admins keep it). */
  registered: boolean;
  bucket: string;
  /** The bucket exists and its CORS rule admits the app; otherwise why not. */
  ready: true | string;
}

/**
 * Registers the store when no connection exists yet, then makes sure its bucket exists with the
 * app's CORS rule. The values come from the operator's configuration, not from a request, so the
 * endpoint checks for admin-entered connections do not apply here (the S3 transport still applies
 * the network policy on every call: a store on a private network needs ENDPOINT_ALLOW_PRIVATE).
 */
export async function ensureBootstrapStorage(deps: {
  db: Db;
  keyring: Keyring;
  s3Network: S3Network;
  settings: BootstrapSettings;
  appOrigin: string;
  log: FastifyBaseLogger;
}): Promise<BootstrapStorage | undefined> {
  const { db, settings } = deps;
  const outcome = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK_ID})`;
    const existing = await tx.s3Connection.findUnique({ where: { name: LOCAL_CONNECTION_NAME } });
    if (existing) return { id: existing.id, registered: false };
    if ((await tx.s3Connection.count()) > 0) return undefined;
    const row = await tx.s3Connection.create({
      data: {
        name: LOCAL_CONNECTION_NAME,
        endpoint: settings.endpoint,
        publicEndpoint: settings.publicEndpoint ?? null,
        region: settings.region,
        forcePathStyle: true,
        authMode: 'static_keys',
        accessKeyId: settings.accessKeyId,
        secretCiphertext: seal(deps.keyring, settings.secretAccessKey, CONNECTION_SECRET_AAD),
        buckets: [settings.bucket],
      },
    });
    return { id: row.id, registered: true };
  });
  if (!outcome) return undefined;
  if (outcome.registered)
    await recordAudit(db, {
      action: 'connection.create',
      outcome: 'success',
      actorEmail: 'system',
      targetType: 's3_connection',
      targetId: outcome.id,
      details: { name: LOCAL_CONNECTION_NAME, authMode: 'static_keys', from: 'BOOTSTRAP_S3' },
    });
  const connection = await db.s3Connection.findUniqueOrThrow({ where: { id: outcome.id } });
  const bucket = connection.buckets[0] ?? settings.bucket;
  const ready = await prepareBucket(s3ClientFor(connection, deps), bucket, deps.appOrigin);
  if (ready !== true)
    deps.log.warn({ bucket, problem: ready }, 'the bootstrap S3 bucket is not ready for uploads');
  return { connectionId: outcome.id, registered: outcome.registered, bucket, ready };
}

/** Creates the bucket when missing and applies the CORS rule; a failure is described, not thrown. */
async function prepareBucket(
  client: S3Client,
  bucket: string,
  appOrigin: string,
): Promise<true | string> {
  try {
    const exists = await client.send(new HeadBucketCommand({ Bucket: bucket })).then(
      () => true,
      (error: unknown) => {
        if (
          (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
        )
          return false;
        throw error;
      },
    );
    // Replicas starting together may race to create it: whoever comes second finds it made.
    if (!exists)
      await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((error: unknown) => {
        if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
      });
    await client.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: { CORSRules: [appCorsRule([appOrigin])] },
      }),
    );
    return true;
  } catch (error) {
    return classifyS3Error(error).message;
  }
}
