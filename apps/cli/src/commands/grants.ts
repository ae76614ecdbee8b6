// `s3am grants list|add|rm` (admins).
import { Option, type Command } from 'commander';
import { GrantAction } from '@s3am/contracts';
import { findConnectionId, findGroupId, findUser } from '../admin-lookup.js';
import { action, examples } from '../command-kit.js';
import { usageError } from '../exit-codes.js';
import { parseLocation } from '../locations.js';

export function registerGrants(program: Command): void {
  const grants = program.command('grants').description('Manage grants (admins)');
  examples(
    grants
      .command('list')
      .description('Grants, optionally for one user')
      .option('--user <user>', 'email or id')
      .action(
        action(async (ctx, opts: { user?: string }) => {
          const { client } = await ctx.session();
          const userId = opts.user ? (await findUser(client, opts.user)).id : undefined;
          const { items } = await client.listGrants({ query: userId ? { userId } : {} });
          ctx.out.result({ items });
          ctx.out.table(
            items.map((grant) => ({
              ...grant,
              grantee: grant.userEmail ?? `group:${grant.groupName ?? ''}`,
              where: `${grant.connectionName}:${grant.bucket}/${grant.prefix}`,
            })),
            ['grantee', 'where', 'actions', 'expiresAt', 'id'],
          );
        }),
      ),
    ['s3am grants list --user alice@example.com'],
  );
  examples(
    grants
      .command('add')
      .description('Grant actions on conn:bucket/prefix to a user or a group')
      .argument('<location>', 'conn:bucket/prefix (conn = connection id or name)')
      .option('--user <user>', 'email or id')
      .option('--group <group>', 'group name or id')
      .addOption(
        new Option('--actions <list>', 'comma-separated: list,read,write,delete').default(
          'list,read',
        ),
      )
      .option('--expires <iso>', 'expiry (ISO 8601 date-time)')
      .action(
        action(
          async (
            ctx,
            target: string,
            opts: { user?: string; group?: string; actions: string; expires?: string },
          ) => {
            if (Boolean(opts.user) === Boolean(opts.group))
              throw usageError('Name exactly one of --user or --group');
            const actions = opts.actions.split(',').map((a) => a.trim());
            const parsed = actions.map((a) => GrantAction.safeParse(a));
            if (parsed.some((p) => !p.success))
              throw usageError(`--actions: each one of ${GrantAction.options.join(', ')}`);
            const { client } = await ctx.session();
            const where = parseLocation(target);
            const grant = await client.createGrant({
              body: {
                connectionId: await findConnectionId(client, where.conn),
                bucket: where.bucket,
                prefix: where.path,
                actions: parsed.map((p) => p.data!),
                userId: opts.user ? (await findUser(client, opts.user)).id : null,
                groupId: opts.group ? await findGroupId(client, opts.group) : null,
                expiresAt: opts.expires ? new Date(opts.expires).toISOString() : null,
              },
            });
            ctx.out.result(grant);
            ctx.out.print(
              `granted ${grant.actions.join(',')} on ${grant.connectionName}:${grant.bucket}/${grant.prefix} to ${grant.userEmail ?? grant.groupName ?? ''} (${grant.id})`,
            );
          },
        ),
      ),
    [
      's3am grants add "Local storage:uploads/team-a/" --user alice@example.com --actions list,read,write',
    ],
  );
  examples(
    grants
      .command('rm')
      .description('Remove a grant by id')
      .argument('<id>')
      .action(
        action(async (ctx, id: string) => {
          const { client } = await ctx.session();
          await client.deleteGrant({ params: { id } });
          ctx.out.result({ deleted: id });
          ctx.out.print(`removed grant ${id}`);
        }),
      ),
    ['s3am grants rm 7c9e…'],
  );
}
