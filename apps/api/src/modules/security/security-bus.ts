// Tells every API instance that blocks, allow-lists, rules or alerts changed: Postgres NOTIFY on one
// channel, LISTENed by a dedicated connection that reconnects and asks for a full resync after a gap.
import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma.js';

export const SECURITY_CHANNEL = 's3am_security';

export type SecurityMessage =
  | { type: 'blocks' }
  | { type: 'rules' }
  | { type: 'upload-policy' }
  | { type: 'alert'; id: string }
  /** The listening connection was (re)established: anything may have been missed. */
  | { type: 'resync' };

export interface SecurityBus {
  publish(message: SecurityMessage): Promise<void>;
  subscribe(listener: (message: SecurityMessage) => void): () => void;
  /** Resolves once the LISTEN connection is up (or at once without a database URL). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const MAX_RECONNECT_MS = 30_000;

export function createSecurityBus(deps: {
  db: Db;
  databaseUrl?: string;
  log: FastifyBaseLogger;
}): SecurityBus {
  const listeners = new Set<(message: SecurityMessage) => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let delay = 500;
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  const emit = (message: SecurityMessage) => {
    for (const listener of listeners) {
      try {
        listener(message);
      } catch (error) {
        deps.log.error({ err: error }, 'security bus listener failed');
      }
    }
  };

  const scheduleReconnect = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, MAX_RECONNECT_MS);
  };

  const connect = async () => {
    if (!deps.databaseUrl || closed) return;
    const next = new pg.Client({
      connectionString: deps.databaseUrl,
      connectionTimeoutMillis: 5000,
    });
    next.on('error', (error) => {
      deps.log.warn({ err: error }, 'security bus connection lost; reconnecting');
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      scheduleReconnect();
    });
    next.on('notification', (notification) => {
      if (notification.channel !== SECURITY_CHANNEL || !notification.payload) return;
      try {
        emit(JSON.parse(notification.payload) as SecurityMessage);
      } catch (error) {
        deps.log.warn({ err: error }, 'unreadable security bus message');
      }
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${SECURITY_CHANNEL}`);
    } catch (error) {
      deps.log.warn({ err: error }, 'security bus cannot listen yet; retrying');
      await next.end().catch(() => undefined);
      scheduleReconnect();
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    delay = 500;
    resolveReady();
    emit({ type: 'resync' });
  };

  if (deps.databaseUrl) void connect();
  else resolveReady();

  return {
    async publish(message) {
      if (!deps.databaseUrl) {
        emit(message);
        return;
      }
      await deps.db.$executeRaw`SELECT pg_notify(${SECURITY_CHANNEL}, ${JSON.stringify(message)})`;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: () => readyPromise,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      resolveReady();
      const current = client;
      client = null;
      if (current) await current.end().catch(() => undefined);
      listeners.clear();
    },
  };
}
