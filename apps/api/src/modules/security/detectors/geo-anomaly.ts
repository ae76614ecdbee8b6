// A sign-in from a country never seen before for that account (compared with the addresses of its
// earlier successful sign-ins in the audit log). The first sign-in sets the baseline.
import type { Db } from '../../../db/prisma.js';
import type { ObservedEvent } from '../security-events.repo.js';
import type { CountryLookup } from './country-lookup.js';

const HISTORY_ADDRESSES = 500;

export interface NewCountry {
  country: string;
  known: string[];
}

export async function newCountrySignIn(
  db: Db,
  lookup: CountryLookup,
  event: ObservedEvent,
): Promise<NewCountry | null> {
  if (!event.userId || !event.ip) return null;
  const country = lookup.country(event.ip);
  if (!country) return null;
  const earlier = await db.auditEvent.findMany({
    where: {
      action: 'auth.login',
      outcome: 'success',
      actorId: event.userId,
      ip: { not: null },
      ...(event.auditSeq ? { seq: { lt: event.auditSeq } } : { at: { lt: event.at } }),
    },
    distinct: ['ip'],
    select: { ip: true },
    orderBy: { ip: 'asc' },
    take: HISTORY_ADDRESSES,
  });
  const known = new Set<string>();
  for (const row of earlier) {
    const seen = row.ip ? lookup.country(row.ip) : null;
    if (seen) known.add(seen);
  }
  if (known.size === 0 || known.has(country)) return null;
  return { country, known: [...known].sort() };
}
