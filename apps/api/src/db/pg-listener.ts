// A dedicated connection that LISTENs on one Postgres channel for as long as the process runs:
// reconnects with backoff when the connection drops and says so (`onConnected`), since anything
// notified while it was away is lost and listeners must catch up from the database.
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';

export interface PgListener {
  /** Resolves once the first LISTEN is in place (at once without a database URL, or on close). */
  ready: Promise<void>;
  /** Whether notifications arrive right now (callers without them fall back to polling). */
  listening(): boolean;
  close(): Promise<void>;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

export function listenTo(options: {
  databaseUrl: string | undefined;
  channel: string;
  log: FastifyBaseLogger;
  onNotification(payload: string): void;
  /** After every (re)connection: a first one, or a reconnection after a gap. */
  onConnected?(): void;
}): PgListener {
  const { databaseUrl, channel, log } = options;
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let delay = FIRST_RETRY_MS;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, MAX_RETRY_MS);
  };

  const connect = async () => {
    if (!databaseUrl || closed) return;
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
    next.on('error', (error) => {
      log.warn({ err: error, channel }, 'LISTEN connection lost; reconnecting');
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      retry();
    });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) options.onNotification(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      log.warn({ err: error, channel }, 'cannot LISTEN yet; retrying');
      await next.end().catch(() => undefined);
      retry();
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    delay = FIRST_RETRY_MS;
    resolveReady();
    options.onConnected?.();
  };

  if (databaseUrl) void connect();
  else resolveReady();

  return {
    ready,
    listening: () => client !== null,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      resolveReady();
      const current = client;
      client = null;
      if (current) await current.end().catch(() => undefined);
    },
  };
}
