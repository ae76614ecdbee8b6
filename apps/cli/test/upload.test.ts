// `s3am upload` against the real stack: a 64 MiB file with metadata and tags, Ctrl-C then the
// same command resuming without re-sending finished parts, and a directory of 50 files.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectTaggingCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { localS3Client } from '../../api/test/test-app.js';
import {
  buildCli,
  granteeWithToken,
  runCli,
  scratchDir,
  startCli,
  startCliStack,
  waitUntil,
  type CliStack,
} from './cli-kit.js';
import { LoginOutput, UploadOutput, parseJsonOutput } from './output-schemas.js';

const MiB = 1024 * 1024;
let stack: CliStack;
let bundle: string;
let s3: S3Client;

beforeAll(async () => {
  [stack, bundle] = await Promise.all([startCliStack(), buildCli()]);
  s3 = localS3Client();
}, 60_000);

afterAll(async () => {
  s3.destroy();
  await stack.close();
});

/** A config dir signed in (with a personal API token) as a new grantee of `prefix`. */
async function signedInConfig(prefix: string): Promise<string> {
  const user = await granteeWithToken(stack, prefix);
  const configDir = await scratchDir('cli-config');
  const login = await runCli(bundle, ['--json', 'login', '--url', stack.url], {
    configDir,
    env: { S3AM_TOKEN: user.apiToken },
  });
  expect(login.code).toBe(0);
  expect(parseJsonOutput(LoginOutput, login.stdout).user.email).toBe(user.email);
  return configDir;
}

test('uploads a 64 MiB file with metadata and tags that S3 then holds', async () => {
  const prefix = `cli-big-${Date.now()}/`;
  const configDir = await signedInConfig(prefix);
  const dir = await scratchDir('cli-big');
  const file = path.join(dir, 'big.bin');
  await writeFile(file, randomBytes(64 * MiB));
  const run = await runCli(
    bundle,
    [
      'upload',
      file,
      '--to',
      `${stack.connectionName}:uploads/${prefix}`,
      '--metadata',
      'project=apollo',
      '--metadata-json',
      '{"owner":"ops"}',
      '--tags',
      'team=data',
      '--tags-json',
      '{"retention":"short"}',
      '--json',
    ],
    { configDir },
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const output = parseJsonOutput(UploadOutput, run.stdout);
  expect(output.files).toEqual([
    expect.objectContaining({ key: `${prefix}big.bin`, size: 64 * MiB, state: 'completed' }),
  ]);
  const head = await s3.send(new HeadObjectCommand({ Bucket: 'uploads', Key: `${prefix}big.bin` }));
  expect(head.ContentLength).toBe(64 * MiB);
  expect(head.Metadata).toEqual({ project: 'apollo', owner: 'ops' });
  const tagging = await s3.send(
    new GetObjectTaggingCommand({ Bucket: 'uploads', Key: `${prefix}big.bin` }),
  );
  expect(Object.fromEntries((tagging.TagSet ?? []).map((tag) => [tag.Key, tag.Value]))).toEqual({
    team: 'data',
    retention: 'short',
  });
}, 120_000);

test('Ctrl-C pauses an upload and the same command resumes it without re-sending finished parts', async () => {
  const prefix = `cli-resume-${Date.now()}/`;
  const configDir = await signedInConfig(prefix);
  const dir = await scratchDir('cli-resume');
  const file = path.join(dir, 'resume.bin');
  await writeFile(file, randomBytes(40 * MiB)); // 5 parts of 8 MiB
  const key = `/uploads/${prefix}resume.bin`;
  const args = [
    'upload',
    file,
    '--to',
    `${stack.connectionName}:uploads/${prefix}`,
    '--concurrency',
    '4',
  ];
  const finished = () =>
    stack.proxy.puts
      .filter((put) => put.key === key && put.status === 200)
      .map((put) => put.partNumber!);

  // Parts above 2 are held at the proxy: the upload stays in flight with parts 1 and 2 in S3.
  stack.proxy.holdPartsAbove = 2;
  const first = startCli(bundle, args, { configDir });
  await waitUntil(() => finished().length === 2, 'parts 1 and 2 to reach S3');
  first.child.kill('SIGINT');
  const interrupted = await first.done;
  expect(interrupted.code).toBe(130);
  expect(interrupted.stderr).toContain('run the same command again to resume');
  const sentBefore = new Set(finished());
  expect([...sentBefore].sort()).toEqual([1, 2]);

  stack.proxy.holdPartsAbove = null;
  const putsBefore = stack.proxy.puts.length;
  const second = await runCli(bundle, args, { configDir });
  expect(second.stderr).toBe('1 uploaded, 0 failed.\n');
  expect(second.code).toBe(0);
  expect(second.stdout).toContain('(resumed)');
  const resentParts = stack.proxy.puts
    .slice(putsBefore)
    .filter((put) => put.key === key)
    .map((put) => put.partNumber);
  expect(resentParts.sort()).toEqual([3, 4, 5]);
  const head = await s3.send(
    new HeadObjectCommand({ Bucket: 'uploads', Key: `${prefix}resume.bin` }),
  );
  expect(head.ContentLength).toBe(40 * MiB);
}, 120_000);

test('uploads a directory of 50 files keeping its structure', async () => {
  const prefix = `cli-dir-${Date.now()}/`;
  const configDir = await signedInConfig(prefix);
  const root = path.join(await scratchDir('cli-dir'), 'photos');
  const expected: string[] = [];
  for (let i = 0; i < 50; i++) {
    const sub = i % 2 === 0 ? 'even' : 'odd/deeper';
    await mkdir(path.join(root, sub), { recursive: true });
    await writeFile(path.join(root, sub, `file-${i}.txt`), `file ${i}\n`.repeat(i + 1));
    expected.push(`${prefix}photos/${sub}/file-${i}.txt`);
  }
  const run = await runCli(
    bundle,
    ['upload', root, '--to', `${stack.connectionName}:uploads/${prefix}`, '--json'],
    { configDir },
  );
  expect(run.code).toBe(0);
  const output = parseJsonOutput(UploadOutput, run.stdout);
  expect(output.completed).toBe(50);
  expect(output.files.map((f) => f.key).sort()).toEqual(expected.sort());
  const head = await s3.send(
    new HeadObjectCommand({ Bucket: 'uploads', Key: `${prefix}photos/odd/deeper/file-49.txt` }),
  );
  expect(head.ContentLength).toBe('file 49\n'.length * 50);
}, 120_000);
