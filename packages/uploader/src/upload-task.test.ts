import { blobFileSource, type FileSource } from './file-source.js';
import { contentFingerprint } from './content-fingerprint.js';
import { MemoryResumeStore, resumeKeyOf, type ResumeRecord } from './resume-store.js';
import { FakeS3Sender, FakeUploadApi } from './test-fakes.js';
import {
  EtagNotExposedError,
  HttpError,
  NetworkError,
  UploadVerificationError,
} from './upload-errors.js';
import { UploadTask, type UploadTaskOptions, type UploadTaskState } from './upload-task.js';

const CONNECTION = '00000000-0000-4000-8000-00000000000c';
const PART = 10;
const DESTINATION = { connectionId: CONNECTION, bucket: 'uploads', key: 'file.bin' };
const RESUME_KEY = resumeKeyOf(DESTINATION);

/** The record a previous session kept for `file` going to DESTINATION as `uploadId`. */
async function recordOf(file: FileSource, uploadId: string): Promise<ResumeRecord> {
  return {
    uploadId,
    key: DESTINATION.key,
    bucket: DESTINATION.bucket,
    connectionId: CONNECTION,
    destinationKey: DESTINATION.key,
    partSize: PART,
    createdAt: new Date().toISOString(),
    file: { name: file.name, size: file.size, lastModified: file.lastModified },
    fingerprint: await contentFingerprint(file, PART),
  };
}

function contentOf(size: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(size).map((_, index) => index % 251);
}

function fileOf(size: number, name = 'file.bin'): FileSource {
  return blobFileSource(new Blob([contentOf(size)]), { name, lastModified: 1_700_000_000_000 });
}

function setup(size: number, options: Partial<UploadTaskOptions> = {}) {
  const api = new FakeUploadApi({ partSize: PART, listPageSize: 2 });
  const sender = new FakeS3Sender(api);
  const store = new MemoryResumeStore();
  const file = fileOf(size);
  const make = (): UploadTask =>
    new UploadTask({
      api,
      sender,
      file,
      store,
      destination: DESTINATION,
      backoff: { random: () => 0 },
      ...options,
    });
  return { api, sender, store, file, make };
}

function statesOf(task: UploadTask): UploadTaskState[] {
  const states: UploadTaskState[] = [];
  task.on('state', ({ state }) => states.push(state));
  return states;
}

describe('UploadTask', () => {
  it('uploads every part, completes with the ordered list and verifies the result', async () => {
    const { api, sender, store, make } = setup(95);
    const task = make();
    const states = statesOf(task);
    const outcome = await task.start();
    expect(outcome.state).toBe('completed');
    expect(states).toEqual(['preparing', 'uploading', 'completing', 'completed']);
    const [, parts] = api.callsOf('complete')[0] as [string, { partNumber: number }[]];
    expect(parts.map((part) => part.partNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(
      sender.puts.every((put) => put.headers['x-amz-server-side-encryption'] === 'AES256'),
    ).toBe(true);
    expect(task.snapshot().bytesDone).toBe(95);
    expect(await store.get(RESUME_KEY)).toBeUndefined();
  });

  it('signs in batches of at most the batch size, not once per part', async () => {
    const { api, make } = setup(95, { concurrency: 2, signBatchSize: 4 });
    await make().start();
    const batches = api.callsOf('signParts').map(([, numbers]) => numbers as number[]);
    expect(batches.every((numbers) => numbers.length <= 4)).toBe(true);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(batches.length).toBeLessThanOrEqual(4);
  });

  it('keeps at most `concurrency` parts in flight', async () => {
    const { sender, make } = setup(95, { concurrency: 3 });
    sender.hold = true;
    const run = make().start();
    for (let released = 0; released < 10; released++) {
      await sender.until(() => sender.heldParts().length > 0);
      expect(sender.inFlight.size).toBeLessThanOrEqual(3);
      sender.release(sender.heldParts()[0]!);
    }
    expect((await run).state).toBe('completed');
    expect(sender.maxInFlight).toBe(3);
  });

  it('resumes from the server truth: skips parts S3 holds with the right size, resends the rest', async () => {
    const { api, sender, store, file, make } = setup(45);
    const previous = api.seed(45, CONNECTION, 'uploads', DESTINATION.key);
    const bytes = contentOf(45);
    api.storePart(previous.id, 1, bytes.subarray(0, 10));
    api.storePart(previous.id, 2, bytes.subarray(10, 20));
    api.storePart(previous.id, 3, bytes.subarray(20, 24)); // cut short by a crash: wrong size
    await store.put(RESUME_KEY, await recordOf(file, previous.id));
    const task = make();
    const fromServer: number[] = [];
    task.on('part', (part) => part.fromServer && fromServer.push(part.partNumber));
    const outcome = await task.start();
    expect(outcome.state).toBe('completed');
    expect(api.callsOf('create')).toHaveLength(0);
    expect(api.callsOf('listParts').length).toBeGreaterThan(1); // every page was read
    expect(fromServer).toEqual([1, 2]);
    expect(sender.puts.map((put) => put.partNumber).sort()).toEqual([3, 4, 5]);
  });

  it.each(['completed', 'aborted'] as const)(
    'starts fresh when the remembered upload is %s on the server',
    async (state) => {
      const { api, store, file, make } = setup(25);
      const previous = api.seed(25, CONNECTION, 'uploads', DESTINATION.key);
      api.uploads.get(previous.id)!.view.state = state;
      await store.put(RESUME_KEY, await recordOf(file, previous.id));
      const outcome = await make().start();
      expect(outcome.state).toBe('completed');
      expect(api.callsOf('create')).toHaveLength(1);
    },
  );

  it('starts fresh when the remembered upload is gone', async () => {
    const { api, store, file, make } = setup(25);
    await store.put(RESUME_KEY, await recordOf(file, '00000000-0000-4000-8000-0000000000ff'));
    expect((await make().start()).state).toBe('completed');
    expect(api.callsOf('create')).toHaveLength(1);
  });

  it('signs the URL again after S3 says "Request has expired", then sends the part', async () => {
    const { api, sender, make } = setup(35, { concurrency: 1, signBatchSize: 10 });
    sender.failWith(2, new HttpError(403, '<Error><Message>Request has expired</Message></Error>'));
    const outcome = await make().start();
    expect(outcome.state).toBe('completed');
    const signed = api.callsOf('signParts').map(([, numbers]) => numbers as number[]);
    expect(signed).toHaveLength(2);
    expect(signed[1]![0]).toBe(2);
    const part2 = sender.puts.filter((put) => put.partNumber === 2);
    expect(part2.map((put) => put.outcome)).toEqual(['failed', 'stored']);
    expect(part2[0]!.url).not.toBe(part2[1]!.url);
  });

  it('retries a part after a 503 and gives up on a 400', async () => {
    const retried = setup(25);
    retried.sender.failWith(1, new HttpError(503, ''), new HttpError(500, ''));
    const task = retried.make();
    const retries: (number | null)[] = [];
    task.on('retry', ({ partNumber }) => retries.push(partNumber));
    expect((await task.start()).state).toBe('completed');
    expect(retries).toEqual([1, 1]);

    const refused = setup(25);
    refused.sender.failWith(2, new HttpError(400, 'bad'));
    const failing = refused.make();
    const errors: string[] = [];
    failing.on('error', ({ message }) => errors.push(message));
    const outcome = await failing.start();
    expect(outcome.state).toBe('failed');
    expect(errors).toHaveLength(1);
    expect(refused.api.callsOf('complete')).toHaveLength(0);
  });

  it('pauses without losing finished parts and resumes without sending them twice', async () => {
    const { api, sender, store, make } = setup(55, { concurrency: 2 });
    sender.hold = true;
    const task = make();
    const run = task.start();
    await sender.until(() => sender.heldParts().length === 2);
    sender.release(1);
    sender.release(2);
    await sender.until(() => sender.storedPuts(2) === 1 && sender.heldParts().length === 2);
    await task.pause();
    expect(await run).toEqual({ state: 'paused' });
    expect(task.state).toBe('paused');
    expect(task.snapshot().bytesDone).toBe(20);
    expect(await store.get(RESUME_KEY)).toBeDefined();

    sender.hold = false;
    expect((await task.resume()).state).toBe('completed');
    for (let part = 1; part <= 6; part++) expect(sender.storedPuts(part)).toBe(1);
    expect(api.callsOf('create')).toHaveLength(1);
  });

  it('cancels: stops the parts, aborts the upload on the server and forgets it', async () => {
    const { api, sender, store, make } = setup(55);
    sender.hold = true;
    const task = make();
    const run = task.start();
    await sender.until(() => sender.heldParts().length > 0);
    await task.cancel();
    expect(await run).toEqual({ state: 'cancelled' });
    expect(task.state).toBe('cancelled');
    expect(api.callsOf('abort')).toEqual([[task.upload!.id]]);
    expect(sender.inFlight.size).toBe(0);
    expect(await store.get(RESUME_KEY)).toBeUndefined();
  });

  it('uploads an empty file as one empty part', async () => {
    const { sender, make } = setup(0);
    const outcome = await make().start();
    expect(outcome.state).toBe('completed');
    expect(sender.puts).toHaveLength(1);
  });

  it('fails at once with the CORS advice when S3 hides the ETag', async () => {
    const { sender, make } = setup(25);
    sender.failWith(1, new EtagNotExposedError());
    const outcome = await make().start();
    expect(outcome.state).toBe('failed');
    if (outcome.state === 'failed') expect(outcome.message).toMatch(/ExposeHeaders.*ETag/);
    expect(sender.puts.filter((put) => put.partNumber === 1)).toHaveLength(1);
  });

  it('accepts a complete whose answer was lost when the server says it happened', async () => {
    const { api, make } = setup(25, { backoff: { random: () => 0, maxAttempts: 2 } });
    const complete = api.complete.bind(api);
    api.complete = async (uploadId, parts) => {
      await complete(uploadId, parts);
      throw new NetworkError('connection reset');
    };
    const outcome = await make().start();
    expect(outcome.state).toBe('completed');
  });

  it('fails when the assembled object does not match the parts sent', async () => {
    const { api, store, make } = setup(25);
    const complete = api.complete.bind(api);
    api.complete = async (uploadId, parts) => ({
      ...(await complete(uploadId, parts)),
      etag: '"00000000000000000000000000000000-3"',
    });
    const outcome = await make().start();
    expect(outcome.state).toBe('failed');
    if (outcome.state === 'failed') expect(outcome.error).toBeInstanceOf(UploadVerificationError);
    expect(await store.get(RESUME_KEY)).toBeUndefined();
  });

  it('cancels a paused task once, however often it is asked, and never starts it again', async () => {
    const { api, sender, make } = setup(55);
    sender.hold = true;
    const task = make();
    const run = task.start();
    await sender.until(() => sender.heldParts().length > 0);
    await task.pause();
    expect((await run).state).toBe('paused');
    await Promise.all([task.cancel(), task.cancel()]);
    expect(task.state).toBe('cancelled');
    expect(api.callsOf('abort')).toHaveLength(1);
    expect(await task.start()).toEqual({ state: 'cancelled' });
  });

  it('judges URL freshness by the server clock: a client 2 h ahead signs a 10-part upload once', async () => {
    const skewed = () => Date.now() + 2 * 3_600_000;
    const { api, make } = setup(95, { concurrency: 4, now: skewed });
    expect((await make().start()).state).toBe('completed');
    expect(api.callsOf('signParts')).toHaveLength(1);
  });
});

describe('UploadTask, single PUT (create-only URL)', () => {
  const singleSetup = (size: number) => {
    const api = new FakeUploadApi({ partSize: PART, singlePutMaxBytes: 64 });
    const sender = new FakeS3Sender(api);
    const task = new UploadTask({
      api,
      sender,
      file: fileOf(size),
      destination: DESTINATION,
      backoff: { random: () => 0 },
    });
    return { api, sender, task };
  };

  it('a 412 after a try whose answer was lost means "maybe stored": completion decides', async () => {
    const { api, sender, task } = singleSetup(40);
    sender.loseAnswer(1);
    const outcome = await task.start();
    expect(outcome.state).toBe('completed');
    expect(sender.puts.map((put) => put.outcome)).toEqual(['failed', 'failed']);
    expect(api.callsOf('complete')).toHaveLength(1);
    expect(task.upload?.mode).toBe('single');
  });

  it('fails on a 412 at the first try: something else is stored under that name', async () => {
    const { api, sender, task } = singleSetup(40);
    sender.failWith(1, new HttpError(412, '<Error><Code>PreconditionFailed</Code></Error>'));
    const outcome = await task.start();
    expect(outcome.state).toBe('failed');
    if (outcome.state === 'failed') expect(outcome.message).toMatch(/already exists/);
    expect(api.callsOf('complete')).toHaveLength(0);
  });

  it('fails a "maybe stored" upload whose stored bytes turn out not to be this file', async () => {
    const { api, sender, task } = singleSetup(40);
    sender.failWith(1, new NetworkError('socket hang up'));
    // Meanwhile someone else stored 40 other bytes at the key: the retry gets 412.
    const send = sender.send.bind(sender);
    sender.send = async (request) => {
      const uploadId = /^fake-s3:\/\/([^/]+)\//.exec(request.url)![1]!;
      if (!api.holds(uploadId, 1)) api.storePart(uploadId, 1, new Uint8Array(40).fill(7));
      return send(request);
    };
    const outcome = await task.start();
    expect(outcome.state).toBe('failed');
    if (outcome.state === 'failed') expect(outcome.message).toMatch(/not this file/);
  });
});
