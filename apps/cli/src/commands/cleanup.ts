// `s3am cleanup --days 90 conn:bucket/prefix [--dry-run]`: objects older than N days under a
// granted prefix, and my multipart uploads left unfinished for as long (their parts cost money).
import { type Command } from 'commander';
import { action, examples, positiveInt } from '../command-kit.js';
import { deleteKeys } from '../deletion.js';
import { ExitCode } from '../exit-codes.js';
import { folderPrefix, walk } from '../listing.js';
import { formatLocation, resolveLocation } from '../locations.js';
import { formatBytes } from '../sizes.js';

export function registerCleanup(program: Command): void {
  examples(
    program
      .command('cleanup')
      .description(
        'Delete objects older than N days under a prefix, and abort stale unfinished uploads',
      )
      .argument('<location>', 'conn:bucket/prefix (within your grants)')
      .requiredOption('--days <n>', 'age in days', positiveInt('--days'))
      .option('--dry-run', 'list what would go and delete nothing')
      .action(
        action(async (ctx, target: string, opts: { days: number; dryRun?: boolean }) => {
          const { client } = await ctx.session();
          const { out } = ctx;
          const location = await resolveLocation(client, target);
          const prefix = folderPrefix(location.path);
          const cutoff = Date.now() - opts.days * 86_400_000;
          const old: { key: string; size: number; lastModified: string }[] = [];
          for await (const entry of walk(client, location, prefix, true)) {
            if (entry.kind !== 'object' || !entry.object.lastModified) continue;
            if (Date.parse(entry.object.lastModified) < cutoff)
              old.push({
                key: entry.object.key,
                size: entry.object.size,
                lastModified: entry.object.lastModified,
              });
          }
          const stale = [];
          for (let cursor: string | undefined; ;) {
            const page = await client.listUploads({
              query: { state: 'in_progress', limit: 200, ...(cursor ? { cursor } : {}) },
            });
            stale.push(
              ...page.items.filter(
                (upload) =>
                  upload.connectionId === location.connectionId &&
                  upload.bucket === location.bucket &&
                  upload.key.startsWith(prefix) &&
                  Date.parse(upload.updatedAt) < cutoff,
              ),
            );
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          const bytes = old.reduce((sum, object) => sum + object.size, 0);
          if (opts.dryRun) {
            out.result({
              dryRun: true,
              cutoff: new Date(cutoff).toISOString(),
              objects: old,
              staleUploads: stale,
            });
            for (const object of old)
              out.print(
                `would delete ${formatLocation(location, object.key)} (${object.lastModified})`,
              );
            for (const upload of stale)
              out.print(`would abort unfinished upload ${upload.id} of ${upload.key}`);
            out.print(
              `${old.length} object(s), ${formatBytes(bytes)}, and ${stale.length} unfinished upload(s) (dry run: nothing deleted).`,
            );
            return ExitCode.OK;
          }
          const report =
            old.length > 0
              ? await deleteKeys(
                  client,
                  location,
                  old.map((o) => o.key),
                )
              : { deleted: [], errors: [] };
          const aborted: string[] = [];
          for (const upload of stale) {
            await client.abortUpload({ params: { id: upload.id } });
            aborted.push(upload.id);
          }
          out.result({ dryRun: false, ...report, abortedUploads: aborted });
          out.print(
            `deleted ${report.deleted.length} object(s), aborted ${aborted.length} unfinished upload(s).`,
          );
          for (const error of report.errors) out.note(`failed ${error.key}: ${error.message}`);
          return report.errors.length > 0 ? ExitCode.PARTIAL : ExitCode.OK;
        }),
      ),
    [
      's3am cleanup "Local storage:uploads/tmp/" --days 90 --dry-run',
      's3am cleanup prod:logs/app/ --days 30 --json',
    ],
  );
}
