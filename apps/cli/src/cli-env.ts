// The CLI's only reader of process.env: server, token, profile, config dir, colour wishes.
import os from 'node:os';
import path from 'node:path';

export interface CliEnv {
  url: string | undefined;
  token: string | undefined;
  profile: string | undefined;
  /** Where profiles and upload state live (0700 directory, 0600 files). */
  configDir: string;
  /** NO_COLOR set to anything non-empty (https://no-color.org). */
  noColor: boolean;
}

function configHome(env: NodeJS.ProcessEnv): string {
  if (env.S3AM_CONFIG_DIR) return env.S3AM_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 's3am');
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 's3am');
}

export function readCliEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  return {
    url: env.S3AM_URL || undefined,
    token: env.S3AM_TOKEN || undefined,
    profile: env.S3AM_PROFILE || undefined,
    configDir: configHome(env),
    noColor: Boolean(env.NO_COLOR),
  };
}
