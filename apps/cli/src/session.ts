// Turns the global options (--url, --profile, --token) and the saved profile into an API client:
// a personal API token is sent as is; a session's access token is refreshed from its refresh
// token when it runs out, and the rotated refresh token is saved again.
import { randomBytes } from 'node:crypto';
import { createApiClient, type ApiClient, type RouteSpec } from '@s3am/client';
import { REFRESH_COOKIE } from '@s3am/contracts';
import { ServerClock } from '@s3am/uploader';
import { readCliEnv, type CliEnv } from './cli-env.js';
import { CliError, ExitCode } from './exit-codes.js';
import { DEFAULT_PROFILE, ProfileStore, type Profile } from './profiles.js';
import { CLI_VERSION } from './version.js';

export interface GlobalOptions {
  url?: string;
  profile?: string;
  token?: string;
  json?: boolean;
  color?: boolean;
}

export interface Session {
  client: ApiClient;
  url: string;
  profileName: string;
  profile: Profile | undefined;
  store: ProfileStore;
  env: CliEnv;
  /** The API's clock (from answers' Date headers): presigned URL expiry is judged by it. */
  clock: ServerClock;
}

/** The refresh token a login or refresh answer set, read from its Set-Cookie headers. */
export function refreshCookieOf(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, ...value] = (pair ?? '').split('=');
    if (name?.trim() === REFRESH_COOKIE) return value.join('=').trim() || undefined;
  }
  return undefined;
}

export function profileNameOf(options: GlobalOptions, env: CliEnv = readCliEnv()): string {
  return options.profile ?? env.profile ?? DEFAULT_PROFILE;
}

/** A client for `url` that feeds the server clock and captures rotated refresh cookies. */
export function plainClient(
  url: string,
  clock: ServerClock,
  extra: Partial<Parameters<typeof createApiClient>[0]> = {},
): { client: ApiClient; lastRefreshCookie: () => string | undefined } {
  let cookie: string | undefined;
  const timedFetch: typeof fetch = async (input, init) => {
    const sentAt = Date.now();
    const response = await fetch(input, init);
    clock.observe(response.headers.get('date'), sentAt, Date.now());
    return response;
  };
  const client = createApiClient({
    baseUrl: url,
    fetch: timedFetch,
    headers: { 'user-agent': `s3am-cli/${CLI_VERSION}` },
    onResponse: (response: Response, spec: RouteSpec) => {
      if (spec.path.startsWith('/api/auth/')) cookie = refreshCookieOf(response) ?? cookie;
    },
    ...extra,
  });
  return { client, lastRefreshCookie: () => cookie };
}

export async function openSession(options: GlobalOptions): Promise<Session> {
  const env = readCliEnv();
  const store = new ProfileStore(env.configDir);
  const profileName = profileNameOf(options, env);
  const profile = await store.get(profileName);
  const url = (options.url ?? env.url ?? profile?.url)?.replace(/\/+$/, '');
  if (!url)
    throw new CliError(
      `No server for profile "${profileName}": run \`s3am login --url URL\` or set S3AM_URL.`,
      ExitCode.AUTH,
    );
  const clock = new ServerClock();
  const explicitToken = options.token ?? env.token;
  // A profile's credential only for its own server: --url elsewhere must not leak it.
  const credential = profile && profile.url === url ? profile.credential : undefined;
  let current = profile;

  const refreshSession = async (): Promise<void> => {
    if (!current || current.credential?.kind !== 'session') throw new Error('no session');
    const { client: bare, lastRefreshCookie } = plainClient(url, clock);
    const tokens = await bare.refresh({
      headers: {
        cookie: `${REFRESH_COOKIE}=${current.credential.refreshToken}`,
        'idempotency-key': randomBytes(24).toString('base64url'),
      },
    });
    const rotated = lastRefreshCookie();
    current = {
      ...current,
      credential: {
        kind: 'session',
        refreshToken: rotated ?? current.credential.refreshToken,
        accessToken: tokens.accessToken,
        accessExpiresAt: Date.now() + tokens.expiresIn * 1000,
      },
    };
    await store.put(profileName, current);
  };

  const { client } = plainClient(url, clock, {
    auth: explicitToken
      ? { token: () => explicitToken }
      : credential?.kind === 'api-token'
        ? { token: () => credential.token }
        : credential?.kind === 'session'
          ? {
              token: () => {
                const live = current?.credential;
                if (live?.kind !== 'session' || !live.accessToken) return null;
                // A token about to expire is not worth sending: the 401 would only cost a round trip.
                return (live.accessExpiresAt ?? 0) > Date.now() + 10_000 ? live.accessToken : null;
              },
              refresh: refreshSession,
            }
          : undefined,
  });
  return { client, url, profileName, profile, store, env, clock };
}
