// AES-256-GCM envelopes for secrets at rest. The key id travels with each ciphertext so master
// keys can rotate: decrypt with whichever key wrote it, encrypt with the current one.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface MasterKey {
  id: string;
  key: Buffer; // 32 bytes
}

export interface Keyring {
  current: MasterKey;
  byId: ReadonlyMap<string, MasterKey>;
}

const VERSION = 'v1';

/** Parses `id:base64key[,id:base64key...]`; the first key is the one new secrets are written with. */
export function parseKeyring(spec: string): Keyring {
  const keys = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, encoded] = part.split(':');
      const key = Buffer.from(encoded ?? '', 'base64');
      if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
        throw new Error('Each master key must be "<id>:<32 bytes, base64>"');
      }
      return { id, key };
    });
  const current = keys[0];
  if (!current) throw new Error('At least one master key is required');
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

export function newMasterKeySpec(id = 'k1'): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function seal(keyring: Keyring, plaintext: string, associatedData = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    VERSION,
    keyring.current.id,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    body.toString('base64url'),
  ].join('.');
}

/** Throws when the envelope was tampered with, names an unknown key, or has another AAD. */
export function open(keyring: Keyring, envelope: string, associatedData = ''): string {
  const [version, keyId, iv, tag, body] = envelope.split('.');
  if (version !== VERSION || !keyId || !iv || !tag || body === undefined)
    throw new Error('Malformed secret envelope');
  const masterKey = keyring.byId.get(keyId);
  if (!masterKey) throw new Error(`Secret was sealed with unknown master key "${keyId}"`);
  const decipher = createDecipheriv('aes-256-gcm', masterKey.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(associatedData));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

export function envelopeKeyId(envelope: string): string | undefined {
  return envelope.split('.')[1];
}
