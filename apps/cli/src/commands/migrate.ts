// `s3am migrate create|list|status|watch|pause|resume|cancel` (admins): bucket-to-bucket jobs that
// the server runs (server-side copies; nothing passes through this machine).
import { Option, type Command } from 'commander';
import { readServerSentEvents, type ApiClient } from '@s3am/client';
import {
  MigrationOverwrite,
  MigrationStorageClass,
  MigrationStreamEvent,
  type MigrationView,
} from '@s3am/contracts';
import { findConnectionId } from '../admin-lookup.js';
import { action, collect, examples, positiveInt, type CommandContext } from '../command-kit.js';
import { ExitCode, usageError } from '../exit-codes.js';
import { parseLocation } from '../locations.js';
import {
  FINISHED,
  describeMigration,
  exitCodeOf,
  printMigration,
  progressLine,
} from '../migration-view.js';

async function locationOf(client: ApiClient, text: string) {
  const { conn, bucket, path } = parseLocation(text);
  return { connectionId: await findConnectionId(client, conn), bucket, prefix: path };
}

/** Follows the job's event stream until it finishes (or Ctrl-C); returns its last state. */
async function watch(ctx: CommandContext, client: ApiClient, id: string): Promise<MigrationView> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  let last = await client.getMigration({ params: { id } });
  const live = ctx.out.tty && !ctx.out.json;
  try {
    while (!FINISHED.has(last.state) && !stop.signal.aborted) {
      const response = await client.migrationEvents({ params: { id }, signal: stop.signal });
      for await (const message of readServerSentEvents(response, stop.signal)) {
        if (message.event !== 'migration') continue;
        const event = MigrationStreamEvent.parse(JSON.parse(message.data));
        last = event.migration;
        if (ctx.out.json) ctx.out.line(event);
        else {
          for (const line of event.log) ctx.out.note(`${line.at}  ${line.level}  ${line.message}`);
          const text = progressLine(last, event.speedBytesPerSecond, event.etaSeconds);
          if (live) process.stdout.write(`\r\u001b[2K${text}`);
          else ctx.out.print(text);
        }
        if (FINISHED.has(last.state)) break;
      }
    }
  } catch (error) {
    if (!stop.signal.aborted) throw error;
  } finally {
    process.off('SIGINT', onSignal);
    if (live) process.stdout.write('\n');
  }
  return last;
}

interface CreateOptions {
  from: string;
  to: string;
  include?: string[];
  exclude?: string[];
  overwrite?: MigrationView['options']['overwrite'];
  storageClass?: MigrationView['options']['storageClass'];
  concurrency?: number;
  bandwidth?: string;
  preserveMetadata: boolean;
  preserveTags: boolean;
  dryRun?: boolean;
  watch?: boolean;
}

export function registerMigrate(program: Command): void {
  const migrate = program
    .command('migrate')
    .description('Bucket-to-bucket migration jobs (admins)');
  examples(
    migrate
      .command('create')
      .description('Check both locations and start a job (or a dry run that only counts)')
      .requiredOption('--from <location>', 'source conn:bucket/prefix (conn = id or name)')
      .requiredOption('--to <location>', 'destination conn:bucket/prefix')
      .option('--include <glob>', 'only keys matching (repeatable)', collect)
      .option('--exclude <glob>', 'skip keys matching (repeatable)', collect)
      .addOption(
        new Option('--overwrite <when>', 'existing objects').choices(MigrationOverwrite.options),
      )
      .addOption(new Option('--storage-class <class>').choices(MigrationStorageClass.options))
      .option('--concurrency <n>', 'objects in flight', positiveInt('--concurrency'))
      .option('--bandwidth <MiBps>', 'bandwidth cap in MiB/s')
      .option('--no-preserve-metadata', 'do not copy user metadata and content headers')
      .option('--no-preserve-tags', 'do not copy tags')
      .option('--dry-run', 'count objects and bytes only, write nothing')
      .option('--watch', 'follow the job until it finishes')
      .action(
        action(async (ctx, opts: CreateOptions) => {
          const { client } = await ctx.session();
          const bandwidth = opts.bandwidth === undefined ? undefined : Number(opts.bandwidth);
          if (bandwidth !== undefined && !(bandwidth > 0))
            throw usageError('--bandwidth must be a positive number of MiB/s');
          const job = await client.createMigration({
            body: {
              source: await locationOf(client, opts.from),
              destination: await locationOf(client, opts.to),
              options: {
                include: opts.include ?? [],
                exclude: opts.exclude ?? [],
                preserveMetadata: opts.preserveMetadata,
                preserveTags: opts.preserveTags,
                dryRun: Boolean(opts.dryRun),
                ...(opts.overwrite ? { overwrite: opts.overwrite } : {}),
                ...(opts.storageClass ? { storageClass: opts.storageClass } : {}),
                ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
                ...(bandwidth ? { bandwidthMiBps: bandwidth } : {}),
              },
            },
          });
          if (!opts.watch) return printMigration(ctx.out, job);
          ctx.out.note(`started ${job.id}`);
          const last = await watch(ctx, client, job.id);
          if (!ctx.out.json) ctx.out.print(describeMigration(last));
          return FINISHED.has(last.state) ? exitCodeOf(last) : ExitCode.INTERRUPTED;
        }),
      ),
    [
      's3am migrate create --from old:photos/2024/ --to "Local storage:archive/photos/2024/" --dry-run',
      's3am migrate create --from old:logs/ --to new:logs/ --exclude "*.tmp" --concurrency 64 --watch',
    ],
  );
  examples(
    migrate
      .command('list')
      .description('Migration jobs, newest first')
      .action(
        action(async (ctx) => {
          const { client } = await ctx.session();
          const { items } = await client.listMigrations();
          ctx.out.result({ items });
          ctx.out.table(
            items.map((job) => ({
              id: job.id,
              state: job.state,
              from: `${job.source.connectionName}:${job.source.bucket}/${job.source.prefix}`,
              to: `${job.destination.connectionName}:${job.destination.bucket}/${job.destination.prefix}`,
              copied: job.counts.copied.objects,
              failed: job.counts.failed.objects,
              created: job.createdAt,
            })),
            ['id', 'state', 'from', 'to', 'copied', 'failed', 'created'],
          );
        }),
      ),
    [
      's3am migrate list',
      's3am migrate list --json | jq -r ".items[] | select(.state==\\"running\\") | .id"',
    ],
  );
  examples(
    migrate
      .command('status')
      .description("A job's state and counts; exit 0 done, 5 done with failures, 1 failed")
      .argument('<id>', 'job id')
      .action(
        action(async (ctx, id: string) => {
          const { client } = await ctx.session();
          const job = await client.getMigration({ params: { id } });
          printMigration(ctx.out, job);
          return FINISHED.has(job.state) ? exitCodeOf(job) : ExitCode.OK;
        }),
      ),
    ['s3am migrate status 3f0c…', 's3am migrate status 3f0c… --json | jq .counts'],
  );
  examples(
    migrate
      .command('watch')
      .description('Follow a job live until it finishes (NDJSON events with --json)')
      .argument('<id>', 'job id')
      .action(
        action(async (ctx, id: string) => {
          const { client } = await ctx.session();
          const last = await watch(ctx, client, id);
          if (!ctx.out.json) ctx.out.print(describeMigration(last));
          return FINISHED.has(last.state) ? exitCodeOf(last) : ExitCode.INTERRUPTED;
        }),
      ),
    ['s3am migrate watch 3f0c…'],
  );
  for (const [verb, description] of [
    ['pause', 'Pause: objects in flight finish, no new ones start'],
    ['resume', 'Resume a paused job'],
    ['cancel', 'Cancel: copies in flight stop and their multipart uploads are aborted'],
  ] as const)
    examples(
      migrate
        .command(verb)
        .description(description)
        .argument('<id>', 'job id')
        .action(
          action(async (ctx, id: string) => {
            const { client } = await ctx.session();
            const call = {
              pause: client.pauseMigration,
              resume: client.resumeMigration,
              cancel: client.cancelMigration,
            }[verb];
            const job = await call({ params: { id } });
            printMigration(ctx.out, job);
          }),
        ),
      [`s3am migrate ${verb} 3f0c…`],
    );
}
