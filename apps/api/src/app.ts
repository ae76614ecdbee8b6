// Builds the Fastify app: cross-cutting plugins first, then one module per feature. No listen.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config/env.js';
import type { Db } from './db/prisma.js';
import type { Keyring } from './lib/crypto-envelope.js';
import { apiTokensRoutes } from './modules/api-tokens/api-tokens.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { connectionsRoutes } from './modules/connections/connections.routes.js';
import { s3NetworkFrom } from './modules/connections/s3-client.js';
import { filesRoutes } from './modules/files/files.routes.js';
import { fileOperationsRoutes } from './modules/files/file-operations.routes.js';
import { thumbnailRoutes } from './modules/files/thumbnails.routes.js';
import { createJobSender } from './jobs/job-sender.js';
import { grantsRoutes } from './modules/grants/grants.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { sessionsRoutes } from './modules/sessions/sessions.routes.js';
import { settingsRoutes } from './modules/settings/settings.routes.js';
import { registerRequestObserver } from './modules/security/request-observer.js';
import { securityMonitorFromConfig } from './modules/security/monitor-from-config.js';
import type { SecurityMonitor } from './modules/security/security-monitor.js';
import { createLiveUploadLimits } from './modules/security/upload-policy.service.js';
import { securityRoutes } from './modules/security/security.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { twoFactorRoutes } from './modules/two-factor/two-factor.routes.js';
import { uploadsRoutes } from './modules/uploads/uploads.routes.js';
import { uppyCompatRoutes } from './modules/uploads/uppy-compat.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { migrationsRoutes } from './modules/migrations/migrations.routes.js';
import { sharesRoutes } from './modules/shares/shares.routes.js';
import { uploadRequestsRoutes } from './modules/upload-requests/upload-requests.routes.js';
import { quotasRoutes } from './modules/quotas/quotas.routes.js';
import { receivedFileMailer } from './modules/upload-requests/received-file-mail.js';
import { reportsRoutes } from './modules/activity/activity.routes.js';
import { authPlugin, rateLimitCaller } from './plugins/auth.js';
import { errorsPlugin } from './plugins/errors.js';
import { appLoggingOptions, resolveLogFormat } from './plugins/logging.js';
import { metricsPlugin } from './plugins/metrics.js';
import { openapiPlugin } from './plugins/openapi.js';
import { rateLimitPlugin } from './plugins/rate-limit.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { ipDefenderPlugin } from './plugins/ip-defender.js';
import { webAppPlugin } from './plugins/web-app.js';
import { APP_VERSION } from './version.js';
import { parseList } from './lib/upload-rules.js';
import { createUploadCookieCodec } from './lib/upload-cookie.js';
import { fastifyTrustProxy } from './lib/trust-proxy.js';

// Older imports of the logger settings from here keep working.
export { LOG_REDACT_PATHS, loggerOptions } from './plugins/logging.js';

export interface AppDeps {
  config: Readonly<AppConfig>;
  db: Db;
  jwtSecret: string;
  /** Migration names this build ships, for /ready. */
  expectedMigrations: readonly string[];
  /** Master keys for secrets at rest (S3 secrets, TOTP secrets). */
  keyring: Keyring;
  clock?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** Where the job queue lives (the embedded database's URL when DATABASE_URL is unset). */
  databaseUrl?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's security monitor (server.ts hands it to the job queue). */
    securityMonitor: SecurityMonitor;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const clock = deps.clock ?? (() => new Date());
  const app = Fastify({
    ...(deps.logger === undefined
      ? appLoggingOptions(
          config.LOG_LEVEL,
          resolveLogFormat(config.LOG_FORMAT, process.stdout.isTTY),
        )
      : { logger: deps.logger }),
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    // Accept a caller's request id when it looks sane, so logs can be correlated across services.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // First, so every answer carries them, 429s from the rate limiter included.
  await app.register(securityHeadersPlugin, { publicUrl: config.PUBLIC_URL });
  // Blocked addresses are refused next, before rate limiting, authentication and body parsing.
  const securityMonitor = securityMonitorFromConfig(config, {
    db,
    keyring: deps.keyring,
    clock,
    databaseUrl: deps.databaseUrl ?? config.DATABASE_URL,
    log: app.log,
  });
  const security = securityMonitor.monitor;
  // The job queue run next to HTTP (RUN_JOBS) feeds this same monitor (one per process).
  app.decorate('securityMonitor', security);
  app.addHook('onReady', () => security.ready());
  app.addHook('onClose', () => securityMonitor.close());
  await app.register(ipDefenderPlugin, { defender: security.defender, clock });
  registerRequestObserver(app, security, clock);
  const uploadCookie = createUploadCookieCodec(deps.jwtSecret);
  await app.register(rateLimitPlugin, {
    max: config.RATE_LIMIT_MAX,
    ipMax: config.RATE_LIMIT_IP_MAX,
    loginMax: config.AUTH_RATE_LIMIT_MAX,
    refreshMax: config.REFRESH_RATE_LIMIT_MAX,
    linkMax: config.LINK_RATE_LIMIT_MAX,
    callerKey: (request) => rateLimitCaller(app, request, uploadCookie, clock()),
    timeWindowMs: config.RATE_LIMIT_WINDOW_MS,
    nameSpace: config.RATE_LIMIT_NAMESPACE,
    ...(config.REDIS_URL ? { redisUrl: config.REDIS_URL } : {}),
  });
  await app.register(errorsPlugin);
  await app.register(metricsPlugin, {
    token: config.METRICS_TOKEN,
    onMainPort: config.METRICS_PORT === undefined,
  });
  await app.register(openapiPlugin, { version: APP_VERSION });
  await app.register(authPlugin, {
    db,
    jwtSecret: deps.jwtSecret,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    idleTimeoutSeconds: config.SESSION_IDLE_TIMEOUT_SECONDS,
    clock,
  });

  systemRoutes(app, {
    db,
    expectedMigrations: deps.expectedMigrations,
    version: APP_VERSION,
    startedAt: clock(),
  });
  authRoutes(app, {
    uploadCookie,
    deps: {
      db,
      clock,
      signAccessToken: (claims) => app.jwt.sign(claims),
      accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      sessionMaxAgeSeconds: config.SESSION_MAX_AGE_SECONDS,
      idleTimeoutSeconds: config.SESSION_IDLE_TIMEOUT_SECONDS,
      keyring: deps.keyring,
      signInAllowedFrom: (userId, ip) =>
        ip === undefined || security.defender.userMayUse(userId, ip),
    },
    cookieSecure: config.COOKIE_SECURE ?? config.PUBLIC_URL.startsWith('https://'),
  });
  grantsRoutes(app, { db, clock });
  const s3Network = s3NetworkFrom(config);
  app.addHook('onClose', async () => s3Network.clients.close());
  filesRoutes(app, {
    db,
    keyring: deps.keyring,
    s3Network,
    clock,
    downloadTtlSeconds: config.DOWNLOAD_URL_TTL_SECONDS,
  });
  // Folder moves and deletes run in workers; the API only queues them (on first use).
  const jobSender = createJobSender(deps.databaseUrl ?? config.DATABASE_URL ?? '', (error) =>
    app.log.error({ err: error }, 'job queue (sender) error'),
  );
  app.addHook('onClose', () => jobSender.close());
  fileOperationsRoutes(app, {
    db,
    keyring: deps.keyring,
    s3Network,
    clock,
    downloadTtlSeconds: config.DOWNLOAD_URL_TTL_SECONDS,
    previewTtlSeconds: 300,
    enqueueFolderOperation: (id) => jobSender.sendFolderOperation(id),
  });
  thumbnailRoutes(app, {
    db,
    keyring: deps.keyring,
    s3Network,
    clock,
    downloadTtlSeconds: config.DOWNLOAD_URL_TTL_SECONDS,
    previewTtlSeconds: 300,
  });
  const uploadDefaults = {
    maxSize: config.UPLOAD_MAX_SIZE_BYTES,
    allowedExtensions: parseList(config.UPLOAD_ALLOWED_EXTENSIONS, (ext) =>
      ext.startsWith('.') ? ext : `.${ext}`,
    ),
    allowedContentTypes: parseList(config.UPLOAD_ALLOWED_CONTENT_TYPES),
  };
  const uploadPolicy = createLiveUploadLimits(db, uploadDefaults, app.log);
  app.addHook('onReady', () => uploadPolicy.reload());
  security.bus.subscribe((message) => {
    if (message.type === 'upload-policy' || message.type === 'resync') void uploadPolicy.reload();
  });
  const uploadsDeps = {
    db,
    keyring: deps.keyring,
    s3Network,
    clock,
    // The admins' upload policy (Security page) over the environment's defaults, live.
    limits: uploadPolicy.limits,
    singlePutMaxBytes: config.UPLOAD_SINGLE_PUT_MAX_BYTES,
    partUrlTtlSeconds: config.UPLOAD_PART_URL_TTL_SECONDS,
    singlePutUrlTtlSeconds: config.UPLOAD_SINGLE_PUT_URL_TTL_SECONDS,
    staleAfterHours: config.UPLOAD_STALE_AFTER_HOURS,
  };
  uploadsRoutes(app, uploadsDeps);
  uppyCompatRoutes(app, uploadsDeps, uploadCookie);
  sharesRoutes(app, {
    db,
    keyring: deps.keyring,
    s3Network,
    clock,
    publicUrl: config.PUBLIC_URL,
    maxExpiryDays: config.SHARE_MAX_EXPIRY_DAYS,
    downloadTtlSeconds: config.SHARE_DOWNLOAD_URL_TTL_SECONDS,
  });
  uploadRequestsRoutes(app, {
    requests: {
      db,
      clock,
      publicUrl: config.PUBLIC_URL,
      maxExpiryDays: config.SHARE_MAX_EXPIRY_DAYS,
    },
    guests: {
      ...uploadsDeps,
      // Email to the owner when SMTP is configured (the in-app notice exists either way).
      notifyOwner: receivedFileMailer({
        smtpUrl: config.SMTP_URL,
        from: config.SMTP_FROM,
        publicUrl: config.PUBLIC_URL,
        onError: (error) => app.log.warn({ err: error }, 'received-file email not sent'),
      }),
    },
  });
  quotasRoutes(app, { db, clock, keyring: deps.keyring, s3Network });
  reportsRoutes(app, { db, clock });
  auditRoutes(app, { db });
  usersRoutes(app, { db, clock });
  apiTokensRoutes(app, { db, clock });
  twoFactorRoutes(app, { db, clock, keyring: deps.keyring });
  settingsRoutes(app, { db });
  securityRoutes(app, {
    db,
    keyring: deps.keyring,
    monitor: security,
    clock,
    uploadPolicy: { live: uploadPolicy, defaults: uploadDefaults },
  });
  connectionsRoutes(app, {
    db,
    keyring: deps.keyring,
    s3Network,
    publicUrl: config.PUBLIC_URL,
    staleUploadHours: config.UPLOAD_STALE_AFTER_HOURS,
  });
  sessionsRoutes(app, { db, clock, idleTimeoutSeconds: config.SESSION_IDLE_TIMEOUT_SECONDS });
  migrationsRoutes(app, {
    db,
    keyring: deps.keyring,
    s3Network,
    clock,
    leaseSeconds: config.MIGRATION_LEASE_SECONDS,
    // LISTEN/NOTIFY for live views across instances (the embedded database has no DATABASE_URL).
    databaseUrl: deps.databaseUrl ?? config.DATABASE_URL,
  });
  await app.register(webAppPlugin, { distDir: config.WEB_DIST_DIR, db });
  return app;
}
