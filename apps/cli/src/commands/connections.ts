// `s3am connections list|test` (admins). Secrets are never returned by the API.
import { type Command } from 'commander';
import { findConnectionId } from '../admin-lookup.js';
import { action, examples } from '../command-kit.js';
import { ExitCode } from '../exit-codes.js';

export function registerConnections(program: Command): void {
  const connections = program.command('connections').description('S3 connections (admins)');
  examples(
    connections
      .command('list')
      .description('Connections and their buckets')
      .action(
        action(async (ctx) => {
          const { client } = await ctx.session();
          const { items } = await client.listConnections();
          ctx.out.result({ items });
          ctx.out.table(items, ['name', 'endpoint', 'region', 'authMode', 'buckets', 'id']);
        }),
      ),
    ['s3am connections list'],
  );
  examples(
    connections
      .command('test')
      .description('Check that the credentials reach every bucket (exit 1 when not)')
      .argument('<connection>', 'name or id')
      .action(
        action(async (ctx, which: string) => {
          const { client } = await ctx.session();
          const id = await findConnectionId(client, which);
          const result = await client.testConnection({ params: { id } });
          ctx.out.result(result);
          for (const bucket of result.buckets)
            ctx.out.print(
              `${bucket.ok ? ctx.out.paint.green('ok  ') : ctx.out.paint.red('FAIL')} ${bucket.name}${bucket.reason ? ` (${bucket.reason})` : ''}`,
            );
          if (result.failure) {
            ctx.out.print(`${result.failure.reason}: ${result.failure.message}`);
            for (const hint of result.failure.hints) ctx.out.print(`  - ${hint}`);
          }
          return result.ok ? ExitCode.OK : ExitCode.ERROR;
        }),
      ),
    ['s3am connections test "Local storage"'],
  );
}
