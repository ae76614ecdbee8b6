// `s3am backup --output config.json` and `s3am restore config.json [--apply]` (admins). Restore
// is a dry run unless --apply: it adds what is missing (by email / name) and changes nothing else.
// Connections are never created (their secrets are not in the file): create them first.
import { readFile, writeFile } from 'node:fs/promises';
import { type Command } from 'commander';
import { type ApiClient } from '@s3am/client';
import { allUsers } from '../admin-lookup.js';
import { BackupDocument } from '../backup-document.js';
import { action, examples } from '../command-kit.js';
import { CliError, ExitCode, usageError } from '../exit-codes.js';

async function takeBackup(client: ApiClient, source: string): Promise<BackupDocument> {
  const [users, groups, grants, connections, settings] = await Promise.all([
    allUsers(client),
    client.listGroups(),
    client.listGrants(),
    client.listConnections(),
    client.getSecuritySettings(),
  ]);
  return {
    format: 's3am-config-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    source,
    users: users.map(({ email, role, disabled }) => ({ email, role, disabled })),
    groups: groups.items.map((g) => ({ name: g.name, members: g.members.map((m) => m.email) })),
    connections: connections.items.map((c) => ({
      name: c.name,
      endpoint: c.endpoint,
      publicEndpoint: c.publicEndpoint,
      region: c.region,
      forcePathStyle: c.forcePathStyle,
      authMode: c.authMode,
      roleArn: c.roleArn,
      buckets: c.buckets,
      sseMode: c.sseMode,
      sseKmsKeyId: c.sseKmsKeyId,
    })),
    grants: grants.items.map((g) => ({
      user: g.userEmail,
      group: g.groupName,
      connection: g.connectionName,
      bucket: g.bucket,
      prefix: g.prefix,
      actions: g.actions,
      expiresAt: g.expiresAt,
    })),
    settings,
  };
}

const grantKey = (g: {
  user: string | null;
  group: string | null;
  connection: string;
  bucket: string;
  prefix: string;
}) => JSON.stringify([g.user?.toLowerCase() ?? null, g.group, g.connection, g.bucket, g.prefix]);

export function registerBackup(program: Command): void {
  examples(
    program
      .command('backup')
      .description('Save users, groups, grants, connections (no secrets) and settings as JSON')
      .requiredOption('-o, --output <file>', 'where to write (created 0600)')
      .action(
        action(async (ctx, opts: { output: string }) => {
          const session = await ctx.session();
          const document = await takeBackup(session.client, session.url);
          await writeFile(opts.output, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 });
          const counts = {
            users: document.users.length,
            groups: document.groups.length,
            grants: document.grants.length,
            connections: document.connections.length,
          };
          ctx.out.result({ file: opts.output, ...counts });
          ctx.out.print(
            `wrote ${opts.output}: ${counts.users} users, ${counts.groups} groups, ${counts.grants} grants, ${counts.connections} connections`,
          );
        }),
      ),
    ['s3am backup --output config.json'],
  );
  examples(
    program
      .command('restore')
      .description('Add what a backup has and this server lacks (dry run unless --apply)')
      .argument('<file>', 'a file written by s3am backup')
      .option('--apply', 'make the changes (default: only show them)')
      .action(
        action(async (ctx, file: string, opts: { apply?: boolean }) => {
          const parsed = BackupDocument.safeParse(
            JSON.parse(await readFile(file, 'utf8').catch(() => 'null')),
          );
          if (!parsed.success) throw usageError(`${file} is not an s3am backup`);
          const backup = parsed.data;
          const { client } = await ctx.session();
          const current = await takeBackup(client, '');
          const haveUsers = new Set(current.users.map((u) => u.email.toLowerCase()));
          const haveGroups = new Set(current.groups.map((g) => g.name));
          const haveConnections = new Set(current.connections.map((c) => c.name));
          const haveGrants = new Set(current.grants.map(grantKey));
          const plan = {
            users: backup.users.filter((u) => !haveUsers.has(u.email.toLowerCase())),
            groups: backup.groups.filter((g) => !haveGroups.has(g.name)),
            missingConnections: backup.connections
              .filter((c) => !haveConnections.has(c.name))
              .map((c) => c.name),
            grants: backup.grants.filter(
              (g) => !haveGrants.has(grantKey(g)) && haveConnections.has(g.connection),
            ),
            skippedGrants: backup.grants.filter((g) => !haveConnections.has(g.connection)),
            settings:
              JSON.stringify(backup.settings) === JSON.stringify(current.settings)
                ? null
                : backup.settings,
          };
          const summary = `${plan.users.length} user(s), ${plan.groups.length} group(s), ${plan.grants.length} grant(s) to add${plan.settings ? ', settings to change' : ''}`;
          for (const name of plan.missingConnections)
            ctx.out.note(
              `connection "${name}" is missing: create it (with its secret) first; its grants are skipped`,
            );
          if (!opts.apply) {
            ctx.out.result({ applied: false, ...plan });
            ctx.out.print(`${summary} (dry run: run again with --apply to make them).`);
            return ExitCode.OK;
          }
          const oneTimePasswords: Record<string, string> = {};
          for (const user of plan.users) {
            const created = await client.createUser({
              body: { email: user.email, role: user.role },
            });
            if (created.oneTimePassword) oneTimePasswords[user.email] = created.oneTimePassword;
            if (user.disabled)
              await client.updateUser({
                params: { id: created.user.id },
                body: { disabled: true },
              });
          }
          const userIds = new Map(
            (await allUsers(client)).map((u) => [u.email.toLowerCase(), u.id]),
          );
          const idOf = (email: string) => {
            const id = userIds.get(email.toLowerCase());
            if (!id) throw new CliError(`user ${email} is missing after the restore`);
            return id;
          };
          for (const group of plan.groups)
            await client.createGroup({
              body: { name: group.name, memberIds: group.members.map(idOf) },
            });
          const groupIds = new Map((await client.listGroups()).items.map((g) => [g.name, g.id]));
          const connectionIds = new Map(
            (await client.listConnections()).items.map((c) => [c.name, c.id]),
          );
          for (const grant of plan.grants)
            await client.createGrant({
              body: {
                userId: grant.user ? idOf(grant.user) : null,
                groupId: grant.group ? (groupIds.get(grant.group) ?? null) : null,
                connectionId: connectionIds.get(grant.connection)!,
                bucket: grant.bucket,
                prefix: grant.prefix,
                actions: grant.actions,
                expiresAt: grant.expiresAt,
              },
            });
          if (plan.settings) await client.updateSecuritySettings({ body: plan.settings });
          ctx.out.result({ applied: true, ...plan, oneTimePasswords });
          ctx.out.print(`restored ${summary.replace(' to add', '')}.`);
          for (const [email, password] of Object.entries(oneTimePasswords))
            ctx.out.print(`  one-time password for ${email} (shown once): ${password}`);
          return plan.skippedGrants.length > 0 ? ExitCode.PARTIAL : ExitCode.OK;
        }),
      ),
    ['s3am restore config.json', 's3am restore config.json --apply'],
  );
}
