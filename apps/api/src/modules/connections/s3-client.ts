// Builds an AWS SDK S3 client for a stored connection: static keys, STS AssumeRole (with
// external id, from source keys or the default chain), or the server's default credential chain.
import { S3Client } from '@aws-sdk/client-s3';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { ErrorCode } from '@s3am/contracts';
import type { S3Connection } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { open, type Keyring } from '../../lib/crypto-envelope.js';

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

function credentialsFor(connection: S3Connection, keyring: Keyring) {
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
        clientConfig: { region: connection.region },
      });
    case 'default_chain':
      return fromNodeProviderChain();
  }
}

export function s3ClientFor(
  connection: S3Connection,
  keyring: Keyring,
  options: { timeoutMs?: number } = {},
): S3Client {
  const custom = connection.endpoint !== null;
  const credentials = credentialsFor(connection, keyring);
  return new S3Client({
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
    requestHandler: {
      connectionTimeout: options.timeoutMs ?? 5000,
      requestTimeout: (options.timeoutMs ?? 5000) * 2,
    },
  });
}

/** The connection as browsers reach it: presigned URLs must name its public endpoint. */
export function browserFacing(connection: S3Connection): S3Connection {
  return connection.publicEndpoint
    ? { ...connection, endpoint: connection.publicEndpoint }
    : connection;
}
