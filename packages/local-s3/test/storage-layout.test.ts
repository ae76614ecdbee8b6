// The local server's files on disk: data written by earlier versions stays readable, keys that no
// file system path can hold verbatim (long segments, `..`, empty segments) survive a restart, and
// no key reaches outside its bucket's folder. Local server only.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { LOCAL_KEYS, s3Client, startLocalProcess, type LocalProcess } from './s3-target.js';
import { md5Hex } from './s3-assertions.js';

const describeLocal = process.env.S3_CONFORMANCE_ENDPOINT ? describe.skip : describe;

describeLocal('the on-disk layout', () => {
  let directory: string;
  let server: LocalProcess | undefined;
  let s3: S3Client | undefined;

  async function start() {
    server = await startLocalProcess(directory);
    s3 = s3Client(server.endpoint, 'us-east-1', LOCAL_KEYS.accessKeyId, LOCAL_KEYS.secretAccessKey);
    return s3;
  }
  async function stop() {
    s3?.destroy();
    await server?.stop();
  }
  async function read(client: S3Client, key: string) {
    const object = await client.send(new GetObjectCommand({ Bucket: 'uploads', Key: key }));
    return Buffer.from(await object.Body!.transformToByteArray()).toString();
  }
  async function list(client: S3Client, prefix = '') {
    const page = await client.send(new ListObjectsV2Command({ Bucket: 'uploads', Prefix: prefix }));
    return (page.Contents ?? []).map((object) => object.Key);
  }

  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 's3am-layout-'));
  });
  afterEach(async () => {
    await stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('serves objects written in the earlier layout (<key>._S3rver_object beside its metadata)', async () => {
    const folder = path.join(directory, 'uploads', 'team', 'old');
    await mkdir(folder, { recursive: true });
    const content = 'written by an earlier version';
    await writeFile(path.join(folder, 'report (1).pdf._S3rver_object'), content);
    await writeFile(
      path.join(folder, 'report (1).pdf._S3rver_metadata.json'),
      JSON.stringify({ 'content-type': 'application/pdf' }),
    );
    await writeFile(
      path.join(folder, 'report (1).pdf._S3rver_object.md5'),
      md5Hex(Buffer.from(content)),
    );

    const client = await start();
    expect(await list(client, 'team/')).toEqual(['team/old/report (1).pdf']);
    expect(await read(client, 'team/old/report (1).pdf')).toBe(content);
    await client.send(
      new DeleteObjectCommand({ Bucket: 'uploads', Key: 'team/old/report (1).pdf' }),
    );
    expect(await list(client, 'team/')).toEqual([]);
    // Emptied folders are removed, as before.
    expect(await readdir(path.join(directory, 'uploads'))).not.toContain('team');
  });

  it('keeps keys no path can hold verbatim across a restart, each in its own place', async () => {
    const keys = [
      `long/${'漢'.repeat(300)}`,
      `${'é'.repeat(200)}/inside/${'x'.repeat(400)}`,
      'dots/../escape.txt',
      '../outside.txt',
      'a//b',
      'a/./b',
      '._S3rver_uploads/not-an-upload',
      'plain/._S3rver_object',
      'folder/',
    ];
    let client = await start();
    for (const key of keys) {
      await client.send(new PutObjectCommand({ Bucket: 'uploads', Key: key, Body: `is ${key}` }));
    }
    await stop();
    client = await start();

    expect(await list(client)).toEqual(
      [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
    );
    for (const key of keys) expect(await read(client, key)).toBe(`is ${key}`);
    // Nothing was written beside the bucket's folder.
    expect((await readdir(directory)).sort()).toEqual(['uploads']);
  });
});
