// Builds an AWS SDK S3 client for a stored connection: static keys, STS AssumeRole (with
// external id, from source keys or the default chain), or the server's default credential chain.
// Every socket it opens is checked against the endpoint policy, every call has a timeout that fits
// its kind, and those transport failures reach callers as AppErrors with stable codes.
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ErrorCode } from '@s3am/contracts';
import type { AppConfig } from '../../config/env.js';
import type { S3Connection } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { open, type Keyring } from '../../lib/crypto-envelope.js';
import { EndpointRefusedError, guardedAgents, type EndpointPolicy } from '../../lib/ssrf-guard.js';
import { sendContentMd5 } from './content-md5.js';
import { S3ClientCache } from './s3-client-cache.js';

/** Additional authenticated data binding sealed S3 secrets to their purpose. */
export const CONNECTION_SECRET_AAD = 's3-connection-secret';

function staticCredentials(connection: S3Connection, keyring: Keyring) {
  if (!connection.accessKeyId || !connection.secretCiphertext) return undefined;
  let secretAccessKey: string;
  try {
    secretAccessKey = open(keyring, connection.secretCiphertext, CONNECTION_SECRET_AAD);
  } catch {
    throw new AppError(
      ErrorCode.CONNECTION_INVALID,
      `The secret of "${connection.name}" cannot be opened with the current master keys; an admin must enter it again.`,
    );
  }
  return { accessKeyId: connection.accessKeyId, secretAccessKey };
}

/** The credentials a connection signs with (also used for SNS on its account). */
export function credentialsFor(connection: S3Connection, deps: S3ClientDeps) {
  const { keyring } = deps;
  switch (connection.authMode) {
    case 'static_keys':
      return staticCredentials(connection, keyring);
    case 'assume_role':
      return fromTemporaryCredentials({
        params: {
          RoleArn: connection.roleArn ?? '',
          RoleSessionName: 's3-access-manager',
          ...(connection.externalId ? { ExternalId: connection.externalId } : {}),
          ...(connection.sessionDurationSeconds
            ? { DurationSeconds: connection.sessionDurationSeconds }
            : {}),
        },
        masterCredentials: staticCredentials(connection, keyring) ?? fromNodeProviderChain(),
        clientConfig: {
          region: connection.region,
          ...(deps.s3Network.stsEndpoint ? { endpoint: deps.s3Network.stsEndpoint } : {}),
          requestHandler: {
            connectionTimeout: deps.s3Network.timeouts.connectMs,
            requestTimeout: deps.s3Network.timeouts.requestMs,
            throwOnRequestTimeout: true,
          },
        },
      });
    case 'default_chain':
      return fromNodeProviderChain();
  }
}

export interface S3Timeouts {
  /** To open the TCP (and TLS) connection. */
  connectMs: number;
  /** Until the response headers of ordinary calls: HEAD, LIST, GET metadata, create, abort, test. */
  requestMs: number;
  /** For calls whose work grows with the object: CompleteMultipartUpload, CopyObject, UploadPartCopy. */
  longRequestMs: number;
}

/**
 * How this server reaches S3: the endpoint policy every socket is checked against, timeouts, and
 * the clients it keeps (one per connection; close them when the app closes).
 */
export interface S3Network {
  policy: EndpointPolicy;
  timeouts: S3Timeouts;
  clients: S3ClientCache;
  /** STS endpoint for AssumeRole connections (an S3-compatible provider's STS, or a test stand-in). */
  stsEndpoint?: string | undefined;
}

/** The S3 network rules from the configuration. */
export function s3NetworkFrom(
  config: Pick<
    AppConfig,
    | 'ENDPOINT_ALLOW_PRIVATE'
    | 'ENDPOINT_ALLOW_LOOPBACK'
    | 'S3_CONNECT_TIMEOUT_MS'
    | 'S3_REQUEST_TIMEOUT_MS'
    | 'S3_LONG_REQUEST_TIMEOUT_MS'
    | 'STS_ENDPOINT'
  >,
): S3Network {
  return {
    clients: new S3ClientCache(),
    stsEndpoint: config.STS_ENDPOINT,
    policy: {
      allowPrivate: config.ENDPOINT_ALLOW_PRIVATE,
      allowLoopback: config.ENDPOINT_ALLOW_LOOPBACK,
    },
    timeouts: {
      connectMs: config.S3_CONNECT_TIMEOUT_MS,
      requestMs: config.S3_REQUEST_TIMEOUT_MS,
      longRequestMs: config.S3_LONG_REQUEST_TIMEOUT_MS,
    },
  };
}

/** What building a client needs: the keys that open stored secrets, and the network rules. */
export interface S3ClientDeps {
  keyring: Keyring;
  s3Network: S3Network;
}

type HttpRequest = Parameters<NodeHttpHandler['handle']>[0];

/** Long calls: Complete (POST with an uploadId; S3 may take minutes) and server-side copies. */
export function isLongRunning(request: Pick<HttpRequest, 'method' | 'query' | 'headers'>): boolean {
  if (request.method === 'POST' && request.query && 'uploadId' in request.query) return true;
  return Object.keys(request.headers).some((name) => name.toLowerCase() === 'x-amz-copy-source');
}

/** The SDK's Node handler with the timeout chosen per request from what the request does. */
class TimedS3Handler extends NodeHttpHandler {
  readonly #timeouts: S3Timeouts;

  constructor(network: S3Network, policy: EndpointPolicy) {
    super({
      ...guardedAgents(policy),
      connectionTimeout: network.timeouts.connectMs,
      requestTimeout: network.timeouts.requestMs,
      // Without this the SDK only logs a warning when requestTimeout passes, and keeps waiting.
      throwOnRequestTimeout: true,
      // Idle sockets while a body streams (after the headers came within requestTimeout).
      socketTimeout: network.timeouts.longRequestMs,
    });
    this.#timeouts = network.timeouts;
  }

  override handle(request: HttpRequest, options: Parameters<NodeHttpHandler['handle']>[1] = {}) {
    const requestTimeout =
      options.requestTimeout ??
      (isLongRunning(request) ? this.#timeouts.longRequestMs : this.#timeouts.requestMs);
    return super.handle(request, { ...options, requestTimeout });
  }
}

const POLICY_SETTING: Partial<Record<EndpointRefusedError['reason'], string>> = {
  loopback: 'ENDPOINT_ALLOW_LOOPBACK',
  private: 'ENDPOINT_ALLOW_PRIVATE',
};

/** Transport failures as API errors; S3's own answers stay SDK errors for the callers to explain. */
export function transportError(error: unknown, connection: S3Connection): unknown {
  const failure = error as { name?: string; cause?: unknown } | undefined;
  const refused = [failure, failure?.cause].find((e) => e instanceof EndpointRefusedError);
  if (refused) {
    const setting = POLICY_SETTING[refused.reason];
    return new AppError(
      ErrorCode.ENDPOINT_BLOCKED,
      `The endpoint of connection "${connection.name}" resolves to a ${refused.reason.replace('_', '-')} address, which ${setting ? `this server does not allow (${setting})` : 'is never allowed'}; no request was sent.`,
    );
  }
  if (failure?.name === 'TimeoutError')
    return new AppError(
      ErrorCode.S3_TIMEOUT,
      `The storage service of connection "${connection.name}" did not answer in time.`,
    );
  // The SDK percent-encodes keys and prefixes; an unpaired surrogate cannot be encoded.
  if (error instanceof URIError)
    return new AppError(
      ErrorCode.INVALID_KEY,
      'The key or prefix is not valid Unicode (it contains an unpaired surrogate).',
    );
  return error;
}

/**
 * The connection's client, kept and reused (see S3ClientCache): callers never destroy it.
 * Pass `browserFacing(connection)` for presigning, which gets a client of its own.
 */
export function s3ClientFor(connection: S3Connection, deps: S3ClientDeps): S3Client {
  return deps.s3Network.clients.get(connection, () => buildS3Client(connection, deps));
}

function buildS3Client(connection: S3Connection, deps: S3ClientDeps): S3Client {
  const custom = connection.endpoint !== null;
  const credentials = credentialsFor(connection, deps);
  // The managed local server runs on this host by design: its loopback address is expected.
  const policy = connection.managedLocal
    ? { ...deps.s3Network.policy, allowLoopback: true }
    : deps.s3Network.policy;
  const client = new S3Client({
    region: connection.region,
    ...(custom ? { endpoint: connection.endpoint ?? undefined } : {}),
    forcePathStyle: connection.forcePathStyle,
    ...(credentials ? { credentials } : {}),
    // Many S3-compatible servers reject the SDK's default aws-chunked CRC32 uploads.
    ...(custom
      ? {
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
    maxAttempts: 2,
    requestHandler: new TimedS3Handler(deps.s3Network, policy),
  });
  // Outermost (before retries), so callers see one error after the SDK gave up.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw transportError(error, connection);
      }
    },
    { step: 'initialize', priority: 'high', name: 's3amTransportErrors' },
  );
  if (custom) sendContentMd5(client); // older MinIO/Ceph RGW refuse DeleteObjects without it
  return client;
}

/** The connection as browsers reach it: presigned URLs must name its public endpoint. */
export function browserFacing(connection: S3Connection): S3Connection {
  return connection.publicEndpoint
    ? { ...connection, endpoint: connection.publicEndpoint }
    : connection;
}
