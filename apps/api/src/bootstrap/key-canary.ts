// Proves at start-up that this instance's MASTER_KEYS open the secrets already in the database:
// one sealed canary row, written by the first instance. An instance with other keys refuses to
// start instead of sealing secrets that the other instances cannot open (it never seals over the
// canary); `pnpm admin:rotate-key` re-seals it under the new current key.
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../config/env.js';
import type { Db } from '../db/prisma.js';
import { envelopeKeyId, open, seal, type Keyring } from '../lib/crypto-envelope.js';
import { CONNECTION_SECRET_AAD } from '../modules/connections/s3-client.js';

const CANARY_ID = 'master-keys';
const CANARY_AAD = 's3am:key-canary';

function opens(keyring: Keyring, envelope: string, associatedData: string): boolean {
  try {
    open(keyring, envelope, associatedData);
    return true;
  } catch {
    return false;
  }
}

function wrongKeys(keyring: Keyring, what: string, envelope: string): ConfigError {
  const sealedWith = envelopeKeyId(envelope) ?? '?';
  const ours = [...keyring.byId.keys()].map((id) => `"${id}"`).join(', ');
  const why = keyring.byId.has(sealedWith)
    ? `this instance has a key "${sealedWith}" too, but with other bytes`
    : `this instance has ${ours}`;
  return new ConfigError(
    [
      'MASTER_KEYS cannot open the secrets already in this database.',
      `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} was sealed with master key "${sealedWith}"; ${why}.`,
      'Every instance and worker on one database must run with the same MASTER_KEYS (copy them from',
      'the instances already running; to change keys, put the new one first and keep the old ones,',
      'then run `pnpm admin:rotate-key`). Refusing to start; nothing was changed.',
    ].join('\n'),
  );
}

/**
 * On a database without a canary yet (first start, or one from before the canary): stored
 * connection secrets of which none opens mean these are not the keys they were sealed with.
 */
async function assertOpensStoredSecrets(db: Db, keyring: Keyring): Promise<void> {
  const sealed = await db.s3Connection.findMany({
    where: { secretCiphertext: { not: null } },
    select: { name: true, secretCiphertext: true },
    orderBy: { createdAt: 'asc' },
  });
  const first = sealed[0];
  if (!first?.secretCiphertext) return;
  if (sealed.some((row) => opens(keyring, row.secretCiphertext ?? '', CONNECTION_SECRET_AAD)))
    return;
  throw wrongKeys(keyring, `the secret of connection "${first.name}"`, first.secretCiphertext);
}

/** Refuses (ConfigError) unless this keyring opens the canary; writes it on first start. */
export async function verifyKeyCanary(db: Db, keyring: Keyring): Promise<'verified' | 'created'> {
  let created = false;
  let canary = await db.keyCanary.findUnique({ where: { id: CANARY_ID } });
  if (!canary) {
    await assertOpensStoredSecrets(db, keyring);
    // Two instances starting at once: the first insert wins, the other proves it can open it.
    const value = randomBytes(32).toString('base64url');
    const inserted = await db.keyCanary.createMany({
      data: [{ id: CANARY_ID, ciphertext: seal(keyring, value, CANARY_AAD) }],
      skipDuplicates: true,
    });
    created = inserted.count === 1;
    canary = await db.keyCanary.findUniqueOrThrow({ where: { id: CANARY_ID } });
  }
  if (!opens(keyring, canary.ciphertext, CANARY_AAD))
    throw wrongKeys(keyring, 'the key canary', canary.ciphertext);
  return created ? 'created' : 'verified';
}

/**
 * Key rotation: re-seals the canary under the keyring's current key (creating it when missing).
 * Refuses when no key of the keyring opens it, so a rotation with the wrong keys changes nothing.
 */
export async function resealKeyCanary(db: Db, keyring: Keyring): Promise<void> {
  const canary = await db.keyCanary.findUnique({ where: { id: CANARY_ID } });
  if (!canary) {
    await verifyKeyCanary(db, keyring);
    return resealKeyCanary(db, keyring);
  }
  let value: string;
  try {
    value = open(keyring, canary.ciphertext, CANARY_AAD);
  } catch {
    throw wrongKeys(keyring, 'the key canary', canary.ciphertext);
  }
  if (envelopeKeyId(canary.ciphertext) === keyring.current.id) return;
  // Only the row this call read: a concurrent rotation must not be overwritten unseen.
  await db.keyCanary.updateMany({
    where: { id: CANARY_ID, ciphertext: canary.ciphertext },
    data: { ciphertext: seal(keyring, value, CANARY_AAD) },
  });
}

/** Checks before a rotation: the keys given must open the canary (when there is one). */
export async function assertKeyCanaryOpens(db: Db, keyring: Keyring): Promise<void> {
  const canary = await db.keyCanary.findUnique({ where: { id: CANARY_ID } });
  if (canary && !opens(keyring, canary.ciphertext, CANARY_AAD))
    throw wrongKeys(keyring, 'the key canary', canary.ciphertext);
}
