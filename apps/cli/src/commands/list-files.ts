// `s3am list-files --days 7 [--user EMAIL]` (admins): files uploaded in the last N days, newest
// first; every page is fetched, so scripts get the whole list (NDJSON lines with --json).
import { type Command } from 'commander';
import { findUser } from '../admin-lookup.js';
import { action, examples, positiveInt } from '../command-kit.js';
import { formatBytes } from '../sizes.js';

export function registerListFiles(program: Command): void {
  examples(
    program
      .command('list-files')
      .description('Files uploaded in the last N days, newest first (admins)')
      .option('--days <n>', 'how many days back', positiveInt('--days'), 7)
      .option('--user <email-or-id>', 'only files this person uploaded')
      .action(
        action(async (ctx, opts: { days: number; user?: string }) => {
          const { client } = await ctx.session();
          const userId = opts.user ? (await findUser(client, opts.user)).id : undefined;
          const { out } = ctx;
          let cursor: string | undefined;
          let count = 0;
          let bytes = 0;
          do {
            const page = await client.uploadedFiles({
              query: {
                days: opts.days,
                limit: 1000,
                ...(userId ? { userId } : {}),
                ...(cursor ? { cursor } : {}),
              },
            });
            for (const file of page.items) {
              count++;
              bytes += file.size;
              if (out.json) out.line(file);
            }
            // Tables align per page: a page is up to 1,000 rows, enough for a terminal.
            out.table(
              page.items.map((file) => ({
                uploaded: file.completedAt,
                user: file.email,
                size: formatBytes(file.size),
                location: `${file.connectionName}:${file.bucket}/${file.key}`,
              })),
              ['uploaded', 'user', 'size', 'location'],
            );
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          out.print(`${count} file${count === 1 ? '' : 's'}, ${formatBytes(bytes)}`);
        }),
      ),
    [
      's3am list-files',
      's3am list-files --days 1 --user alice@example.com',
      's3am list-files --days 30 --json | jq -r .key',
    ],
  );
}
