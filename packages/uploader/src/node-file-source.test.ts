import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFileSource } from './node-file-source.js';
import { StateFileResumeStore } from './node-state-file-store.js';
import { resumeRecordFixture } from './test-fakes.js';
import { FileChangedError } from './upload-errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3am-uploader-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('NodeFileSource', () => {
  it('reads exactly the byte range asked for', async () => {
    const path = join(dir, 'data.bin');
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 256));
    await writeFile(path, bytes);
    const source = await NodeFileSource.open(path, { type: 'application/x-test' });
    expect(source).toMatchObject({ name: 'data.bin', size: 1000, type: 'application/x-test' });
    expect(Buffer.from(await source.slice(0, 10))).toEqual(bytes.subarray(0, 10));
    expect(Buffer.from(await source.slice(990, 1000))).toEqual(bytes.subarray(990, 1000));
    expect((await source.slice(5, 5)).byteLength).toBe(0);
  });

  it('reads a range into a given buffer, and hashes bytes in memory with node:crypto', async () => {
    const path = join(dir, 'data.bin');
    const bytes = Buffer.from(Array.from({ length: 100 }, (_, index) => index));
    await writeFile(path, bytes);
    const source = await NodeFileSource.open(path);
    const buffer = new Uint8Array(64);
    const view = await source.readInto(40, 90, buffer);
    expect(view.buffer).toBe(buffer.buffer);
    expect(Buffer.from(view)).toEqual(bytes.subarray(40, 90));
    expect(await source.digestBody(view, 'md5')).toBe(
      createHash('md5').update(bytes.subarray(40, 90)).digest('hex'),
    );
    await expect(source.readInto(0, 100, buffer)).rejects.toBeInstanceOf(RangeError);
  });

  it('refuses to read a file that changed since it was opened', async () => {
    const path = join(dir, 'data.bin');
    await writeFile(path, 'first version');
    const source = await NodeFileSource.open(path);
    await writeFile(path, 'second version!');
    await expect(source.slice(0, 5)).rejects.toBeInstanceOf(FileChangedError);
    await writeFile(path, 'first versioN');
    await utimes(path, new Date(), new Date(Date.now() + 60_000));
    await expect(source.slice(0, 5)).rejects.toBeInstanceOf(FileChangedError);
  });
});

describe('StateFileResumeStore', () => {
  const record = (uploadId: string) => resumeRecordFixture({ uploadId });

  it('keeps records across instances and leaves no temp file behind', async () => {
    const path = join(dir, 'nested', 'state.json');
    const store = new StateFileResumeStore(path);
    await Promise.all([
      store.put('a', record('1')),
      store.put('b', record('2')),
      store.put('c', record('3')),
    ]);
    await store.delete('b');
    const reopened = new StateFileResumeStore(path);
    expect(await reopened.get('a')).toEqual(record('1'));
    expect(await reopened.get('b')).toBeUndefined();
    expect((await reopened.list()).map((entry) => entry.resumeKey).sort()).toEqual(['a', 'c']);
    expect(await readdir(join(dir, 'nested'))).toEqual(['state.json']);
  });

  it('treats a missing or unreadable state file as empty', async () => {
    const path = join(dir, 'state.json');
    expect(await new StateFileResumeStore(path).list()).toEqual([]);
    await writeFile(path, '{not json');
    const store = new StateFileResumeStore(path);
    expect(await store.get('a')).toBeUndefined();
    await store.put('a', record('1'));
    expect(await store.get('a')).toEqual(record('1'));
  });
});
