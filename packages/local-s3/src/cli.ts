// `pnpm s3:local`: runs the local S3 server in the foreground until Ctrl-C / SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  LOCAL_S3_DEFAULT_ACCESS_KEY_ID,
  LOCAL_S3_DEFAULT_SECRET_ACCESS_KEY,
  startLocalS3,
} from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const env = process.env;
const port = Number(env.LOCAL_S3_PORT || 4568);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(
    `LOCAL_S3_PORT must be a port number (0 = any free port), got "${env.LOCAL_S3_PORT}"\n`,
  );
  process.exit(2);
}
const directory = path.resolve(repoRoot, env.LOCAL_S3_DIR || '.data/s3');
const bucket = 'uploads';

const server = await startLocalS3({
  directory,
  port,
  accessKeyId: env.LOCAL_S3_ACCESS_KEY_ID || LOCAL_S3_DEFAULT_ACCESS_KEY_ID,
  secretAccessKey: env.LOCAL_S3_SECRET_ACCESS_KEY || LOCAL_S3_DEFAULT_SECRET_ACCESS_KEY,
  buckets: [bucket],
  // LOCAL_S3_LOG=1 prints every request (s3rver's own log), for debugging clients.
  silent: env.LOCAL_S3_LOG !== '1',
  // LOCAL_S3_REQUIRE_CONTENT_MD5=1 behaves like older MinIO/Ceph RGW (Content-MD5 required).
  requireContentMd5: env.LOCAL_S3_REQUIRE_CONTENT_MD5 === '1',
  corsOrigins: (env.LOCAL_S3_CORS_ORIGINS || '*')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean),
});

// Tools parse this exact line; keep it first and unchanged.
process.stdout.write(`Local S3 endpoint: ${server.endpoint}\n`);
process.stdout.write(`  bucket:        ${bucket}\n`);
process.stdout.write(
  `  access key id: ${server.accessKeyId} (secret from LOCAL_S3_SECRET_ACCESS_KEY)\n`,
);
process.stdout.write(`  region:        ${server.region}, path-style addressing\n`);
process.stdout.write(`  data:          ${directory}\n`);
process.stdout.write('  Stop with Ctrl-C.\n');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`failed to stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
