// `s3am ls|download|rm|cleanup|url|whoami|health` against the real stack; --json outputs match
// their schemas; bad arguments exit 2 and a path outside the grants exits 4.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { localS3Client } from '../../api/test/test-app.js';
import {
  buildCli,
  granteeWithToken,
  runCli,
  scratchDir,
  startCliStack,
  type CliStack,
} from './cli-kit.js';
import {
  CleanupDryRunOutput,
  DownloadOutput,
  ErrorOutput,
  HealthOutput,
  LocationsOutput,
  LsOutput,
  RmDryRunOutput,
  RmOutput,
  UrlOutput,
  WhoamiOutput,
  parseJsonOutput,
} from './output-schemas.js';

let stack: CliStack;
let bundle: string;
let s3: S3Client;
let configDir: string;
const prefix = `cli-files-${Date.now()}/`;
const bytes = randomBytes(3 * 1024 * 1024 + 17);
let where: string;

const cli = (args: string[]) => runCli(bundle, args, { configDir });

beforeAll(async () => {
  [stack, bundle] = await Promise.all([startCliStack(), buildCli()]);
  s3 = localS3Client();
  where = `${stack.connectionName}:uploads/${prefix}`;
  const user = await granteeWithToken(stack, prefix);
  configDir = await scratchDir('cli-files-config');
  const login = await runCli(bundle, ['login', '--url', stack.url, '--token', user.apiToken], {
    configDir,
  });
  expect(login.code).toBe(0);
  for (const key of ['a.bin', 'docs/b.txt', 'docs/deep/c.txt'])
    await s3.send(
      new PutObjectCommand({
        Bucket: 'uploads',
        Key: `${prefix}${key}`,
        Body: key === 'a.bin' ? bytes : key,
      }),
    );
}, 60_000);

afterAll(async () => {
  s3.destroy();
  await stack.close();
});

test('whoami, health and the granted locations print JSON matching their schemas', async () => {
  const whoami = await cli(['whoami', '--json']);
  expect(whoami.code).toBe(0);
  expect(parseJsonOutput(WhoamiOutput, whoami.stdout).url).toBe(stack.url);
  const health = await cli(['health', '--json']);
  expect(health.code).toBe(0);
  expect(parseJsonOutput(HealthOutput, health.stdout).ready.status).toBe('ready');
  const locations = await cli(['ls', '--json']);
  expect(parseJsonOutput(LocationsOutput, locations.stdout).locations).toEqual([
    expect.objectContaining({ connectionName: stack.connectionName, bucket: 'uploads', prefix }),
  ]);
});

test('ls lists a folder, and --recursive every key below it', async () => {
  const flat = await cli(['ls', where, '--json']);
  expect(flat.code).toBe(0);
  const listing = parseJsonOutput(LsOutput, flat.stdout);
  expect(listing.folders).toEqual([`${prefix}docs/`]);
  expect(listing.objects.map((o) => o.key)).toEqual([`${prefix}a.bin`]);
  const deep = await cli(['ls', where, '--recursive', '--json']);
  expect(
    parseJsonOutput(LsOutput, deep.stdout)
      .objects.map((o) => o.key)
      .sort(),
  ).toEqual([`${prefix}a.bin`, `${prefix}docs/b.txt`, `${prefix}docs/deep/c.txt`].sort());
  const human = await cli(['ls', where, '-l']);
  expect(human.stdout).toContain('docs/');
  expect(human.stdout).toMatch(/3\.0 MiB\s+\S+\s+\S+\s+a\.bin/);
});

test('download writes the same bytes, and url prints a working presigned link', async () => {
  const dir = await scratchDir('cli-download');
  const run = await cli(['download', `${where}a.bin`, `${dir}/`, '--json']);
  expect(run.code).toBe(0);
  const output = parseJsonOutput(DownloadOutput, run.stdout);
  expect(output.file).toBe(path.join(dir, 'a.bin'));
  expect(Buffer.compare(await readFile(output.file), bytes)).toBe(0);
  const url = await cli(['url', `${where}docs/b.txt`, '--json']);
  const link = parseJsonOutput(UrlOutput, url.stdout);
  expect(await (await fetch(link.url)).text()).toBe('docs/b.txt');
});

test('rm --dry-run deletes nothing; rm --recursive deletes the folder', async () => {
  const dry = await cli(['rm', '--recursive', '--dry-run', `${where}docs/`, '--json']);
  expect(dry.code).toBe(0);
  expect(parseJsonOutput(RmDryRunOutput, dry.stdout).wouldDelete.sort()).toEqual([
    `${prefix}docs/b.txt`,
    `${prefix}docs/deep/c.txt`,
  ]);
  await expect(
    s3.send(new HeadObjectCommand({ Bucket: 'uploads', Key: `${prefix}docs/b.txt` })),
  ).resolves.toBeDefined();
  const real = await cli(['rm', '--recursive', `${where}docs/`, '--json']);
  expect(real.code).toBe(0);
  expect(parseJsonOutput(RmOutput, real.stdout).deleted).toHaveLength(2);
  await expect(
    s3.send(new HeadObjectCommand({ Bucket: 'uploads', Key: `${prefix}docs/b.txt` })),
  ).rejects.toThrow();
});

test('cleanup --dry-run lists old objects and deletes nothing', async () => {
  // Everything here is seconds old: with --days 1 nothing qualifies, so ask about the future.
  const none = await cli(['cleanup', where, '--days', '1', '--dry-run', '--json']);
  expect(none.code).toBe(0);
  expect(parseJsonOutput(CleanupDryRunOutput, none.stdout).objects).toEqual([]);
  const future = await runCli(bundle, ['cleanup', where, '--days', '1', '--dry-run', '--json'], {
    configDir,
    env: {
      NODE_OPTIONS: '--import=data:text/javascript,Date.now=((n)=>()=>n()+2*86400000)(Date.now)',
    },
  });
  expect(future.code).toBe(0);
  expect(parseJsonOutput(CleanupDryRunOutput, future.stdout).objects.map((o) => o.key)).toContain(
    `${prefix}a.bin`,
  );
  await expect(
    s3.send(new HeadObjectCommand({ Bucket: 'uploads', Key: `${prefix}a.bin` })),
  ).resolves.toBeDefined();
});

test('bad arguments print a clear error and exit 2', async () => {
  const missing = await cli(['upload', 'x.bin']);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("required option '--to <location>' not specified");
  const badLocation = await cli(['ls', 'no-colon-here']);
  expect(badLocation.code).toBe(2);
  expect(badLocation.stderr).toBe(
    'error: "no-colon-here" is not a location: write conn:bucket/prefix (conn = id or name)\n',
  );
  const badNumber = await cli(['cleanup', where, '--days', 'soon']);
  expect(badNumber.code).toBe(2);
  const unknown = await cli(['frobnicate']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain("unknown command 'frobnicate'");
});

test('a path outside my grants exits 4 with the API’s reason', async () => {
  const denied = await cli(['ls', `${stack.connectionName}:uploads/someone-else/`, '--json']);
  expect(denied.code).toBe(4);
  const error = parseJsonOutput(ErrorOutput, denied.stdout).error;
  expect(error).toMatchObject({ exitCode: 4, status: 403, code: 'GRANT_DENIED' });
  expect(denied.stderr).not.toMatch(/\n\s+at /); // no stack trace
  const file = path.join(await scratchDir('cli-denied'), 'denied.txt');
  await writeFile(file, 'not for there');
  const upload = await cli(['upload', file, '--to', `${stack.connectionName}:uploads/nope/`]);
  expect(upload.code).toBe(4);
  expect(upload.stdout).toContain('failed');
});

test('without credentials a command exits 3', async () => {
  const empty = await scratchDir('cli-empty');
  const run = await runCli(bundle, ['ls', '--url', stack.url], { configDir: empty });
  expect(run.code).toBe(3);
  expect(run.stderr).toContain('s3am login');
});

test('upload --part-size sends parts of that size; one below S3’s minimum exits 2', async () => {
  const file = path.join(await scratchDir('cli-part-size'), 'parts.bin');
  await writeFile(file, randomBytes(20 * 1024 * 1024));
  const before = stack.proxy.puts.length;
  const run = await cli(['upload', file, '--to', where, '--part-size', '6MiB', '--json']);
  expect(run.code).toBe(0);
  const parts = stack.proxy.puts
    .slice(before)
    .filter((put) => put.key.endsWith('/parts.bin') && put.partNumber !== null)
    .map((put) => put.partNumber)
    .sort();
  expect(parts).toEqual([1, 2, 3, 4]); // 20 MiB in 6 MiB parts
  const row = await stack.ctx.db.upload.findFirstOrThrow({
    where: { key: `${prefix}parts.bin` },
    orderBy: { createdAt: 'desc' },
  });
  expect(Number(row.partSize)).toBe(6 * 1024 * 1024);

  const tooSmall = await cli(['upload', file, '--to', where, '--part-size', '1MiB']);
  expect(tooSmall.code).toBe(2);
  expect(tooSmall.stderr).toContain('--part-size must be between 5MiB and 5GiB');
});

test('url --expires sets the link’s lifetime, capped by the administrator’s maximum', async () => {
  const lifetimeOf = (stdout: string) =>
    Number(new URL(parseJsonOutput(UrlOutput, stdout).url).searchParams.get('X-Amz-Expires'));
  const short = await cli(['url', `${where}docs/b.txt`, '--expires', '2m', '--json']);
  expect(short.stderr).toBe('');
  expect(short.code).toBe(0);
  expect(lifetimeOf(short.stdout)).toBe(120);
  const long = await cli(['url', `${where}docs/b.txt`, '--expires', '7d', '--json']);
  expect(long.code).toBe(0);
  const maximum = stack.ctx.config.DOWNLOAD_URL_TTL_SECONDS;
  expect(lifetimeOf(long.stdout)).toBe(maximum);
  expect(long.stderr).toBe(`capped at ${maximum} s, the administrator's maximum\n`);
  const bad = await cli(['url', `${where}docs/b.txt`, '--expires', 'soon']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('"soon" is not a duration');
  const tooLong = await cli(['url', `${where}docs/b.txt`, '--expires', '30d']);
  expect(tooLong.code).toBe(2);
  expect(tooLong.stderr).toContain('--expires must be between 1m and 7d');
});
