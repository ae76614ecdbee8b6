import { blobFileSource } from './file-source.js';
import { type PartSender } from './part-sender.js';
import { MemoryResumeStore } from './resume-store.js';
import { SmallUploadBatcher } from './small-upload-batcher.js';
import { FakeS3Sender, FakeUploadApi } from './test-fakes.js';
import { NetworkError } from './upload-errors.js';
import { UploadQueue } from './upload-queue.js';
import { UploadTask } from './upload-task.js';

const CONNECTION = '00000000-0000-4000-8000-00000000000c';

function setup(
  options: { deniedKeys?: string[]; sendConcurrency?: number; completeLingerMs?: number } = {},
) {
  const api = new FakeUploadApi({ partSize: 10, singlePutMaxBytes: 64, ...options });
  const s3 = new FakeS3Sender(api);
  let inFlight = 0;
  let maxInFlight = 0;
  const sender: PartSender = {
    send: async (request) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        return await s3.send(request);
      } finally {
        inFlight--;
      }
    },
  };
  const small = new SmallUploadBatcher({
    api,
    maxBytes: 64,
    sendConcurrency: options.sendConcurrency,
    completeLingerMs: options.completeLingerMs,
  });
  const store = new MemoryResumeStore();
  const task = (name: string, size: number): UploadTask =>
    new UploadTask({
      api,
      sender,
      small,
      store,
      file: blobFileSource(new Blob([new Uint8Array(size).fill(size % 251)]), {
        name,
        lastModified: 1,
      }),
      destination: { connectionId: CONNECTION, bucket: 'uploads', key: name },
      backoff: { random: () => 0 },
    });
  return { api, s3, small, store, task, maxInFlight: () => maxInFlight };
}

describe('small files through the batch routes', () => {
  it('creates, signs and completes 250 small files in a few calls, each with its own task', async () => {
    const { api, task, small } = setup();
    const queue = new UploadQueue({ concurrency: 2 });
    const tasks = Array.from({ length: 250 }, (_, i) => task(`f/${i}.txt`, 1 + (i % 60)));
    const big = task('big.bin', 95);
    for (const t of [...tasks, big]) queue.add(t);
    await queue.drain();
    expect(tasks.every((t) => t.state === 'completed' && t.upload?.mode === 'single')).toBe(true);
    expect(tasks.every((t) => t.snapshot().fraction === 1)).toBe(true);
    expect(big.state).toBe('completed');
    expect(big.upload?.mode).toBe('multipart');
    // Only the big file used the one-file calls.
    expect(api.callsOf('create')).toHaveLength(1);
    expect(api.callsOf('complete')).toHaveLength(1);
    const creates = api.callsOf('createBatch').map(([keys]) => (keys as string[]).length);
    expect(creates.reduce((sum, n) => sum + n, 0)).toBe(250);
    // Batches fill while earlier ones are in flight, so how full each is depends on timing (4 calls
    // on an idle machine, 5 seen under load); what must hold is many files per call, never one each.
    expect(creates.length).toBeLessThanOrEqual(25);
    expect(creates.every((n) => n <= 100)).toBe(true);
    const completes = api.callsOf('completeBatch').map(([ids]) => (ids as string[]).length);
    expect(completes.reduce((sum, n) => sum + n, 0)).toBe(250);
    expect(small.calls.create).toBe(creates.length);
    expect(queue.progress()).toMatchObject({ fraction: 1 });
    queue.dispose();
  });

  it('fails a refused file on its own while the others in its batch complete', async () => {
    const { task } = setup({ deniedKeys: ['f/2.txt'] });
    const queue = new UploadQueue();
    const tasks = Array.from({ length: 5 }, (_, i) => task(`f/${i}.txt`, 10));
    for (const t of tasks) queue.add(t);
    await queue.drain();
    expect(tasks.map((t) => t.state)).toEqual([
      'completed',
      'completed',
      'failed',
      'completed',
      'completed',
    ]);
    expect(tasks[2]!.error).toMatchObject({ status: 403, code: 'GRANT_DENIED' });
    queue.dispose();
  });

  it('bounds the PUTs in flight across every small file', async () => {
    const { task, maxInFlight } = setup({ sendConcurrency: 3 });
    const queue = new UploadQueue();
    for (let i = 0; i < 40; i++) queue.add(task(`f/${i}.txt`, 20));
    await queue.drain();
    expect(maxInFlight()).toBeLessThanOrEqual(3);
    queue.dispose();
  });

  it('retries a batch call that failed as a whole, file by file rejoining a batch', async () => {
    const { api, task } = setup();
    const createBatch = api.createBatch.bind(api);
    let failures = 1;
    api.createBatch = async (items) => {
      if (failures-- > 0) throw new NetworkError('connection reset');
      return createBatch(items);
    };
    const queue = new UploadQueue();
    const tasks = Array.from({ length: 10 }, (_, i) => task(`f/${i}.txt`, 10));
    for (const t of tasks) queue.add(t);
    await queue.drain();
    expect(tasks.every((t) => t.state === 'completed')).toBe(true);
    expect(api.callsOf('createBatch').length).toBeGreaterThanOrEqual(1);
    queue.dispose();
  });

  it('resumes a paused small file with the upload it created (no second create)', async () => {
    const { api, s3, task, store } = setup();
    s3.hold = true;
    const one = task('f/a.txt', 30);
    const run = one.start();
    await s3.until(() => s3.heldParts().length === 1);
    await one.pause();
    expect((await run).state).toBe('paused');
    expect(await store.get(one.resumeKey)).toMatchObject({ uploadId: one.upload!.id });
    s3.hold = false;
    expect((await one.resume()).state).toBe('completed');
    expect(api.callsOf('createBatch')).toHaveLength(1);
    expect(api.callsOf('create')).toHaveLength(0);
    expect(api.callsOf('signParts')).toHaveLength(1); // a fresh URL for the second try
  });

  it('completes at once when no other small file is being sent (no lingering for company)', async () => {
    // Ten minutes of lingering would time the test out: the lone file must not wait for it.
    const { api, task } = setup({ completeLingerMs: 600_000 });
    const lone = task('f/lone.txt', 12);
    expect((await lone.start()).state).toBe('completed');
    expect(api.callsOf('completeBatch')).toHaveLength(1);
  });
});
