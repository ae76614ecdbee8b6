import { blobFileSource } from './file-source.js';
import { FakeS3Sender, FakeUploadApi } from './test-fakes.js';
import { UploadQueue } from './upload-queue.js';
import { UploadTask } from './upload-task.js';

const CONNECTION = '00000000-0000-4000-8000-00000000000c';

function setup() {
  const api = new FakeUploadApi({ partSize: 10 });
  const sender = new FakeS3Sender(api);
  const task = (name: string, size: number): UploadTask =>
    new UploadTask({
      api,
      sender,
      file: blobFileSource(new Blob([new Uint8Array(size)]), { name, lastModified: 1 }),
      destination: { connectionId: CONNECTION, bucket: 'uploads', key: name },
      backoff: { random: () => 0 },
    });
  return { api, sender, task };
}

describe('UploadQueue', () => {
  it('runs at most `concurrency` files at once and adds up their progress', async () => {
    const { sender, task } = setup();
    sender.hold = true;
    const queue = new UploadQueue({ concurrency: 1 });
    const first = task('a.bin', 25);
    const second = task('b.bin', 15);
    queue.add(first);
    queue.add(second);
    expect(second.state).toBe('queued');

    const uploadIds = new Set<string>();
    for (let released = 0; released < 5; released++) {
      await sender.until(() => sender.heldParts().length > 0);
      for (const put of sender.puts) uploadIds.add(put.uploadId);
      if (released < 3) expect(uploadIds.size).toBe(1); // the second file waits for the first
      sender.release(sender.heldParts()[0]!);
    }
    await queue.drain();
    expect(first.state).toBe('completed');
    expect(second.state).toBe('completed');
    expect(queue.progress()).toMatchObject({ bytesDone: 40, bytesTotal: 40, fraction: 1 });
    queue.dispose();
  });

  it('puts a paused task back in line and finishes it', async () => {
    const { sender, task } = setup();
    sender.hold = true;
    const queue = new UploadQueue({ concurrency: 2 });
    const only = task('a.bin', 25);
    queue.add(only);
    await sender.until(() => sender.heldParts().length > 0);
    await queue.pause(only);
    expect(only.state).toBe('paused');
    await queue.drain();

    sender.hold = false;
    queue.resume(only);
    await queue.drain();
    expect(only.state).toBe('completed');
    queue.dispose();
  });

  it('cancels every task', async () => {
    const { api, sender, task } = setup();
    sender.hold = true;
    const queue = new UploadQueue({ concurrency: 1 });
    const running = task('a.bin', 25);
    const waiting = task('b.bin', 25);
    queue.add(running);
    queue.add(waiting);
    await sender.until(() => sender.heldParts().length > 0);
    await queue.cancelAll();
    await queue.drain();
    expect([running.state, waiting.state]).toEqual(['cancelled', 'cancelled']);
    expect(api.callsOf('abort')).toHaveLength(1); // the waiting one never created an upload
    queue.dispose();
  });
});
