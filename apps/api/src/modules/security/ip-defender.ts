// The blocks and allow-lists every request is checked against, held in memory so the check costs
// no query; reloaded when the security bus says they changed on any instance.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma.js';
import { coalesced } from '../../lib/coalesced.js';
import { inAnyRange, inRange, parseAddress, parseRange, type IpRange } from './ip-ranges.js';

interface CachedBlock {
  id: string;
  range: IpRange;
  expiresAt: Date | null;
}

/** Retry-After for a block without expiry: a day (clients should not hammer it). */
const PERMANENT_RETRY_AFTER_SECONDS = 86_400;

export type Refusal =
  { code: 'IP_BLOCKED'; retryAfterSeconds: number } | { code: 'IP_NOT_ALLOWED' };

export interface IpDefender {
  /** Why this address is refused before anything else runs, or null. */
  refusal(ip: string, now: Date): Refusal | null;
  /** Whether a user with a personal allow-list may act from this address. */
  userMayUse(userId: string, ip: string): boolean;
  isBlocked(ip: string, now: Date): boolean;
  /** Applies a block this instance just wrote, before the bus round trip comes back. */
  addLocal(block: { id: string; cidr: string; expiresAt: Date | null }): void;
  reload(): Promise<void>;
}

function rangesOf(rows: { cidr: string }[]): IpRange[] {
  return rows.flatMap((row) => {
    const range = parseRange(row.cidr);
    return range ? [range] : [];
  });
}

export function createIpDefender(deps: {
  db: Db;
  clock: () => Date;
  log: FastifyBaseLogger;
}): IpDefender {
  let blocks: CachedBlock[] = [];
  let globalAllow: IpRange[] = [];
  let userAllow = new Map<string, IpRange[]>();

  const blockFor = (ip: string, now: Date): CachedBlock | undefined => {
    const address = parseAddress(ip);
    if (!address) return undefined;
    return blocks.find(
      (block) =>
        (block.expiresAt === null || block.expiresAt > now) && inRange(address, block.range),
    );
  };

  const load = async () => {
    const [blockRows, allowRows] = await Promise.all([
      deps.db.ipBlock.findMany({
        where: { OR: [{ expiresAt: null }, { expiresAt: { gt: deps.clock() } }] },
      }),
      deps.db.ipAllowEntry.findMany(),
    ]);
    blocks = blockRows.flatMap((row) => {
      const range = parseRange(row.cidr);
      return range ? [{ id: row.id, range, expiresAt: row.expiresAt }] : [];
    });
    globalAllow = rangesOf(allowRows.filter((row) => row.userId === null));
    const perUser = new Map<string, IpRange[]>();
    for (const row of allowRows) {
      if (!row.userId) continue;
      perUser.set(row.userId, [...(perUser.get(row.userId) ?? []), ...rangesOf([row])]);
    }
    userAllow = perUser;
  };

  // Bursts of change messages: one load at a time, one more if asked meanwhile.
  const reload = coalesced(() =>
    load().catch((error: unknown) => {
      deps.log.error({ err: error }, 'cannot load IP blocks and allow-lists');
    }),
  );

  return {
    refusal(ip, now) {
      const block = blockFor(ip, now);
      if (block)
        return {
          code: 'IP_BLOCKED',
          retryAfterSeconds: block.expiresAt
            ? Math.max(1, Math.ceil((block.expiresAt.getTime() - now.getTime()) / 1000))
            : PERMANENT_RETRY_AFTER_SECONDS,
        };
      if (globalAllow.length > 0) {
        const address = parseAddress(ip);
        if (!address || !inAnyRange(address, globalAllow)) return { code: 'IP_NOT_ALLOWED' };
      }
      return null;
    },
    userMayUse(userId, ip) {
      const ranges = userAllow.get(userId);
      if (!ranges || ranges.length === 0) return true;
      const address = parseAddress(ip);
      return address !== null && inAnyRange(address, ranges);
    },
    isBlocked: (ip, now) => blockFor(ip, now) !== undefined,
    addLocal(block) {
      const range = parseRange(block.cidr);
      if (range && !blocks.some((known) => known.id === block.id))
        blocks = [...blocks, { id: block.id, range, expiresAt: block.expiresAt }];
    },
    reload,
  };
}
