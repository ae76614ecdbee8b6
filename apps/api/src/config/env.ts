// The only reader of process.env: parses it once with zod, fails fast, returns a frozen config.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTrustProxy } from '../lib/trust-proxy.js';

/** Repository root, so relative defaults do not depend on the directory the API was started from. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const boolFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional().describe('Origin users open; defaults to http://HOST:PORT'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z
    .enum(['auto', 'json', 'pretty'])
    .default('auto')
    .describe('auto: readable lines on a terminal, JSON lines otherwise (files, compose, CI)'),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((raw, ctx) => {
      const parsed = parseTrustProxy(raw);
      if ('value' in parsed) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    })
    .describe('Proxies in front of the API: a hop count or addresses/CIDRs; default none'),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, '.data')),
  DATABASE_URL: z.string().url().optional(),
  WEB_DIST_DIR: z.string().default(path.join(REPO_ROOT, 'apps/web/dist')),
  MIGRATIONS_DIR: z.string().default(path.join(REPO_ROOT, 'prisma/migrations')),
  JWT_SECRET: z
    .string()
    .min(32)
    .optional()
    .describe('Generated into DATA_DIR/secrets.json when unset'),
  MASTER_KEYS: z
    .string()
    .optional()
    .describe('id:base64(32 bytes)[,...]; the first encrypts new secrets'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  SESSION_MAX_AGE_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(7 * 24 * 3600),
  SESSION_IDLE_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(15 * 60)
    .describe('Automatic logoff after this long without activity'),
  COOKIE_SECURE: boolFromString.optional(),
  ADMIN_EMAIL: z.email().default('admin@example.com'),
  ADMIN_PASSWORD: z.string().min(12).optional(),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(20),
  REFRESH_RATE_LIMIT_MAX: z.coerce
    .number()
    .int()
    .min(1)
    .default(120)
    .describe('Token refreshes per client IP and window (page loads refresh)'),
  RATE_LIMIT_IP_MAX: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Ceiling for all requests from one IP (default: 5 × RATE_LIMIT_MAX)'),
  REDIS_URL: z.url().optional().describe('Shared rate-limit counters across API instances'),
  RATE_LIMIT_NAMESPACE: z.string().min(1).default('s3am-rate-limit:'),
  SHARE_MAX_EXPIRY_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(30)
    .describe('Longest life of a share link or upload request (days)'),
  SHARE_DOWNLOAD_URL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(30)
    .max(3600)
    .default(300)
    .describe('Lifetime of a presigned GET handed out through a share link'),
  LINK_RATE_LIMIT_MAX: z.coerce
    .number()
    .int()
    .min(1)
    .default(120)
    .describe('Calls to public share/upload-request links per client IP and window'),
  DOWNLOAD_URL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(3600),
  STS_ENDPOINT: z
    .url()
    .optional()
    .describe(
      'STS endpoint for AssumeRole connections (default: AWS STS of the connection region)',
    ),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .describe('SMTP server for security alerts and notices to users (smtp://user:pass@host:587)'),
  SMTP_FROM: z.string().min(3).default('S3 Access Manager <s3am@localhost>'),
  SECURITY_AUTO_BLOCK: boolFromString
    .default(true)
    .describe('Let detectors block addresses (e.g. >10 failed requests a minute); false = alert only'),
  SNS_ENDPOINT: z
    .url()
    .optional()
    .describe('SNS endpoint for alert notifications (default: AWS SNS of the topic region)'),
  ENDPOINT_ALLOW_PRIVATE: boolFromString
    .default(false)
    .describe('Allow S3 endpoints on private networks'),
  ENDPOINT_ALLOW_LOOPBACK: boolFromString
    .optional()
    .describe('Allow S3 endpoints on this host (default: outside production)'),
  S3_CONNECT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(5000)
    .describe('Time to open a connection to an S3 endpoint'),
  S3_REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(15_000)
    .describe('Time S3 has to answer ordinary calls (list, head, create, abort, connection test)'),
  S3_LONG_REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(15 * 60_000)
    .describe('Time S3 has to answer CompleteMultipartUpload and server-side copies'),
  UPLOAD_MAX_SIZE_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(5 * 1024 ** 4)
    .default(5 * 1024 ** 4)
    .describe('Largest file accepted (S3 allows 5 TiB)'),
  UPLOAD_ALLOWED_EXTENSIONS: z
    .string()
    .optional()
    .describe('Comma-separated extensions (e.g. .pdf,.csv); unset = any'),
  UPLOAD_ALLOWED_CONTENT_TYPES: z
    .string()
    .optional()
    .describe('Comma-separated content types, `image/*` style wildcards; unset = any'),
  UPLOAD_SINGLE_PUT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(5 * 1024 ** 3)
    .default(16 * 1024 ** 2)
    .describe('Files up to this size go up as one presigned PUT instead of multipart'),
  UPLOAD_PART_URL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(3600),
  UPLOAD_SINGLE_PUT_URL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(3600)
    .default(300)
    .describe('Lifetime of a single-PUT (whole file) URL and of an Uppy presigned POST'),
  UPLOAD_STALE_AFTER_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(72)
    .describe('Unfinished uploads idle this long are aborted by the sweeper'),
  UPLOAD_SWEEP_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(60)
    .describe('How often the sweeper runs; 0 = never (run it from the API instead)'),
  QUOTA_MEASURE_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(30)
    .describe('How often quota usage is measured from S3 listings; 0 = on demand only'),
  RUN_JOBS: boolFromString
    .default(true)
    .describe('Run the job queue (sweeps) in this API process; false leaves it to `pnpm worker`'),
  MIGRATION_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(2)
    .max(3600)
    .default(30)
    .describe('A migration worker silent this long is taken as dead; another one resumes its job'),
  MIGRATION_PART_SIZE_BYTES: z.coerce
    .number()
    .int()
    .min(5 * 1024 ** 2)
    .max(5 * 1024 ** 3)
    .default(64 * 1024 ** 2)
    .describe('Part size of multipart copies; streamed objects above it go in parts'),
  MIGRATION_MULTIPART_THRESHOLD_BYTES: z.coerce
    .number()
    .int()
    .min(5 * 1024 ** 2)
    .max(5 * 1024 ** 3)
    .default(5 * 1024 ** 3)
    .describe('Server-side copies above this size use UploadPartCopy (CopyObject allows 5 GiB)'),
  MIGRATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  MIGRATION_BATCH_OPERATIONS_THRESHOLD: z.coerce
    .number()
    .int()
    .min(1)
    .default(10_000_000)
    .describe('Jobs above this many objects are offered to S3 Batch Operations instead'),
  METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe('Bearer token Prometheus must send for /metrics; unset = no token'),
  METRICS_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe('Serve /metrics on this internal port instead of the API port'),
  METRICS_HOST: z.string().default('127.0.0.1').describe('Interface of METRICS_PORT'),
  LOCAL_S3: z.enum(['auto', 'off']).default('auto'),
  LOCAL_S3_PORT: z.coerce.number().int().min(0).max(65535).default(4568),
  LOCAL_S3_DIR: z.string().optional(),
  LOCAL_S3_ACCESS_KEY_ID: z.string().min(3).default('s3am-local'),
  LOCAL_S3_SECRET_ACCESS_KEY: z.string().min(8).default('s3am-local-secret'),
  BOOTSTRAP_S3_ENDPOINT: z
    .url()
    .optional()
    .describe('S3 store registered as "Local storage" on first start (compose: http://s3:8333)'),
  BOOTSTRAP_S3_PUBLIC_ENDPOINT: z
    .url()
    .optional()
    .describe(
      'The same store as browsers reach it, for presigned URLs (compose: http://localhost:8333)',
    ),
  BOOTSTRAP_S3_REGION: z.string().min(1).default('us-east-1'),
  BOOTSTRAP_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  BOOTSTRAP_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  BOOTSTRAP_S3_BUCKET: z.string().min(3).default('uploads'),
});

export type RawEnv = z.infer<typeof EnvSchema>;

/** Every variable the API reads (documented in .env.example; a test keeps the two in step). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);

export interface AppConfig extends Omit<
  RawEnv,
  'LOCAL_S3_DIR' | 'PUBLIC_URL' | 'ENDPOINT_ALLOW_LOOPBACK' | 'RATE_LIMIT_IP_MAX'
> {
  PUBLIC_URL: string;
  ENDPOINT_ALLOW_LOOPBACK: boolean;
  LOCAL_S3_DIR: string;
  RATE_LIMIT_IP_MAX: number;
}

export class ConfigError extends Error {}

/**
 * Secrets published in docker-compose.yml and the docs, for trying the product out. Anyone can
 * read them, so a production start with one of them is refused (naming the variable).
 */
const EXAMPLE_SECRETS = {
  JWT_SECRET: ['dev-only-jwt-secret-change-me-0123456789abcdef'],
  MASTER_KEYS: ['ZGV2LW9ubHktbWFzdGVyLWtleS1jaGFuZ2UtbWUhISE='],
  DATABASE_URL: ['s3am-dev-only'],
} as const;
/** Placeholders people copy from examples: "change-me", "dev-only", "changeme". */
const PLACEHOLDER = /change-?me|dev-only/i;

function databasePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

/** The production variables that still hold an example secret, with why. */
export function exampleSecretsIn(
  env: Pick<RawEnv, 'JWT_SECRET' | 'MASTER_KEYS' | 'DATABASE_URL'>,
): string[] {
  const problems: string[] = [];
  const check = (name: keyof typeof EXAMPLE_SECRETS, secrets: string[]) => {
    const known: readonly string[] = EXAMPLE_SECRETS[name];
    if (secrets.some((secret) => known.includes(secret) || PLACEHOLDER.test(secret)))
      problems.push(
        `  ${name}: holds the example secret from docker-compose.yml/.env.example; set your own`,
      );
  };
  if (env.JWT_SECRET) check('JWT_SECRET', [env.JWT_SECRET]);
  if (env.MASTER_KEYS)
    check(
      'MASTER_KEYS',
      env.MASTER_KEYS.split(',').flatMap((entry) => {
        const key = entry.trim().slice(entry.trim().indexOf(':') + 1);
        // The key itself and the text it encodes (the example encodes "…change-me…").
        return [key, Buffer.from(key, 'base64').toString('latin1')];
      }),
    );
  if (env.DATABASE_URL) {
    const password = databasePassword(env.DATABASE_URL);
    if (password) check('DATABASE_URL', [password]);
  }
  return problems;
}

/** Parses an environment (process.env by default). Throws ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Readonly<AppConfig> {
  // An empty variable (`DATABASE_URL=` in a .env file or compose file) means "not set".
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (result.data.NODE_ENV === 'production') {
    const examples = exampleSecretsIn(result.data);
    if (examples.length > 0)
      throw new ConfigError(
        `Refusing to start in production with example secrets:\n${examples.join('\n')}`,
      );
  }
  // Relative paths are relative to the repository, whichever directory the API was started from.
  const fromRoot = (value: string) => path.resolve(REPO_ROOT, value);
  const env = {
    ...result.data,
    DATA_DIR: fromRoot(result.data.DATA_DIR),
    WEB_DIST_DIR: fromRoot(result.data.WEB_DIST_DIR),
    MIGRATIONS_DIR: fromRoot(result.data.MIGRATIONS_DIR),
  };
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  return Object.freeze({
    ...env,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://${host}:${env.PORT}`).replace(/\/$/, ''),
    ENDPOINT_ALLOW_LOOPBACK: env.ENDPOINT_ALLOW_LOOPBACK ?? env.NODE_ENV !== 'production',
    LOCAL_S3_DIR: env.LOCAL_S3_DIR ? fromRoot(env.LOCAL_S3_DIR) : path.join(env.DATA_DIR, 's3'),
    RATE_LIMIT_IP_MAX: env.RATE_LIMIT_IP_MAX ?? 5 * env.RATE_LIMIT_MAX,
  });
}
