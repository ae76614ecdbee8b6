// The upload engine (@s3am/uploader) against the real API over HTTP and the real local S3
// server: a file on disk goes up in parallel parts, a paused upload resumes from a new engine
// (a restarted CLI) without sending finished parts again, and the stored bytes are the file's.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { MiB } from '@s3am/contracts';
import {
  FetchPartSender,
  NodeFileSource,
  StateFileResumeStore,
  UploadTask,
  createFetchUploadApi,
} from '@s3am/uploader/node';
import { localS3Client, testTmpDir, type TestContext } from '../../../test/test-app.js';
import { createAppWithLocalConnection, signedInGrantee } from '../../../test/uploads-kit.js';

const run = `engine-${Date.now()}`;
let ctx: TestContext;
let baseUrl: string;
let token: string;
let connectionId: string;
let dir: string;

beforeAll(async () => {
  ({ ctx, connectionId } = await createAppWithLocalConnection({
    env: { UPLOAD_SINGLE_PUT_MAX_BYTES: String(MiB) },
  }));
  baseUrl = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  ({ token } = await signedInGrantee(ctx, { connectionId, prefix: `${run}/` }));
  dir = await mkdtemp(path.join(testTmpDir(), 'engine-'));
});
afterAll(() => ctx.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function fileOf(name: string, size: number) {
  const bytes = randomBytes(size);
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return { bytes, file };
}

function taskFor(file: NodeFileSource, store: StateFileResumeStore, partChecksums = false) {
  return new UploadTask({
    api: createFetchUploadApi({
      baseUrl,
      getAuthHeaders: () => ({ authorization: `Bearer ${token}` }),
    }),
    sender: new FetchPartSender(),
    file,
    store,
    concurrency: 3,
    partChecksums,
    destination: { connectionId, bucket: 'uploads', key: `${run}/${file.name}` },
  });
}

async function storedHash(key: string): Promise<string> {
  const object = await localS3Client().send(new GetObjectCommand({ Bucket: 'uploads', Key: key }));
  return sha256(await object.Body!.transformToByteArray());
}

it('uploads a file from disk in parallel parts, checking each part and the result', async () => {
  const { bytes, file } = await fileOf('whole.bin', 30 * MiB);
  const store = new StateFileResumeStore(path.join(dir, 'state-whole.json'));
  const task = taskFor(await NodeFileSource.open(file), store, true);
  const outcome = await task.start();
  expect(outcome.state).toBe('completed');
  if (outcome.state !== 'completed') return;
  expect(outcome.upload).toMatchObject({ size: bytes.length, partCount: 4 });
  expect(await storedHash(outcome.upload.key)).toBe(sha256(bytes));
  expect(task.snapshot().bytesDone).toBe(bytes.length);
});

it('resumes a paused upload in a new engine without sending finished parts again', async () => {
  const { bytes, file } = await fileOf('resume.bin', 40 * MiB);
  const store = new StateFileResumeStore(path.join(dir, 'state-resume.json'));
  const first = taskFor(await NodeFileSource.open(file), store);
  const sentFirst: number[] = [];
  first.on('part', ({ partNumber, fromServer }) => {
    if (fromServer) return;
    sentFirst.push(partNumber);
    if (sentFirst.length === 2) void first.pause();
  });
  expect((await first.start()).state).toBe('paused');

  // A new process: only the state file and the server know about the upload.
  const second = taskFor(
    await NodeFileSource.open(file),
    new StateFileResumeStore(path.join(dir, 'state-resume.json')),
  );
  const fromServer: number[] = [];
  const sentSecond: number[] = [];
  second.on('part', ({ partNumber, fromServer: held }) =>
    (held ? fromServer : sentSecond).push(partNumber),
  );
  const outcome = await second.start();
  expect(outcome.state).toBe('completed');
  if (outcome.state !== 'completed') return;
  expect(outcome.upload.id).toBe(first.upload?.id);
  expect(fromServer.length).toBeGreaterThanOrEqual(2);
  expect(sentSecond.filter((n) => fromServer.includes(n))).toEqual([]);
  expect([...fromServer, ...sentSecond].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  expect(await storedHash(outcome.upload.key)).toBe(sha256(bytes));
});
