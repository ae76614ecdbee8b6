// `s3am login|logout|whoami`: sign in with email + password (+ TOTP) or a personal API token,
// kept per profile in the config dir (0600); never a password on disk.
import { randomBytes } from 'node:crypto';
import input from '@inquirer/input';
import password from '@inquirer/password';
import { ApiError, hasCode } from '@s3am/client';
import { REFRESH_COOKIE } from '@s3am/contracts';
import { ServerClock } from '@s3am/uploader';
import { type Command } from 'commander';
import { readCliEnv } from '../cli-env.js';
import { action, examples } from '../command-kit.js';
import { CliError, ExitCode, usageError } from '../exit-codes.js';
import { ProfileStore } from '../profiles.js';
import { plainClient, profileNameOf } from '../session.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

interface LoginOptions {
  email?: string;
  passwordStdin?: boolean;
  totp?: string;
}

export function registerLogin(program: Command): void {
  examples(
    program
      .command('login')
      .description('Sign in and save the server and credentials in a profile')
      .option('--email <email>', 'account email (prompted when missing)')
      .option('--password-stdin', 'read the password from stdin (for scripts)')
      .option('--totp <code>', 'two-factor code (prompted when the account needs one)')
      .action(
        action(async ({ options, out }, opts: LoginOptions) => {
          const env = readCliEnv();
          const store = new ProfileStore(env.configDir);
          const profileName = profileNameOf(options, env);
          const saved = await store.get(profileName);
          const url = (options.url ?? env.url ?? saved?.url)?.replace(/\/+$/, '');
          if (!url) throw usageError('Which server? Pass --url URL (or set S3AM_URL).');
          const token = options.token ?? env.token;
          const { client, lastRefreshCookie } = plainClient(url, new ServerClock(), {
            ...(token ? { auth: { token: () => token } } : {}),
          });
          if (token) {
            const me = await client.me();
            await store.put(profileName, {
              url,
              email: me.email,
              credential: { kind: 'api-token', token },
            });
            out.result({ profile: profileName, url, user: me, credential: 'api-token' });
            out.print(
              `Signed in to ${url} as ${me.email} (${me.role}) with an API token; profile "${profileName}".`,
            );
            return;
          }
          const interactive = Boolean(process.stdin.isTTY) && !opts.passwordStdin;
          const email =
            opts.email ?? (interactive ? await input({ message: 'Email:' }) : undefined);
          if (!email) throw usageError('Pass --email (no terminal to ask on).');
          const secret = opts.passwordStdin
            ? await readStdin()
            : interactive
              ? await password({ message: 'Password:', mask: true })
              : undefined;
          if (!secret) throw usageError('Pass --password-stdin, or run in a terminal to be asked.');
          let totpCode = opts.totp;
          let tokens;
          for (;;) {
            try {
              tokens = await client.login({
                body: { email, password: secret, ...(totpCode ? { totpCode } : {}) },
              });
              break;
            } catch (error) {
              if (hasCode(error, 'TOTP_REQUIRED') && !totpCode && process.stdin.isTTY) {
                totpCode = await input({ message: 'Two-factor code:' });
                continue;
              }
              if (hasCode(error, 'TOTP_REQUIRED'))
                throw new CliError(
                  'This account uses two-factor authentication: pass --totp CODE (or run in a terminal to be asked).',
                  ExitCode.AUTH,
                );
              throw error;
            }
          }
          const refreshToken = lastRefreshCookie();
          if (!refreshToken)
            throw new CliError('The server set no refresh cookie: cannot keep the session.');
          await store.put(profileName, {
            url,
            email: tokens.user.email,
            credential: {
              kind: 'session',
              refreshToken,
              accessToken: tokens.accessToken,
              accessExpiresAt: Date.now() + tokens.expiresIn * 1000,
            },
          });
          out.result({ profile: profileName, url, user: tokens.user, credential: 'session' });
          out.print(
            `Signed in to ${url} as ${tokens.user.email} (${tokens.user.role}); profile "${profileName}".`,
          );
          if (tokens.user.mustChangePassword)
            out.note('Your password must be changed: sign in to the web app to set a new one.');
        }),
      ),
    [
      's3am login --url https://s3am.example.com',
      'S3AM_TOKEN=s3am_… s3am login --url https://s3am.example.com',
      'printf %s "$PW" | s3am login --url URL --email me@example.com --password-stdin',
      's3am --profile staging login --url https://staging.example.com',
    ],
  );

  examples(
    program
      .command('logout')
      .description("End the profile's session and forget its credentials (the URL stays)")
      .action(
        action(async ({ options, out }) => {
          const env = readCliEnv();
          const store = new ProfileStore(env.configDir);
          const profileName = profileNameOf(options, env);
          const profile = await store.get(profileName);
          if (!profile?.credential) {
            out.result({ profile: profileName, signedOut: false });
            out.print(`Profile "${profileName}" was not signed in.`);
            return;
          }
          if (profile.credential.kind === 'session') {
            const { client } = plainClient(profile.url, new ServerClock());
            await client
              .logout({
                headers: {
                  cookie: `${REFRESH_COOKIE}=${profile.credential.refreshToken}`,
                  'idempotency-key': randomBytes(24).toString('base64url'),
                },
              })
              .catch((error: unknown) => {
                // The server may be gone or the session over already: forget it locally anyway.
                if (!(error instanceof ApiError))
                  out.note(`Could not reach ${profile.url}; signed out locally.`);
              });
          }
          await store.put(profileName, {
            url: profile.url,
            ...(profile.email ? { email: profile.email } : {}),
          });
          out.result({ profile: profileName, signedOut: true });
          out.print(`Signed out of profile "${profileName}".`);
        }),
      ),
    ['s3am logout', 's3am --profile staging logout'],
  );

  examples(
    program
      .command('whoami')
      .description('Who the current credentials sign in as, on which server')
      .action(
        action(async (ctx) => {
          const session = await ctx.session();
          const me = await session.client.me();
          ctx.out.result({ profile: session.profileName, url: session.url, user: me });
          ctx.out.print(
            `${me.email} (${me.role}) on ${session.url} — profile "${session.profileName}"`,
          );
          return ExitCode.OK;
        }),
      ),
    ['s3am whoami', 's3am whoami --json'],
  );
}
