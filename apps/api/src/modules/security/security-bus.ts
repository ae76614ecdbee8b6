// Tells every API instance that blocks, allow-lists, rules or alerts changed: Postgres NOTIFY on one
// channel, LISTENed by a dedicated connection that reconnects and asks for a full resync after a gap.
import type { FastifyBaseLogger } from 'fastify';
import { listenTo } from '../../db/pg-listener.js';
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

export function createSecurityBus(deps: {
  db: Db;
  databaseUrl?: string;
  log: FastifyBaseLogger;
}): SecurityBus {
  const listeners = new Set<(message: SecurityMessage) => void>();

  const emit = (message: SecurityMessage) => {
    for (const listener of listeners) {
      try {
        listener(message);
      } catch (error) {
        deps.log.error({ err: error }, 'security bus listener failed');
      }
    }
  };

  const listener = listenTo({
    databaseUrl: deps.databaseUrl,
    channel: SECURITY_CHANNEL,
    log: deps.log,
    onNotification(payload) {
      try {
        emit(JSON.parse(payload) as SecurityMessage);
      } catch (error) {
        deps.log.warn({ err: error }, 'unreadable security bus message');
      }
    },
    onConnected: () => emit({ type: 'resync' }),
  });

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
    ready: () => listener.ready,
    async close() {
      await listener.close();
      listeners.clear();
    },
  };
}
