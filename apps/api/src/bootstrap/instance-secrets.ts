// The secrets an instance signs tokens and seals S3/TOTP secrets with. Generated ones
// (DATA_DIR/secrets.json) belong to one machine, so they are the default only with the embedded
// PostgreSQL; with DATABASE_URL every instance must be given the same JWT_SECRET and MASTER_KEYS.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type AppConfig } from '../config/env.js';
import { loadOrCreateLocalSecrets } from './local-secrets.js';

export interface InstanceSecrets {
  jwtSecret: string;
  masterKeys: string;
  /** The embedded PostgreSQL's password (embedded default only). */
  postgresPassword?: string;
}

export const GENERATE_JWT_SECRET =
  "node -e \"console.log(require('crypto').randomBytes(48).toString('base64url'))\"";
export const GENERATE_MASTER_KEYS =
  "node -e \"console.log('k1:'+require('crypto').randomBytes(32).toString('base64'))\"";

type SecretsConfig = Pick<AppConfig, 'DATABASE_URL' | 'JWT_SECRET' | 'MASTER_KEYS' | 'DATA_DIR'>;

/** The start-up error for an external database without both secrets (names both, and how). */
export async function missingSharedSecrets(config: SecretsConfig): Promise<ConfigError> {
  const state = (value: string | undefined) => (value ? 'set' : 'missing');
  const lines = [
    'With DATABASE_URL (a PostgreSQL shared by any number of instances) JWT_SECRET and MASTER_KEYS',
    'must be set, to the same values on every instance and worker that uses this database:',
    `  JWT_SECRET (${state(config.JWT_SECRET)}): at least 32 characters; generate one with`,
    `    ${GENERATE_JWT_SECRET}`,
    `  MASTER_KEYS (${state(config.MASTER_KEYS)}): "id:base64(32 bytes)"; generate one with`,
    `    ${GENERATE_MASTER_KEYS}`,
    'Generated secrets are only the default with the embedded PostgreSQL (no DATABASE_URL).',
    'Joining a database that an instance with generated secrets started? Use the "jwtSecret" and',
    `"masterKeys" values of that instance's DATA_DIR/secrets.json: the database holds secrets sealed with them.`,
  ];
  const generated = path.join(config.DATA_DIR, 'secrets.json');
  if (
    await access(generated).then(
      () => true,
      () => false,
    )
  )
    lines.push(`This instance's own generated secrets are in ${generated}.`);
  return new ConfigError(lines.join('\n'));
}

export async function resolveInstanceSecrets(config: SecretsConfig): Promise<InstanceSecrets> {
  if (config.DATABASE_URL) {
    if (!config.JWT_SECRET || !config.MASTER_KEYS) throw await missingSharedSecrets(config);
    return { jwtSecret: config.JWT_SECRET, masterKeys: config.MASTER_KEYS };
  }
  const local = await loadOrCreateLocalSecrets(config.DATA_DIR);
  return {
    jwtSecret: config.JWT_SECRET ?? local.jwtSecret,
    masterKeys: config.MASTER_KEYS ?? local.masterKeys,
    postgresPassword: local.postgresPassword,
  };
}
