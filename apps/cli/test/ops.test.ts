// `s3am security report|watch` and `s3am migrate …` against the real API, the real migration
// engine (pg-boss) and the local S3 server: --json outputs parse with the contracts, a watched
// job exits 0 once its objects are at the destination, steering changes the job's state.
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  MigrationStreamEvent,
  MigrationView,
  SecurityAlertView,
  SecurityReport,
} from '@s3am/contracts';
import { seed, startEngine } from '../../api/test/migrations-kit.js';
import { localS3Client } from '../../api/test/test-app.js';
import {
  buildCli,
  runCli,
  scratchDir,
  startCli,
  startCliStack,
  waitUntil,
  type CliStack,
} from './cli-kit.js';

let stack: CliStack;
let bundle: string;
let configDir: string;
let engine: { stop(): Promise<void> };
let s3: S3Client;
const run = `cli-ops-${Date.now()}`;

beforeAll(async () => {
  [stack, bundle] = await Promise.all([startCliStack(), buildCli()]);
  engine = await startEngine(stack.ctx);
  s3 = localS3Client();
  configDir = await scratchDir('cli-ops-config');
  const login = await runCli(
    bundle,
    ['login', '--url', stack.url, '--token', stack.admin.apiToken],
    {
      configDir,
    },
  );
  expect(login.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  s3?.destroy();
  await stack?.close();
});

const cli = (args: string[]) => runCli(bundle, args, { configDir });

test('security report --out writes the report (0600) and prints a summary', async () => {
  const dir = await scratchDir('cli-security-report');
  const file = path.join(dir, 'report.json');
  const result = await cli([
    'security',
    'report',
    '--from',
    '2026-01-01',
    '--to',
    new Date().toISOString(),
    '--out',
    file,
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Security report 2026-01-01T00:00:00.000Z → .* written to /);
  const report = SecurityReport.parse(JSON.parse(await readFile(file, 'utf8')));
  expect(report.from).toBe('2026-01-01T00:00:00.000Z');
  expect((await stat(file)).mode & 0o777).toBe(0o600);

  const csv = await cli(['security', 'report', '--format', 'csv']);
  expect(csv.code).toBe(0);
  expect(csv.stdout.split('\n')[0]).toMatch(/,/);

  const bad = await cli(['security', 'report', '--from', 'yesterday-ish']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--from: "yesterday-ish" is not a date/);
});

test('security watch prints open alerts, then each new one, as NDJSON until Ctrl-C', async () => {
  const alert = (summary: string) =>
    stack.ctx.db.securityAlert.create({
      data: {
        rule: 'cli-test',
        severity: 'HIGH',
        subjectType: 'ip',
        subject: '192.0.2.7',
        summary,
        firstSeen: new Date(),
        lastSeen: new Date(),
      },
    });
  await alert(`${run} before`);
  const watch = startCli(bundle, ['security', 'watch', '--interval', '1', '--json'], { configDir });
  const lines = () =>
    watch
      .output()
      .stdout.split('\n')
      .filter(Boolean)
      .map((line) => SecurityAlertView.parse(JSON.parse(line)));
  await waitUntil(() => lines().some((line) => line.summary === `${run} before`), 'the open alert');
  await alert(`${run} after`);
  await waitUntil(() => lines().some((line) => line.summary === `${run} after`), 'the new alert');
  watch.child.kill('SIGINT');
  const done = await watch.done;
  expect(done.code).toBe(0);
  const ours = lines().filter((line) => line.summary.startsWith(run));
  expect(ours.map((line) => line.summary)).toEqual([`${run} before`, `${run} after`]);
});

test('migrate create --watch copies the objects and exits 0; list and status show the job', async () => {
  const where = `${stack.connectionName}:uploads`;
  const keys = ['a.txt', 'b/c.txt', 'b/d.bin'];
  await seed(
    s3,
    'uploads',
    keys.map((key) => ({ key: `${run}/src/${key}`, body: randomBytes(2048) })),
  );
  const result = await cli([
    '--json',
    'migrate',
    'create',
    '--from',
    `${where}/${run}/src/`,
    '--to',
    `${where}/${run}/dst/`,
    '--watch',
  ]);
  expect(result.stderr).toMatch(/^started /);
  expect(result.code).toBe(0);
  const events = result.stdout
    .trim()
    .split('\n')
    .map((line) => MigrationStreamEvent.parse(JSON.parse(line)));
  const last = events.at(-1)!.migration;
  expect(last.state).toBe('completed');
  expect(last.counts.copied.objects).toBe(3);
  for (const key of keys) {
    const head = await s3.send(
      new HeadObjectCommand({ Bucket: 'uploads', Key: `${run}/dst/${key}` }),
    );
    expect(head.ContentLength).toBe(2048);
  }

  const status = await cli(['--json', 'migrate', 'status', last.id]);
  expect(status.code).toBe(0);
  expect(MigrationView.parse(JSON.parse(status.stdout)).state).toBe('completed');
  const list = await cli(['--json', 'migrate', 'list']);
  expect(list.code).toBe(0);
  const { items } = JSON.parse(list.stdout) as { items: unknown[] };
  expect(items.map((item) => MigrationView.parse(item).id)).toContain(last.id);
  const text = await cli(['migrate', 'status', last.id]);
  expect(text.stdout).toContain(`${last.id}  completed`);
  expect(text.stdout).toContain('3/3 objects: 3 copied');
});

test('migrate pause, resume and cancel steer a running job; a cancelled job exits 1', async () => {
  const where = `${stack.connectionName}:uploads`;
  await seed(s3, 'uploads', [
    { key: `${run}/slow/one.bin`, body: randomBytes(12 * 1024 * 1024) },
    { key: `${run}/slow/two.bin`, body: randomBytes(12 * 1024 * 1024) },
  ]);
  const created = await cli([
    '--json',
    'migrate',
    'create',
    '--from',
    `${where}/${run}/slow/`,
    '--to',
    `${where}/${run}/slow-dst/`,
    '--concurrency',
    '1',
    '--bandwidth',
    '1',
  ]);
  expect(created.code).toBe(0);
  const id = MigrationView.parse(JSON.parse(created.stdout)).id;
  const steer = async (verb: string) => {
    const result = await cli(['--json', 'migrate', verb, id]);
    expect([verb, result.code, result.stderr]).toEqual([verb, 0, '']);
    return MigrationView.parse(JSON.parse(result.stdout));
  };
  expect((await steer('pause')).state).toBe('paused');
  expect(['queued', 'running']).toContain((await steer('resume')).state);
  await steer('cancel');
  const deadline = Date.now() + 30_000;
  let state = '';
  while (Date.now() < deadline && state !== 'cancelled') {
    const status = await cli(['--json', 'migrate', 'status', id]);
    state = MigrationView.parse(JSON.parse(status.stdout)).state;
    if (state === 'cancelled') expect(status.code).toBe(1);
  }
  expect(state).toBe('cancelled');
  const missing = await cli(['migrate', 'status', '00000000-0000-4000-8000-000000000000']);
  expect(missing.code).toBe(4);
});
