// Secrets the embedded default needs but nobody configured: generated once into
// DATA_DIR/secrets.json (mode 0600) and reused on every later start.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { newMasterKeySpec } from '../lib/crypto-envelope.js';

const LocalSecrets = z.object({
  jwtSecret: z.string().min(32),
  masterKeys: z.string(),
  postgresPassword: z.string().min(16),
});
export type LocalSecrets = z.infer<typeof LocalSecrets>;

export async function loadOrCreateLocalSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, 'secrets.json');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined) return LocalSecrets.parse(JSON.parse(existing));
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    masterKeys: newMasterKeySpec('local1'),
    postgresPassword: randomBytes(24).toString('base64url'),
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}

/** Puts a new master key first in DATA_DIR/secrets.json (the old ones stay, to open old secrets). */
export async function addLocalMasterKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'secrets.json');
  const secrets = LocalSecrets.parse(JSON.parse(await readFile(file, 'utf8')));
  const ids = new Set(secrets.masterKeys.split(',').map((spec) => spec.split(':')[0]));
  let n = ids.size + 1;
  while (ids.has(`local${n}`)) n += 1;
  const next = { ...secrets, masterKeys: `${newMasterKeySpec(`local${n}`)},${secrets.masterKeys}` };
  await writeFile(file, JSON.stringify(next, null, 2), { mode: 0o600 });
  return next.masterKeys;
}
