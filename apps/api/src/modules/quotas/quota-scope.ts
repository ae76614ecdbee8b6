// What a quota counts: the prefixes its subject may write to (a user's own grants, or a group's
// grants), and the measured usage under them. Read grants are left out: a person with read access
// to a large archive must not find their quota spent by files they cannot add to.
import type { Db } from '../../db/prisma.js';
import { prefixCovers } from '../../lib/key-rules.js';

export interface Location {
  connectionId: string;
  bucket: string;
  prefix: string;
}

export interface QuotaScope {
  subject: 'user' | 'group';
  subjectId: string;
  /** "you" for my own quota, the group's name for a group's. */
  name: string;
  maxBytes: number | null;
  maxObjects: number | null;
  /** Granted prefixes, none inside another (nested grants would count the same bytes twice). */
  prefixes: Location[];
}

export interface Usage {
  bytes: number;
  objects: number;
  /** The oldest measurement the sum rests on; null when a prefix was never measured. */
  measuredAt: Date | null;
}

const sameBucket = (a: Location, b: { connectionId: string; bucket: string }) =>
  a.connectionId === b.connectionId && a.bucket === b.bucket;

/** Drops duplicates and prefixes inside another prefix of the same bucket. */
export function outermost(locations: readonly Location[]): Location[] {
  const unique = [
    ...new Map(
      locations.map((l) => [`${l.connectionId}\u0000${l.bucket}\u0000${l.prefix}`, l]),
    ).values(),
  ];
  return unique.filter(
    (inner) =>
      !unique.some(
        (outer) =>
          outer !== inner &&
          sameBucket(outer, inner) &&
          outer.prefix !== inner.prefix &&
          prefixCovers(outer.prefix, inner.prefix),
      ),
  );
}

/** Whether the scope counts an object at this key. */
export function scopeCovers(
  scope: Pick<QuotaScope, 'prefixes'>,
  object: { connectionId: string; bucket: string; key: string },
): boolean {
  return scope.prefixes.some(
    (location) => sameBucket(location, object) && prefixCovers(location.prefix, object.key),
  );
}

const writeGrantWhere = (now: Date) => ({
  actions: { has: 'write' },
  OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
});

type GrantRow = { userId: string | null; groupId: string | null } & Location;

function prefixesOf(grants: readonly GrantRow[], subject: 'user' | 'group', id: string) {
  return outermost(
    grants
      .filter((grant) => (subject === 'user' ? grant.userId : grant.groupId) === id)
      .map(({ connectionId, bucket, prefix }) => ({ connectionId, bucket, prefix })),
  );
}

const limit = (value: bigint | null) => (value === null ? null : Number(value));

/** Every quota that applies to a user: their own and their groups'. */
export async function quotaScopesFor(db: Db, userId: string, now: Date): Promise<QuotaScope[]> {
  const quotas = await db.quota.findMany({
    where: { OR: [{ userId }, { group: { members: { some: { userId } } } }] },
    include: { group: { select: { name: true } } },
  });
  if (quotas.length === 0) return [];
  const groupIds = quotas.flatMap((quota) => (quota.groupId ? [quota.groupId] : []));
  const grants = await db.grant.findMany({
    where: { ...writeGrantWhere(now), AND: [{ OR: [{ userId }, { groupId: { in: groupIds } }] }] },
    select: { userId: true, groupId: true, connectionId: true, bucket: true, prefix: true },
  });
  return quotas.map((quota) => {
    const subject = quota.userId ? ('user' as const) : ('group' as const);
    const subjectId = quota.userId ?? quota.groupId!;
    return {
      subject,
      subjectId,
      name: subject === 'user' ? 'you' : (quota.group?.name ?? ''),
      maxBytes: limit(quota.maxBytes),
      maxObjects: limit(quota.maxObjects),
      prefixes: prefixesOf(grants, subject, subjectId),
    };
  });
}

/** The write-granted prefixes of every user and group (for usage reports and the measuring job). */
export async function allGrantedPrefixes(db: Db, now: Date) {
  const grants = await db.grant.findMany({
    where: writeGrantWhere(now),
    select: { userId: true, groupId: true, connectionId: true, bucket: true, prefix: true },
  });
  return {
    ofUser: (id: string) => prefixesOf(grants, 'user', id),
    ofGroup: (id: string) => prefixesOf(grants, 'group', id),
  };
}

export type UsageTable = (locations: readonly Location[]) => Usage;

/** Reads the measured usage of these locations once; sums them for any subset. */
export async function usageTable(db: Db, locations: readonly Location[]): Promise<UsageTable> {
  const rows =
    locations.length === 0
      ? []
      : await db.prefixUsage.findMany({
          where: {
            OR: locations.map(({ connectionId, bucket, prefix }) => ({
              connectionId,
              bucket,
              prefix,
            })),
          },
        });
  const byLocation = new Map(
    rows.map((row) => [`${row.connectionId}\u0000${row.bucket}\u0000${row.prefix}`, row]),
  );
  return (wanted) => {
    let bytes = 0;
    let objects = 0;
    let measuredAt: Date | null = wanted.length === 0 ? null : new Date(8.64e15);
    for (const location of wanted) {
      const row = byLocation.get(
        `${location.connectionId}\u0000${location.bucket}\u0000${location.prefix}`,
      );
      bytes += Number(row?.bytes ?? 0);
      objects += Number(row?.objects ?? 0);
      const at = row?.measuredAt ?? null;
      measuredAt = at === null || measuredAt === null ? null : at < measuredAt ? at : measuredAt;
    }
    return { bytes, objects, measuredAt };
  };
}
