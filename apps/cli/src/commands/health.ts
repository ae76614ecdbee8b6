// `s3am health`: liveness and readiness of the server (no sign-in needed); exit 1 when not ready.
import { type Command } from 'commander';
import { readCliEnv } from '../cli-env.js';
import { action, examples } from '../command-kit.js';
import { ExitCode, usageError } from '../exit-codes.js';
import { ProfileStore } from '../profiles.js';
import { plainClient, profileNameOf } from '../session.js';
import { ServerClock } from '@s3am/uploader';

export function registerHealth(program: Command): void {
  examples(
    program
      .command('health')
      .description('Is the server up and ready (database, migrations)?')
      .action(
        action(async ({ options, out }) => {
          const env = readCliEnv();
          const profile = await new ProfileStore(env.configDir).get(profileNameOf(options, env));
          const url = options.url ?? env.url ?? profile?.url;
          if (!url) throw usageError('Which server? Pass --url URL (or set S3AM_URL).');
          const { client } = plainClient(url.replace(/\/+$/, ''), new ServerClock(), {
            retry: { retries: 0 },
          });
          const health = await client.health();
          const ready = await client.ready();
          out.result({ url, health, ready });
          out.print(`${url}: ${health.status}, ${ready.status}`);
          for (const [name, check] of Object.entries(ready.checks))
            out.print(`  ${check.ok ? out.paint.green('ok  ') : out.paint.red('FAIL')} ${name}`);
          return ready.status === 'ready' ? ExitCode.OK : ExitCode.ERROR;
        }),
      ),
    ['s3am health --url https://s3am.example.com', 's3am health --json'],
  );
}
