// Resume never glues two files together nor sends a file to the wrong place: the engine against
// the real API over HTTP, PostgreSQL and the local S3 server, with real files on disk. A paused
// upload is continued only by the same content going to the same destination; another file with
// the same name, size and time starts afresh and the stale upload is aborted.
import { mkdir, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MiB, type UploadView } from '@s3am/contracts';
import { StateFileResumeStore } from '@s3am/uploader/node';
import { localS3Client, testTmpDir, type TestContext } from '../../../test/test-app.js';
import { createAppWithLocalConnection, signedInGrantee } from '../../../test/uploads-kit.js';
import {
  engineTask,
  pauseAfterParts,
  sha256,
  sha256OfFile,
  storedSha256,
  writeRandomFile,
} from '../../../test/upload-engine-kit.js';

const run = `resume-${Date.now()}`;
const SIZE = 40 * MiB; // 5 parts of 8 MiB
const MTIME = new Date('2026-03-01T12:00:00Z');
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
  dir = await mkdtemp(path.join(testTmpDir(), 'resume-'));
});
afterAll(() => ctx.close());

async function uploadState(id: string): Promise<UploadView['state']> {
  const response = await fetch(`${baseUrl}/api/uploads/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as UploadView).state;
}

/** A file in its own folder named `name`, with the shared modification time. */
async function fileIn(folder: string, name: string, bytes?: Uint8Array) {
  const at = path.join(dir, folder);
  await mkdir(at, { recursive: true });
  const written = bytes
    ? { file: path.join(at, name), bytes: Buffer.from(bytes) }
    : await writeRandomFile(at, name, SIZE);
  if (bytes) await writeFile(written.file, bytes);
  await utimes(written.file, MTIME, MTIME);
  return written;
}

function task(file: string, key: string, store: StateFileResumeStore) {
  return engineTask({ baseUrl, token, file, connectionId, key: `${run}/${key}`, store });
}

it('sends the same file to another folder there, leaving the paused upload at the first folder alone', async () => {
  const { file } = await fileIn('one', 'video.mp4');
  const store = new StateFileResumeStore(path.join(dir, 'state-folder.json'));
  const first = await task(file, 'A/video.mp4', store);
  await pauseAfterParts(first, 2);

  const second = await task(file, 'B/video.mp4', store);
  const outcome = await second.start();
  expect(outcome.state).toBe('completed');
  if (outcome.state !== 'completed') return;
  expect(outcome.upload.key).toBe(`${run}/B/video.mp4`);
  expect(outcome.upload.id).not.toBe(first.upload!.id);
  expect(await storedSha256(localS3Client(), `${run}/B/video.mp4`)).toBe(await sha256OfFile(file));
  // Nothing was completed at A/; its upload still waits to be resumed there.
  expect(await storedSha256(localS3Client(), `${run}/A/video.mp4`)).toBeNull();
  expect(await uploadState(first.upload!.id)).toBe('in_progress');
}, 60_000);

it('never resumes a different file with the same name, size and time: elsewhere it is a new upload, at the same key the stale one is aborted', async () => {
  const store = new StateFileResumeStore(path.join(dir, 'state-other.json'));
  const { file: original } = await fileIn('two', 'video.mp4');
  const { file: impostor, bytes: impostorBytes } = await fileIn('three', 'video.mp4');
  const first = await task(original, 'C/video.mp4', store);
  await pauseAfterParts(first, 1);
  const staleId = first.upload!.id;

  // Sent elsewhere: its own upload with only its own bytes; the paused one is untouched.
  const elsewhere = await task(impostor, 'D/video.mp4', store);
  const placed = await elsewhere.start();
  expect(placed.state === 'completed' && placed.upload.id).not.toBe(staleId);
  expect(await storedSha256(localS3Client(), `${run}/D/video.mp4`)).toBe(sha256(impostorBytes));
  expect(await uploadState(staleId)).toBe('in_progress');

  // Sent to the paused upload's key: the fingerprint differs, so that upload is aborted and the
  // object is the second file whole (before, it was part 1 of one file and parts 2–5 of the other).
  const same = await task(impostor, 'C/video.mp4', store);
  const discarded: string[] = [];
  same.on('discarded', ({ uploadId }) => discarded.push(uploadId));
  const outcome = await same.start();
  expect(outcome.state).toBe('completed');
  if (outcome.state !== 'completed') return;
  expect(outcome.upload.id).not.toBe(staleId);
  expect(discarded).toEqual([staleId]);
  expect(await uploadState(staleId)).toBe('aborted');
  expect(await storedSha256(localS3Client(), `${run}/C/video.mp4`)).toBe(sha256(impostorBytes));
}, 90_000);

it('catches a file that differs from the paused one only in the middle, by the MD5 of the held parts', async () => {
  const store = new StateFileResumeStore(path.join(dir, 'state-middle.json'));
  const { file: original, bytes } = await fileIn('four', 'disk.img');
  const first = await task(original, 'E/disk.img', store);
  await pauseAfterParts(first, 3);
  const staleId = first.upload!.id;

  const edited = Buffer.from(bytes);
  edited[9 * MiB] = (edited[9 * MiB]! + 1) % 256; // inside part 2; first and last blocks unchanged
  const { file: changed } = await fileIn('five', 'disk.img', edited);
  const reasons: string[] = [];
  const again = await task(changed, 'E/disk.img', store);
  again.on('discarded', ({ reason }) => reasons.push(reason));
  const outcome = await again.start();
  expect(outcome.state).toBe('completed');
  expect(reasons).toHaveLength(1);
  expect(reasons[0]).toMatch(/part 2/);
  expect(await uploadState(staleId)).toBe('aborted');
  expect(await storedSha256(localS3Client(), `${run}/E/disk.img`)).toBe(sha256(edited));
}, 90_000);

it('resumes the same file to the same key after a restart, proving the held parts first', async () => {
  const statePath = path.join(dir, 'state-same.json');
  const { file } = await fileIn('six', 'same.bin');
  const first = await task(file, 'F/same.bin', new StateFileResumeStore(statePath));
  await pauseAfterParts(first, 2);

  const second = await task(file, 'F/same.bin', new StateFileResumeStore(statePath));
  const checked: number[] = [];
  second.on('check', ({ checkedBytes }) => checked.push(checkedBytes));
  const reused: number[] = [];
  second.on('part', ({ partNumber, fromServer }) => fromServer && reused.push(partNumber));
  const outcome = await second.start();
  expect(outcome.state === 'completed' && outcome.upload.id).toBe(first.upload!.id);
  expect(reused.length).toBeGreaterThanOrEqual(2);
  expect(checked.at(-1)).toBe(reused.length * 8 * MiB);
  const state = JSON.parse(await readFile(statePath, 'utf8')) as { uploads: object };
  expect(state.uploads).toEqual({});
  expect(await storedSha256(localS3Client(), `${run}/F/same.bin`)).toBe(await sha256OfFile(file));
}, 60_000);
