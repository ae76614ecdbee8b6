import 'fake-indexeddb/auto';
import { set, createStore } from 'idb-keyval';
import { resumeRecordFixture } from './test-fakes.js';
import {
  IndexedDbResumeStore,
  MemoryResumeStore,
  resumeKeyOf,
  type ResumeRecord,
  type ResumeStore,
} from './resume-store.js';

const record = (uploadId: string): ResumeRecord => resumeRecordFixture({ uploadId });

describe('resumeKeyOf', () => {
  it('names one record per connection, bucket and key', () => {
    const base = { connectionId: 'c', bucket: 'uploads', key: 'a/readme.txt' };
    expect(resumeKeyOf(base)).toBe(resumeKeyOf({ ...base }));
    expect(resumeKeyOf(base)).not.toBe(resumeKeyOf({ ...base, key: 'b/readme.txt' }));
    expect(resumeKeyOf(base)).not.toBe(resumeKeyOf({ ...base, bucket: 'other' }));
    expect(resumeKeyOf(base)).not.toBe(resumeKeyOf({ ...base, connectionId: 'd' }));
    expect(resumeKeyOf({ connectionId: 'c', bucket: 'a","b', key: 'k' })).not.toBe(
      resumeKeyOf({ connectionId: 'c', bucket: 'a', key: 'b","k' }),
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
  it('puts, gets, lists and deletes by destination key', async () => {
    const store = makeStore();
    await store.put('one', record('1'));
    await store.put('two', record('2'));
    expect(await store.get('one')).toEqual(record('1'));
    expect(await store.get('missing')).toBeUndefined();
    await store.delete('one');
    expect(await store.list()).toEqual([{ resumeKey: 'two', record: record('2') }]);
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
