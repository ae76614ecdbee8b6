// S3 connections: CRUD with sealed secrets and SSRF-checked endpoints, a precise connection
// test, and re-encryption of every secret under the current master key.
import { HeadBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import {
  ErrorCode,
  type ConnectionInput,
  type ConnectionTestResult,
  type ConnectionView,
} from '@s3am/contracts';
import type { Db, S3Connection } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { envelopeKeyId, open, seal, type Keyring } from '../../lib/crypto-envelope.js';
import { checkEndpoint } from '../../lib/ssrf-guard.js';
import { recordAudit, type AuditContext } from '../audit/audit.service.js';
import { classifyS3Error, type ConnectionFailure } from './connection-errors.js';
import { CONNECTION_SECRET_AAD, s3ClientFor, type S3Network } from './s3-client.js';

export interface ConnectionsDeps {
  db: Db;
  keyring: Keyring;
  /** Its endpoint policy also decides which endpoints may be saved. */
  s3Network: S3Network;
}

export interface ConnectionActor extends AuditContext {
  userId: string;
  email: string;
}

type ParsedInput = Required<Omit<ConnectionInput, 'secretAccessKey'>> & {
  secretAccessKey?: string;
};

export function toConnectionView(row: S3Connection): ConnectionView {
  return {
    id: row.id,
    name: row.name,
    endpoint: row.endpoint,
    publicEndpoint: row.publicEndpoint,
    region: row.region,
    forcePathStyle: row.forcePathStyle,
    authMode: row.authMode,
    accessKeyIdHint: row.accessKeyId ? `••••${row.accessKeyId.slice(-4)}` : null,
    hasSecret: row.secretCiphertext !== null,
    roleArn: row.roleArn,
    externalIdSet: row.externalId !== null,
    sessionDurationSeconds: row.sessionDurationSeconds,
    buckets: row.buckets,
    sseMode: row.sseMode as ConnectionView['sseMode'],
    sseKmsKeyId: row.sseKmsKeyId,
    managedLocal: row.managedLocal,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function assertEndpointsAllowed(deps: ConnectionsDeps, input: ParsedInput): Promise<void> {
  for (const endpoint of [input.endpoint, input.publicEndpoint]) {
    if (!endpoint) continue;
    const verdict = await checkEndpoint(endpoint, deps.s3Network.policy);
    if (!verdict.ok) {
      throw new AppError(
        ErrorCode.ENDPOINT_REFUSED,
        `The endpoint ${new URL(endpoint).host} is not allowed (${verdict.reason.replaceAll('_', ' ')}${verdict.address ? `: ${verdict.address}` : ''}).`,
      );
    }
  }
}

function assertComplete(input: ParsedInput, hasStoredSecret: boolean): void {
  if (
    input.authMode === 'static_keys' &&
    (!input.accessKeyId || (!input.secretAccessKey && !hasStoredSecret))
  ) {
    throw new AppError(
      ErrorCode.CONNECTION_INVALID,
      'Access keys need both an access key id and a secret access key.',
    );
  }
  if (input.authMode === 'assume_role' && !input.roleArn)
    throw new AppError(ErrorCode.CONNECTION_INVALID, 'AssumeRole needs a role ARN.');
  if (input.sseMode === 'aws:kms' && !input.sseKmsKeyId)
    throw new AppError(ErrorCode.CONNECTION_INVALID, 'SSE-KMS needs a KMS key id.');
}

function columns(deps: ConnectionsDeps, input: ParsedInput) {
  const keepsKeys = input.authMode !== 'default_chain';
  return {
    name: input.name,
    endpoint: input.endpoint,
    publicEndpoint: input.publicEndpoint,
    region: input.region,
    forcePathStyle: input.forcePathStyle,
    authMode: input.authMode,
    accessKeyId: keepsKeys ? input.accessKeyId : null,
    ...(input.secretAccessKey && keepsKeys
      ? { secretCiphertext: seal(deps.keyring, input.secretAccessKey, CONNECTION_SECRET_AAD) }
      : {}),
    ...(keepsKeys ? {} : { secretCiphertext: null }),
    roleArn: input.authMode === 'assume_role' ? input.roleArn : null,
    externalId: input.authMode === 'assume_role' ? input.externalId : null,
    sessionDurationSeconds: input.authMode === 'assume_role' ? input.sessionDurationSeconds : null,
    buckets: input.buckets,
    sseMode: input.sseMode,
    sseKmsKeyId: input.sseMode === 'aws:kms' ? input.sseKmsKeyId : null,
  };
}

function audit(
  deps: ConnectionsDeps,
  actor: ConnectionActor,
  action: string,
  id: string,
  details: Record<string, string | boolean>,
) {
  const { userId, email, ...context } = actor;
  return recordAudit(deps.db, {
    ...context,
    action,
    outcome: 'success',
    actorId: userId,
    actorEmail: email,
    targetType: 's3_connection',
    targetId: id,
    details,
  });
}

/** The connection, or CONNECTION_NOT_FOUND: the one lookup every feature uses. */
export async function findConnection(db: Db, id: string): Promise<S3Connection> {
  const row = await db.s3Connection.findUnique({ where: { id } });
  if (!row) throw new AppError(ErrorCode.CONNECTION_NOT_FOUND, 'No connection with this id.');
  return row;
}

export async function listConnections(deps: ConnectionsDeps): Promise<ConnectionView[]> {
  return (await deps.db.s3Connection.findMany({ orderBy: { name: 'asc' } })).map(toConnectionView);
}

export async function getConnection(deps: ConnectionsDeps, id: string): Promise<ConnectionView> {
  return toConnectionView(await findConnection(deps.db, id));
}

export async function createConnection(
  deps: ConnectionsDeps,
  actor: ConnectionActor,
  input: ParsedInput,
): Promise<ConnectionView> {
  assertComplete(input, false);
  await assertEndpointsAllowed(deps, input);
  const row = await deps.db.s3Connection.create({ data: columns(deps, input) });
  await audit(deps, actor, 'connection.create', row.id, { name: row.name, authMode: row.authMode });
  return toConnectionView(row);
}

export async function updateConnection(
  deps: ConnectionsDeps,
  actor: ConnectionActor,
  id: string,
  input: ParsedInput,
): Promise<ConnectionView> {
  const current = await findConnection(deps.db, id);
  // The key id is only ever shown masked, so an edit that leaves it out keeps the stored one.
  input = { ...input, accessKeyId: input.accessKeyId ?? current.accessKeyId };
  assertComplete(
    input,
    current.secretCiphertext !== null && input.accessKeyId === current.accessKeyId,
  );
  await assertEndpointsAllowed(deps, input);
  const row = await deps.db.s3Connection.update({
    where: { id },
    data: { ...columns(deps, input), managedLocal: false },
  });
  await audit(deps, actor, 'connection.update', id, {
    name: row.name,
    secretChanged: input.secretAccessKey !== undefined,
  });
  return toConnectionView(row);
}

export async function deleteConnection(
  deps: ConnectionsDeps,
  actor: ConnectionActor,
  id: string,
): Promise<void> {
  const current = await findConnection(deps.db, id);
  await deps.db.s3Connection.delete({ where: { id } });
  await audit(deps, actor, 'connection.delete', id, { name: current.name });
}

/** Lists buckets, or (when ListBuckets is not allowed) checks the configured buckets one by one. */
export async function testConnection(
  deps: ConnectionsDeps,
  actor: ConnectionActor,
  id: string,
): Promise<ConnectionTestResult> {
  const row = await findConnection(deps.db, id);
  const client = s3ClientFor(row, deps);
  const buckets: ConnectionTestResult['buckets'] = [];
  let failure: ConnectionFailure | undefined;
  let listed: Set<string> | undefined;
  try {
    listed = new Set(
      ((await client.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name ?? ''),
    );
  } catch (error) {
    failure = classifyS3Error(error);
  }
  // A denied ListBuckets is common with least-privilege keys: check each configured bucket.
  if (!failure || (failure.reason === 'access_denied' && row.buckets.length > 0)) {
    failure = undefined;
    for (const name of row.buckets) {
      if (listed?.has(name)) {
        buckets.push({ name, ok: true });
        continue;
      }
      try {
        await client.send(new HeadBucketCommand({ Bucket: name }));
        buckets.push({ name, ok: true });
      } catch (error) {
        const bucketFailure = classifyS3Error(error);
        buckets.push({ name, ok: false, reason: bucketFailure.reason });
        failure ??= { ...bucketFailure, message: `Bucket ${name}: ${bucketFailure.message}` };
      }
    }
    if (row.buckets.length === 0)
      buckets.push(...[...(listed ?? [])].sort().map((name) => ({ name, ok: true })));
  }
  const result: ConnectionTestResult = { ok: !failure, buckets, ...(failure ? { failure } : {}) };
  await audit(deps, actor, 'connection.test', id, {
    ok: result.ok,
    ...(failure ? { reason: failure.reason } : {}),
  });
  return result;
}

export interface RotationResult {
  rotated: number;
  /** Rows whose secret no key in the keyring opens: left untouched, for an admin to re-enter. */
  unreadable: string[];
}

/** Re-seals every stored secret under the keyring's current key. */
export async function rotateConnectionSecrets(db: Db, keyring: Keyring): Promise<RotationResult> {
  const rows = await db.s3Connection.findMany({ where: { secretCiphertext: { not: null } } });
  const result: RotationResult = { rotated: 0, unreadable: [] };
  for (const row of rows) {
    if (!row.secretCiphertext || envelopeKeyId(row.secretCiphertext) === keyring.current.id)
      continue;
    let secret: string;
    try {
      secret = open(keyring, row.secretCiphertext, CONNECTION_SECRET_AAD);
    } catch {
      result.unreadable.push(row.name);
      continue;
    }
    await db.s3Connection.update({
      where: { id: row.id },
      data: { secretCiphertext: seal(keyring, secret, CONNECTION_SECRET_AAD) },
    });
    result.rotated += 1;
  }
  return result;
}
