// `s3am users list|create|disable|enable|reset` (admins).
import { Option, type Command } from 'commander';
import { Role } from '@s3am/contracts';
import { allUsers, findUser } from '../admin-lookup.js';
import { action, examples } from '../command-kit.js';

export function registerUsers(program: Command): void {
  const users = program.command('users').description('Manage users (admins)');
  examples(
    users
      .command('list')
      .description('All users')
      .action(
        action(async (ctx) => {
          const { client } = await ctx.session();
          const items = await allUsers(client);
          ctx.out.result({ items });
          ctx.out.table(items, ['email', 'role', 'disabled', 'totpEnabled', 'lastLoginAt', 'id']);
        }),
      ),
    ['s3am users list', 's3am users list --json | jq -r ".items[].email"'],
  );
  examples(
    users
      .command('create')
      .description('Create a user; without --password-stdin a one-time password is printed once')
      .argument('<email>')
      .addOption(new Option('--role <role>', 'role').choices(Role.options).default('uploader'))
      .option('--password-stdin', 'read the initial password from stdin')
      .action(
        action(async (ctx, email: string, opts: { role: Role; passwordStdin?: boolean }) => {
          const { client } = await ctx.session();
          let password: string | undefined;
          if (opts.passwordStdin) {
            const chunks: Buffer[] = [];
            for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
            password = Buffer.concat(chunks)
              .toString('utf8')
              .replace(/\r?\n$/, '');
          }
          const created = await client.createUser({
            body: { email, role: opts.role, ...(password ? { password } : {}) },
          });
          ctx.out.result(created);
          ctx.out.print(`created ${created.user.email} (${created.user.role}) ${created.user.id}`);
          if (created.oneTimePassword)
            ctx.out.print(`one-time password (shown once): ${created.oneTimePassword}`);
        }),
      ),
    ['s3am users create alice@example.com --role viewer'],
  );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(name)
      .description(`${disabled ? 'Disable' : 'Enable'} a user (by email or id)`)
      .argument('<user>')
      .action(
        action(async (ctx, who: string) => {
          const { client } = await ctx.session();
          const user = await findUser(client, who);
          const updated = await client.updateUser({ params: { id: user.id }, body: { disabled } });
          ctx.out.result(updated);
          ctx.out.print(`${updated.email} ${disabled ? 'disabled' : 'enabled'}`);
        }),
      );
  }
  examples(
    users
      .command('reset')
      .description("Reset a user's password to a one-time password (printed once)")
      .argument('<user>')
      .action(
        action(async (ctx, who: string) => {
          const { client } = await ctx.session();
          const user = await findUser(client, who);
          const reset = await client.resetUserPassword({ params: { id: user.id }, body: {} });
          ctx.out.result(reset);
          ctx.out.print(
            `one-time password for ${reset.user.email} (shown once): ${reset.oneTimePassword ?? ''}`,
          );
        }),
      ),
    ['s3am users reset alice@example.com'],
  );
}
