import 'fake-indexeddb/auto';
import { set, createStore } from 'idb-keyval';
import {
  IndexedDbResumeStore,
  MemoryResumeStore,
  fingerprintOf,
  type ResumeRecord,
  type ResumeStore,
} from './resume-store.js';

const record = (uploadId: string): ResumeRecord => ({
  uploadId,
  key: 'folder/a.bin',
  bucket: 'uploads',
  connectionId: '00000000-0000-4000-8000-00000000000c',
  partSize: 8 * 1024 * 1024,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('fingerprintOf', () => {
  it('tells files apart by name, size and modification time', () => {
    const base = { name: 'a.bin', size: 10, lastModified: 1 };
    expect(fingerprintOf(base)).toBe(fingerprintOf({ ...base }));
    expect(fingerprintOf(base)).not.toBe(fingerprintOf({ ...base, size: 11 }));
    expect(fingerprintOf(base)).not.toBe(fingerprintOf({ ...base, lastModified: 2 }));
    expect(fingerprintOf({ name: 'a:1', size: 0, lastModified: 1 })).not.toBe(
      fingerprintOf({ name: 'a', size: 10, lastModified: 1 }),
    );
  });
});

describe.each([
  ['MemoryResumeStore', () => new MemoryResumeStore()],
  [
    'IndexedDbResumeStore',
    () => new IndexedDbResumeStore({ databaseName: `test-${Math.random()}`, storeName: 'resume' }),
  ],
] as [string, () => ResumeStore][])('%s', (_name, makeStore) => {
  it('puts, gets, lists and deletes by fingerprint', async () => {
    const store = makeStore();
    await store.put('one', record('1'));
    await store.put('two', record('2'));
    expect(await store.get('one')).toEqual(record('1'));
    expect(await store.get('missing')).toBeUndefined();
    await store.delete('one');
    expect(await store.list()).toEqual([{ fingerprint: 'two', record: record('2') }]);
  });
});

describe('IndexedDbResumeStore', () => {
  it('ignores records it cannot parse', async () => {
    const databaseName = `test-${Math.random()}`;
    await set('broken', { uploadId: 42 }, createStore(databaseName, 'resume'));
    const store = new IndexedDbResumeStore({ databaseName, storeName: 'resume' });
    expect(await store.get('broken')).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });
});
