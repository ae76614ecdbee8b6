// `s3am stats` and `s3am list-files` against the real API: --json output matches the contracts,
// --user narrows to one person's files (by email), non-admins get exit 4, bad --days exit 2.
import { UploadStats, UploadedFile } from '@s3am/contracts';
import { createUser, type UserFixture } from '../../api/test/test-app.js';
import {
  buildCli,
  granteeWithToken,
  runCli,
  scratchDir,
  startCliStack,
  type CliStack,
} from './cli-kit.js';
import { ErrorOutput, parseJsonOutput } from './output-schemas.js';

let stack: CliStack;
let bundle: string;
let adminConfig: string;
let carol: UserFixture;
const DAY = 86_400_000;

async function completedUpload(owner: UserFixture, key: string, size: number, daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY);
  await stack.ctx.db.upload.create({
    data: {
      ownerId: owner.id,
      connectionId: stack.connectionId,
      bucket: 'uploads',
      key,
      mode: 'single',
      size: BigInt(size),
      contentType: 'text/plain',
      partSize: BigInt(size),
      partCount: 1,
      state: 'completed',
      createdAt: at,
      completedAt: at,
    },
  });
}

beforeAll(async () => {
  [stack, bundle] = await Promise.all([startCliStack(), buildCli()]);
  adminConfig = await scratchDir('cli-reports-admin');
  const login = await runCli(
    bundle,
    ['login', '--url', stack.url, '--token', stack.admin.apiToken],
    {
      configDir: adminConfig,
    },
  );
  expect(login.code).toBe(0);
  carol = await createUser(stack.ctx.db);
  await completedUpload(carol, 'reports-cli/new.txt', 1234, 1);
  await completedUpload(carol, 'reports-cli/older.txt', 99, 3);
  await completedUpload(carol, 'reports-cli/month-old.txt', 5, 20);
}, 60_000);

afterAll(() => stack.close());

const asAdmin = (args: string[]) => runCli(bundle, args, { configDir: adminConfig });

test('stats --days 30 --json is the stats document, counting the uploads of the window', async () => {
  const run = await asAdmin(['stats', '--days', '30', '--json']);
  expect(run.code).toBe(0);
  const stats = UploadStats.parse(JSON.parse(run.stdout));
  expect(stats.days).toBe(30);
  expect(new Date(stats.to).getTime() - new Date(stats.from).getTime()).toBe(30 * DAY);
  expect(stats.uploads.completed).toBeGreaterThanOrEqual(3);
  // The top 10 by bytes. This jest worker's database holds other test files' uploads too, so
  // carol (1,338 bytes) is in it unless ten people sent more than she did.
  const bytes = stats.topUsers.map((user) => user.bytes);
  expect(bytes).toEqual([...bytes].sort((a, b) => b - a));
  const crowdedOut = stats.topUsers.length === 10 && bytes.at(-1)! > 1338;
  if (!crowdedOut)
    expect(stats.topUsers).toContainEqual({
      userId: carol.id,
      email: carol.email,
      completed: 3,
      bytes: 1338,
    });

  const text = await asAdmin(['stats', '--days', '30']);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/^Last 30 days/);
  expect(text.stdout).toContain(stats.topUsers[0]!.email);
});

test('list-files --days 7 --user EMAIL prints only that person’s files of the week', async () => {
  const run = await asAdmin(['list-files', '--days', '7', '--user', carol.email, '--json']);
  expect(run.code).toBe(0);
  const files = run.stdout
    .trim()
    .split('\n')
    .map((line) => UploadedFile.parse(JSON.parse(line)));
  expect(files.map((file) => [file.key, file.size, file.email])).toEqual([
    ['reports-cli/new.txt', 1234, carol.email],
    ['reports-cli/older.txt', 99, carol.email],
  ]);

  const text = await asAdmin(['list-files', '--days', '30', '--user', carol.email]);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain(`${stack.connectionName}:uploads/reports-cli/month-old.txt`);
  expect(text.stdout.trim().split('\n').at(-1)).toBe('3 files, 1.3 KiB');
});

test('non-admins are refused with exit 4; bad --days and unknown users exit 2 and 4', async () => {
  const uploader = await granteeWithToken(stack, 'reports-cli-uploader/');
  const configDir = await scratchDir('cli-reports-uploader');
  await runCli(bundle, ['login', '--url', stack.url, '--token', uploader.apiToken], { configDir });
  const refused = await runCli(bundle, ['stats', '--json'], { configDir });
  expect(refused.code).toBe(4);
  expect(parseJsonOutput(ErrorOutput, refused.stdout).error.status).toBe(403);

  const badDays = await asAdmin(['stats', '--days', 'lots']);
  expect(badDays.code).toBe(2);
  expect(badDays.stderr).toMatch(/--days must be a whole number/);

  const nobody = await asAdmin(['list-files', '--user', 'nobody@example.invalid']);
  expect(nobody.code).toBe(4);
  expect(nobody.stderr).toMatch(/No user nobody@example\.invalid/);
});
