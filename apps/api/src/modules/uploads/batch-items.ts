// What the batch calls share: each item settles on its own (an expected refusal becomes its
// error), grants and connections are read once per batch, and S3 calls run a few at once.
import { type ErrorCode } from '@s3am/contracts';
import type { S3Connection } from '../../db/prisma.js';
import { AppError } from '../../lib/app-error.js';
import { keyProblems, prefixCovers } from '../../lib/key-rules.js';
import { findConnection } from '../connections/connections.service.js';
import {
  authorize,
  effectivePermissions,
  type Caller,
  type ObjectRequest,
} from '../grants/permissions.service.js';
import type { UploadsDeps } from './upload-access.js';

/** S3 calls and queries of one batch in flight at once. */
export const BATCH_CALLS_IN_FLIGHT = 16;

export interface ItemError {
  status: number;
  code: ErrorCode;
  detail?: string;
}

export type Settled<R> = R | { error: ItemError };

/** An expected refusal (grant, limit, key taken…) becomes the item's error; bugs still throw. */
function itemError(error: unknown): ItemError {
  if (!(error instanceof AppError)) throw error;
  return { status: error.statusCode, code: error.code, detail: error.detail };
}

export const failed = (value: unknown): value is { error: ItemError } =>
  typeof value === 'object' && value !== null && 'error' in value;

/** Runs `work` over `items`, `limit` at once, in order; each item succeeds or fails alone. */
export async function settleEach<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<Settled<R>[]> {
  const results = new Array<Settled<R>>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        results[index] = { error: itemError(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The caller's grants, read once for the batch. A request they allow passes at once; anything
 * else goes to authorize(), the one place that refuses (with the exact error) and audits it.
 */
export async function grantCheck(deps: UploadsDeps, caller: Caller, now: Date) {
  const permissions =
    caller.role === 'admin' ? null : await effectivePermissions(deps.db, caller.userId, now);
  return async (request: ObjectRequest): Promise<void> => {
    const allowed =
      keyProblems(request.key).length === 0 &&
      (permissions === null ||
        permissions.entries.some(
          (entry) =>
            entry.connectionId === request.connectionId &&
            entry.bucket === request.bucket &&
            entry.actions.includes(request.action) &&
            prefixCovers(entry.prefix, request.key),
        ));
    if (!allowed) await authorize(deps.db, caller, request, now);
  };
}

/** Each connection read once per batch. */
export function connectionsOf(deps: UploadsDeps) {
  const found = new Map<string, Promise<S3Connection>>();
  return (id: string): Promise<S3Connection> => {
    let connection = found.get(id);
    if (!connection) {
      connection = findConnection(deps.db, id);
      connection.catch(() => undefined); // awaited (and reported) by every item that needs it
      found.set(id, connection);
    }
    return connection;
  };
}

/**
 * One shared call per group of items (e.g. one listing per bucket), started once and awaited by
 * each item of the group; a failure is each item's error, never an unhandled rejection.
 */
export function oncePerGroup<T>() {
  const started = new Map<string, Promise<T>>();
  return (group: string, start: () => Promise<T>): Promise<T> => {
    let shared = started.get(group);
    if (!shared) {
      shared = start();
      shared.catch(() => undefined);
      started.set(group, shared);
    }
    return shared;
  };
}
