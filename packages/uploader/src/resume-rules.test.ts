// Which earlier upload a file may continue: same destination and proven same content, else a
// fresh upload (and the stale one aborted). Engine-level, with the in-memory API and S3.
import { contentFingerprint } from './content-fingerprint.js';
import { blobFileSource, type FileSource } from './file-source.js';
import { MemoryResumeStore, resumeKeyOf } from './resume-store.js';
import { FakeS3Sender, FakeUploadApi } from './test-fakes.js';
import { NetworkError } from './upload-errors.js';
import { UploadTask, type UploadTaskOptions } from './upload-task.js';
import { type UploadDestination } from './upload-preparation.js';

const CONNECTION = '00000000-0000-4000-8000-00000000000c';
const PART = 10;
const MTIME = 1_700_000_000_000;
const at = (key: string): UploadDestination => ({
  connectionId: CONNECTION,
  bucket: 'uploads',
  key,
});

function bytesOf(size: number, seed: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(size).map((_, index) => (index * 7 + seed) % 251);
}

function fileOf(bytes: Uint8Array<ArrayBuffer>, name = 'video.mp4'): FileSource {
  return blobFileSource(new Blob([bytes]), { name, lastModified: MTIME });
}

function world(etags: 'md5' | 'opaque' = 'md5') {
  const api = new FakeUploadApi({ partSize: PART, etags });
  const sender = new FakeS3Sender(api);
  const store = new MemoryResumeStore();
  const task = (
    file: FileSource,
    destination: UploadDestination,
    extra: Partial<UploadTaskOptions> = {},
  ) =>
    new UploadTask({
      api,
      sender,
      store,
      file,
      destination,
      backoff: { random: () => 0 },
      ...extra,
    });
  /** Starts `file` to `destination` and pauses it once `parts` parts are in S3. */
  const pausedAfter = async (file: FileSource, destination: UploadDestination, parts: number) => {
    const first = task(file, destination, { concurrency: 1 });
    let sent = 0;
    first.on('part', () => {
      if (++sent === parts) void first.pause();
    });
    expect((await first.start()).state).toBe('paused');
    return first.upload!;
  };
  /** The object S3 assembled for an upload: its parts' bytes in order. */
  const stored = (uploadId: string) => api.uploads.get(uploadId)!;
  return { api, sender, store, task, pausedAfter, stored };
}

describe('resume rules', () => {
  it('sends the same file to another folder as a new upload and leaves the paused one alone', async () => {
    const { api, store, task, pausedAfter } = world();
    const file = fileOf(bytesOf(45, 1));
    const paused = await pausedAfter(file, at('A/video.mp4'), 2);

    const outcome = await task(file, at('B/video.mp4')).start();
    expect(outcome.state).toBe('completed');
    if (outcome.state !== 'completed') return;
    expect(outcome.upload.key).toBe('B/video.mp4');
    expect(outcome.upload.id).not.toBe(paused.id);
    expect(api.uploads.get(paused.id)!.view.state).toBe('in_progress');
    expect(api.callsOf('abort')).toEqual([]);
    expect(await store.get(resumeKeyOf(at('A/video.mp4')))).toBeDefined();
  });

  it('never resumes a different file with the same name, size and time sent to the same key', async () => {
    const { api, sender, task, pausedAfter } = world();
    const paused = await pausedAfter(fileOf(bytesOf(45, 1)), at('A/video.mp4'), 2);
    const other = task(fileOf(bytesOf(45, 2)), at('A/video.mp4'));
    const discarded: string[] = [];
    other.on('discarded', ({ uploadId, reason }) => discarded.push(`${uploadId}: ${reason}`));

    const outcome = await other.start();
    expect(outcome.state).toBe('completed');
    if (outcome.state !== 'completed') return;
    expect(outcome.upload.id).not.toBe(paused.id);
    expect(api.callsOf('abort')).toEqual([[paused.id]]);
    expect(discarded[0]).toMatch(/first and last blocks/);
    // Every part of the new upload came from the second file.
    expect(sender.puts.filter((put) => put.uploadId === outcome.upload.id)).toHaveLength(5);
  });

  it('catches a file that differs only in the middle by checking the held parts', async () => {
    const { api, task, pausedAfter } = world();
    const original = bytesOf(45, 1);
    const paused = await pausedAfter(fileOf(original), at('A/video.mp4'), 3);
    const edited = original.slice();
    edited[15] = (edited[15]! + 1) % 256; // part 2; the first and last blocks are the same
    const other = task(fileOf(edited), at('A/video.mp4'));
    const reasons: string[] = [];
    other.on('discarded', ({ reason }) => reasons.push(reason));

    const outcome = await other.start();
    expect(outcome.state).toBe('completed');
    expect(api.callsOf('abort')).toEqual([[paused.id]]);
    expect(reasons[0]).toMatch(/part 2 .*MD5/);
  });

  it('resumes the same file to the same key, reusing only proven parts', async () => {
    const { sender, task, pausedAfter } = world();
    const file = fileOf(bytesOf(45, 1));
    const paused = await pausedAfter(file, at('A/video.mp4'), 2);
    const again = task(fileOf(bytesOf(45, 1)), at('A/video.mp4'));
    const checks: number[] = [];
    again.on('check', ({ checkedBytes }) => checks.push(checkedBytes));
    const outcome = await again.start();
    expect(outcome.state === 'completed' && outcome.upload.id).toBe(paused.id);
    expect(checks).toEqual([10, 20]);
    // Parts 1 and 2 were proven and kept; each part went up exactly once in all.
    for (const part of [1, 2, 3, 4, 5]) expect(sender.storedPuts(part)).toBe(1);
  });

  it('with ETags that are not MD5s, proves parts by the SHA-256 kept in the record', async () => {
    const { api, store, task, pausedAfter } = world('opaque');
    const file = fileOf(bytesOf(45, 1));
    const paused = await pausedAfter(file, at('A/video.mp4'), 2);
    const record = await store.get(resumeKeyOf(at('A/video.mp4')));
    expect(record?.etagKind).toBe('opaque');
    expect(Object.keys(record?.partHashes ?? {}).sort()).toEqual(['1', '2']);

    const outcome = await task(fileOf(bytesOf(45, 1)), at('A/video.mp4')).start();
    expect(outcome.state === 'completed' && outcome.upload.id).toBe(paused.id);

    const changed = bytesOf(45, 1);
    changed[12] = 0;
    const { api: api2, task: task2, pausedAfter: pause2 } = world('opaque');
    const first = await pause2(fileOf(bytesOf(45, 1)), at('A/video.mp4'), 2);
    expect((await task2(fileOf(changed), at('A/video.mp4')).start()).state).toBe('completed');
    expect(api2.callsOf('abort')).toEqual([[first.id]]);
    expect(api.callsOf('abort')).toEqual([]);
  });

  it('resumes an upload started elsewhere only when every held part matches by MD5', async () => {
    const { api, sender, task } = world();
    const bytes = bytesOf(45, 1);
    const elsewhere = api.seed(45, CONNECTION, 'uploads', 'A/video.mp4');
    api.storePart(elsewhere.id, 1, bytes.subarray(0, 10));
    api.storePart(elsewhere.id, 2, bytes.subarray(10, 20));
    const same = task(fileOf(bytes), at('A/video.mp4'), { candidateUploadId: elsewhere.id });
    const outcome = await same.start();
    expect(outcome.state === 'completed' && outcome.upload.id).toBe(elsewhere.id);
    expect(sender.storedPuts(1)).toBe(0);

    const other = api.seed(45, CONNECTION, 'uploads', 'B/video.mp4');
    api.storePart(other.id, 1, bytesOf(10, 9));
    const mismatched = task(fileOf(bytes), at('B/video.mp4'), { candidateUploadId: other.id });
    const result = await mismatched.start();
    expect(result.state === 'completed' && result.upload.id).not.toBe(other.id);
    expect(api.callsOf('abort')).toEqual([[other.id]]);
  });

  it('refuses a candidate from elsewhere that goes to another destination, without aborting it', async () => {
    const { api, task } = world();
    const elsewhere = api.seed(45, CONNECTION, 'uploads', 'A/video.mp4');
    const outcome = await task(fileOf(bytesOf(45, 1)), at('B/video.mp4'), {
      candidateUploadId: elsewhere.id,
    }).start();
    expect(outcome.state === 'completed' && outcome.upload.key).toBe('B/video.mp4');
    expect(api.callsOf('abort')).toEqual([]);
  });

  it('records the fingerprint of the file when the upload starts', async () => {
    const { store, pausedAfter } = world();
    const file = fileOf(bytesOf(45, 1));
    await pausedAfter(file, at('A/video.mp4'), 1);
    const record = await store.get(resumeKeyOf(at('A/video.mp4')));
    expect(record).toMatchObject({
      destinationKey: 'A/video.mp4',
      etagKind: 'md5',
      file: { name: 'video.mp4', size: 45, lastModified: MTIME },
      fingerprint: await contentFingerprint(file, PART),
    });
  });
});

describe('riding through faults', () => {
  it('keeps retrying a part far beyond a handful of failures', async () => {
    const { sender, task } = world();
    sender.failWith(2, ...Array.from({ length: 25 }, () => new NetworkError('refused')));
    const retries: number[] = [];
    const upload = task(fileOf(bytesOf(45, 1)), at('A/x.bin'));
    upload.on('retry', ({ partNumber }) => partNumber !== null && retries.push(partNumber));
    expect((await upload.start()).state).toBe('completed');
    expect(retries).toHaveLength(25);
  });

  it('waits while offline instead of failing, and goes on when the connection is back', async () => {
    const { sender, task } = world();
    let online = false;
    let wake: () => void = () => undefined;
    sender.failWith(3, new NetworkError('offline'));
    const upload = task(fileOf(bytesOf(45, 1)), at('A/x.bin'), {
      connectivity: {
        online: () => online,
        whenOnline: () => new Promise<void>((done) => (wake = done)),
      },
    });
    const wentOffline = new Promise<void>((resolve) =>
      upload.on('retry', ({ offline }) => offline && resolve()),
    );
    const run = upload.start();
    await wentOffline;
    expect(upload.state).toBe('uploading');
    online = true;
    wake();
    expect((await run).state).toBe('completed');
  });
});
