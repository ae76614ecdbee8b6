// `s3am backup` then `s3am restore` into a fresh database reproduces users, groups and grants.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  createUser,
  databaseUrl,
  grantOnUploads,
  templateDatabase,
} from '../../api/test/test-app.js';
import { createPrisma, type Db } from '../../api/src/db/prisma.js';
import { BackupDocument } from '../src/backup-document.js';
import { buildCli, runCli, scratchDir, startCliStack, type CliStack } from './cli-kit.js';

let source: CliStack;
let target: CliStack;
let bundle: string;
let admin: Db;
// Both sides get a database of their own: the worker's shared one holds other test files'
// users, connections and grants, which a backup would carry along.
const sourceDb = `s3am_cli_backup_${process.pid}`;
const freshDb = `s3am_cli_restore_${process.pid}`;

function withDatabase(name: string): string {
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function recreate(name: string) {
  // CREATE DATABASE runs outside a transaction: Prisma's raw call does.
  await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.$executeRawUnsafe(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`);
}

beforeAll(async () => {
  admin = createPrisma(databaseUrl());
  await recreate(sourceDb);
  await recreate(freshDb);
  [source, target, bundle] = await Promise.all([
    startCliStack({ databaseUrl: withDatabase(sourceDb) }),
    startCliStack({ databaseUrl: withDatabase(freshDb) }),
    buildCli(),
  ]);
}, 60_000);

afterAll(async () => {
  await target?.close();
  await source?.close();
  for (const name of [sourceDb, freshDb])
    await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.$disconnect();
});

/** Users, groups and grants by name, comparable across databases. */
async function configOf(stack: CliStack, configDir: string) {
  const run = await runCli(bundle, ['backup', '-o', path.join(configDir, 'now.json'), '--json'], {
    configDir,
    env: { S3AM_URL: stack.url, S3AM_TOKEN: stack.admin.apiToken },
  });
  expect(run.code).toBe(0);
  const doc = BackupDocument.parse(
    JSON.parse(await readFile(path.join(configDir, 'now.json'), 'utf8')),
  );
  return {
    users: doc.users.map((u) => `${u.email}|${u.role}|${u.disabled}`).sort(),
    groups: doc.groups.map((g) => `${g.name}|${[...g.members].sort().join(',')}`).sort(),
    grants: doc.grants
      .map(
        (g) =>
          `${g.user ?? ''}|${g.group ?? ''}|${g.connection}|${g.bucket}|${g.prefix}|${[...g.actions].sort().join(',')}`,
      )
      .sort(),
  };
}

test('backup then restore on a fresh database reproduces users, groups and grants', async () => {
  const db = source.ctx.db;
  const alice = await createUser(db);
  const bob = await createUser(db, { role: 'viewer', disabled: true });
  const group = await db.group.create({
    data: {
      name: `team-${Date.now()}`,
      members: { create: [{ userId: alice.id }, { userId: bob.id }] },
    },
  });
  await grantOnUploads(db, {
    userId: alice.id,
    connectionId: source.connectionId,
    prefix: 'alice/',
    actions: ['list', 'read', 'write'],
  });
  await db.grant.create({
    data: {
      groupId: group.id,
      connectionId: source.connectionId,
      bucket: 'uploads',
      prefix: 'team/',
      actions: ['list', 'read'],
    },
  });
  // The fresh server has the connection (created with its secret by an admin) under the same name.
  await target.ctx.db.s3Connection.update({
    where: { id: target.connectionId },
    data: { name: source.connectionName },
  });

  const configDir = await scratchDir('cli-backup');
  const file = path.join(configDir, 'config.json');
  const backup = await runCli(bundle, ['backup', '--output', file], {
    configDir,
    env: { S3AM_URL: source.url, S3AM_TOKEN: source.admin.apiToken },
  });
  expect(backup.code).toBe(0);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(await readFile(file, 'utf8')).not.toMatch(/secret|password/i);

  const asTarget = { configDir, env: { S3AM_URL: target.url, S3AM_TOKEN: target.admin.apiToken } };
  const dryRun = await runCli(bundle, ['restore', file, '--json'], asTarget);
  expect(dryRun.code).toBe(0);
  expect(JSON.parse(dryRun.stdout)).toMatchObject({ applied: false });
  const before = await configOf(target, configDir);
  expect(before.users).not.toContain(`${alice.email}|uploader|false`);

  const applied = await runCli(bundle, ['restore', file, '--apply'], asTarget);
  expect(applied.stderr).toBe('');
  expect(applied.code).toBe(0);
  expect(applied.stdout).toContain(`one-time password for ${alice.email}`);

  const expected = await configOf(source, configDir);
  const restored = await configOf(target, configDir);
  // The target's own admin (made by the test kit) is there too; everything from the source is.
  for (const user of expected.users) expect(restored.users).toContain(user);
  expect(restored.groups).toEqual(expected.groups);
  expect(restored.grants).toEqual(expected.grants);
}, 120_000);
