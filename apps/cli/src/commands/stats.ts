// `s3am stats --days 30` (admins): uploads, bytes, people and failures of the last N days.
import { type Command } from 'commander';
import { action, examples, positiveInt } from '../command-kit.js';
import { formatBytes } from '../sizes.js';

export function registerStats(program: Command): void {
  examples(
    program
      .command('stats')
      .description('Upload activity of the last N days: uploads, bytes, people, failures (admins)')
      .option('--days <n>', 'how many days back', positiveInt('--days'), 30)
      .action(
        action(async (ctx, opts: { days: number }) => {
          const { client } = await ctx.session();
          const stats = await client.uploadStats({ query: { days: opts.days } });
          const { out } = ctx;
          out.result(stats);
          const { uploads } = stats;
          out.print(`${out.paint.bold(`Last ${stats.days} days`)} (${stats.from} → ${stats.to})`);
          out.print(
            `  uploads   ${uploads.completed} completed, ${uploads.failed} failed, ${uploads.aborted} aborted, ${uploads.inProgress} in progress`,
          );
          out.print(`  bytes     ${formatBytes(stats.bytes)} (${stats.bytes})`);
          out.print(
            `  people    ${stats.users.uploading} uploaded, ${stats.users.active} active, ${stats.users.total} accounts`,
          );
          if (stats.topUsers.length > 0) {
            out.print('');
            out.table(
              stats.topUsers.map((user) => ({ ...user, bytes: formatBytes(user.bytes) })),
              ['email', 'completed', 'bytes'],
            );
          }
          if (stats.recentFailures.length > 0) {
            out.print('');
            out.print(out.paint.bold('Recent failures'));
            for (const failure of stats.recentFailures)
              out.print(
                `  ${failure.at}  ${out.paint.red(failure.state.padEnd(7))}  ${failure.email}  ${failure.bucket}/${failure.key}${failure.error ? `  ${out.paint.dim(failure.error)}` : ''}`,
              );
          }
        }),
      ),
    ['s3am stats', 's3am stats --days 7 --json | jq .bytes'],
  );
}
