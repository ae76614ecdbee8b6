// Tells "the database cannot be reached right now" (down, restarting, refusing connections, the
// connection dropped) from every other database error, whichever layer reports it: Prisma, its
// pg driver adapter, or node-postgres itself.

/** Prisma's connection-level error codes (P1001 unreachable, P1002 timed out, P1017 closed…). */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1011', 'P1017']);

/** Driver-adapter error kinds that mean the server cannot be used at the moment. */
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'DatabaseDoesNotExist',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
]);

/**
 * SQLSTATEs of an unusable server: connection exceptions (class 08), shutdown or start-up
 * (57P01–57P03), too many connections (53300), a database not accepting connections (55000 at
 * connect time, e.g. `ALLOW_CONNECTIONS false`) and one that does not exist (3D000).
 */
function isUnavailableSqlState(code: string, message: string): boolean {
  if (code.startsWith('08')) return true;
  if (['57P01', '57P02', '57P03', '53300', '3D000'].includes(code)) return true;
  return code === '55000' && /not currently accepting connections/i.test(message);
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  originalMessage?: unknown;
  severity?: unknown;
  message?: unknown;
  meta?: { driverAdapterError?: unknown };
  cause?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** One layer of a database error (Prisma, its driver adapter, or what pg reported). */
function unavailable(error: ErrorLike): boolean {
  const name = text(error.name);
  const code = text(error.code);
  const message = text(error.message);
  if (name === 'PrismaClientInitializationError') return true;
  if (name.startsWith('PrismaClient') && PRISMA_CODES.has(code)) return true;
  if (ADAPTER_KINDS.has(text(error.kind))) return true;
  const sqlState = text(error.originalCode) || (/^[0-9A-Z]{5}$/.test(code) ? code : '');
  if (sqlState && isUnavailableSqlState(sqlState, text(error.originalMessage) || message))
    return true;
  if (NETWORK_CODES.has(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect/i.test(message);
}

/** Errors that come from the database layer at all; a network error from S3 is never one. */
function fromDatabase(error: ErrorLike): boolean {
  const name = text(error.name);
  if (name.startsWith('PrismaClient') || name === 'DriverAdapterError') return true;
  // node-postgres' DatabaseError carries the server's severity and SQLSTATE.
  return typeof error.severity === 'string' && /^[0-9A-Z]{5}$/.test(text(error.code));
}

/** Whether `error` (or what it wraps) says the database is unreachable or not accepting work. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object' || !fromDatabase(error)) return false;
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const layer = current as ErrorLike;
    if (unavailable(layer)) return true;
    queue.push(layer.cause, layer.meta?.driverAdapterError);
  }
  return false;
}
