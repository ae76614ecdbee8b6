// Starts and stops the local S3-protocol server (@20minutes/s3rver + our patch) used by
// `pnpm start`, `pnpm s3:local`, the integration tests and the e2e suite.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the ambient types of the untyped package must reach every program that imports this file
/// <reference path="./s3rver.d.ts" />
import { mkdir } from 'node:fs/promises';
import S3rver from '@20minutes/s3rver';
import { DUMMY_ACCOUNT } from '@20minutes/s3rver/lib/models/account.js';
import { appCorsXml } from './cors.js';

export { appCorsRule, appCorsXml, type CorsRule } from './cors.js';

export const LOCAL_S3_DEFAULT_ACCESS_KEY_ID = 's3am-local';
export const LOCAL_S3_DEFAULT_SECRET_ACCESS_KEY = 's3am-local-secret';

export interface LocalS3Options {
  directory: string;
  /** Must be an IP or `localhost`: s3rver takes any other host name as a bucket (vhost style). */
  host?: string;
  /** 0 = any free port. */
  port?: number;
  accessKeyId?: string;
  secretAccessKey?: string;
  buckets?: string[];
  /** Origins allowed by the buckets' CORS rule. */
  corsOrigins?: string[];
  silent?: boolean;
  /**
   * Refuse DeleteObjects, PutObjectTagging and bucket configuration PUTs that carry no
   * Content-MD5, as older MinIO and Ceph RGW do: for testing clients against such servers.
   */
  requireContentMd5?: boolean;
}

export interface LocalS3Server {
  endpoint: string;
  port: number;
  region: 'us-east-1';
  accessKeyId: string;
  secretAccessKey: string;
  close(): Promise<void>;
}

export async function startLocalS3(options: LocalS3Options): Promise<LocalS3Server> {
  const host = options.host ?? '127.0.0.1';
  const accessKeyId = options.accessKeyId ?? LOCAL_S3_DEFAULT_ACCESS_KEY_ID;
  const secretAccessKey = options.secretAccessKey ?? LOCAL_S3_DEFAULT_SECRET_ACCESS_KEY;
  await mkdir(options.directory, { recursive: true });
  // s3rver ships a well-known default key pair; only ours may sign requests.
  DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
  DUMMY_ACCOUNT.createKeyPair(accessKeyId, secretAccessKey);
  const cors = appCorsXml(options.corsOrigins ?? ['*']);
  const server = new S3rver({
    address: host,
    port: options.port ?? 0,
    silent: options.silent ?? true,
    directory: options.directory,
    requireContentMd5: options.requireContentMd5 ?? false,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name, configs: [cors] })),
  });
  const address = await server.run();
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    port: address.port,
    region: 'us-east-1',
    accessKeyId,
    secretAccessKey,
    close: async () => {
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}
