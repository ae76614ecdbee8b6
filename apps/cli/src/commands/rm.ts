// `s3am rm conn:bucket/key` and `s3am rm --recursive conn:bucket/prefix/` (with --dry-run);
// `s3am delete-file conn:bucket/key` (the original scripts' name for one object).
import { type Command } from 'commander';
import { action, examples, type CommandContext } from '../command-kit.js';
import { deleteKeys } from '../deletion.js';
import { ExitCode, usageError } from '../exit-codes.js';
import { folderPrefix, walk } from '../listing.js';
import { formatLocation, resolveLocation } from '../locations.js';

async function remove(
  ctx: CommandContext,
  target: string,
  opts: { recursive?: boolean; dryRun?: boolean },
): Promise<ExitCode> {
  const { client } = await ctx.session();
  const { out } = ctx;
  const location = await resolveLocation(client, target);
  let keys: string[];
  if (opts.recursive) {
    keys = [];
    for await (const entry of walk(client, location, folderPrefix(location.path), true))
      if (entry.kind === 'object') keys.push(entry.object.key);
  } else {
    if (location.path === '' || location.path.endsWith('/'))
      throw usageError(`${target} is a folder: add --recursive to delete everything in it`);
    await client.objectDetails({
      query: { connectionId: location.connectionId, bucket: location.bucket, key: location.path },
    });
    keys = [location.path];
  }
  if (opts.dryRun) {
    out.result({ dryRun: true, wouldDelete: keys });
    for (const key of keys) out.print(`would delete ${formatLocation(location, key)}`);
    out.print(`${keys.length} object(s) would be deleted (dry run: nothing deleted).`);
    return ExitCode.OK;
  }
  const report =
    keys.length > 0 ? await deleteKeys(client, location, keys) : { deleted: [], errors: [] };
  out.result({ dryRun: false, ...report });
  for (const key of report.deleted) out.print(`deleted ${formatLocation(location, key)}`);
  for (const error of report.errors)
    out.note(`failed ${formatLocation(location, error.key)}: ${error.message}`);
  if (report.errors.length > 0)
    return report.deleted.length > 0 ? ExitCode.PARTIAL : ExitCode.ERROR;
  return ExitCode.OK;
}

export function registerRm(program: Command): void {
  examples(
    program
      .command('rm')
      .description('Delete an object, or everything under a prefix with --recursive')
      .argument('<location>', 'conn:bucket/key, or conn:bucket/prefix/ with --recursive')
      .option('-r, --recursive', 'delete every object under the prefix')
      .option('--dry-run', 'list what would be deleted and delete nothing')
      .action(action(remove)),
    [
      's3am rm "Local storage:uploads/reports/old.csv"',
      's3am rm --recursive --dry-run "Local storage:uploads/tmp/"',
    ],
  );
  examples(
    program
      .command('delete-file')
      .description('Delete one object (same as rm without --recursive)')
      .argument('<location>', 'conn:bucket/key')
      .option('--dry-run', 'say what would be deleted and delete nothing')
      .action(
        action((ctx, target: string, opts: { dryRun?: boolean }) => remove(ctx, target, opts)),
      ),
    ['s3am delete-file "Local storage:uploads/reports/old.csv"'],
  );
}
