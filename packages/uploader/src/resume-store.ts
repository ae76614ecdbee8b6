// Where unfinished uploads are remembered between sessions, keyed by the file's fingerprint.
/// <reference lib="dom" />
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';

export const ResumeRecord = z.object({
  uploadId: z.string().min(1),
  key: z.string(),
  bucket: z.string(),
  connectionId: z.string(),
  partSize: z.number().int().nonnegative(),
  /** ISO date-time the upload was created. */
  createdAt: z.string(),
});
export type ResumeRecord = z.infer<typeof ResumeRecord>;

export interface FileIdentity {
  name: string;
  size: number;
  lastModified: number;
}

/** Same name, size and modification time: taken to be the same file. */
export function fingerprintOf(file: FileIdentity): string {
  return JSON.stringify([file.name, file.size, file.lastModified]);
}

export interface ResumeStore {
  get(fingerprint: string): Promise<ResumeRecord | undefined>;
  put(fingerprint: string, record: ResumeRecord): Promise<void>;
  delete(fingerprint: string): Promise<void>;
  list(): Promise<{ fingerprint: string; record: ResumeRecord }[]>;
}

export class MemoryResumeStore implements ResumeStore {
  private readonly records = new Map<string, ResumeRecord>();

  async get(fingerprint: string): Promise<ResumeRecord | undefined> {
    const record = this.records.get(fingerprint);
    return record && { ...record };
  }

  async put(fingerprint: string, record: ResumeRecord): Promise<void> {
    this.records.set(fingerprint, { ...record });
  }

  async delete(fingerprint: string): Promise<void> {
    this.records.delete(fingerprint);
  }

  async list(): Promise<{ fingerprint: string; record: ResumeRecord }[]> {
    return [...this.records].map(([fingerprint, record]) => ({
      fingerprint,
      record: { ...record },
    }));
  }
}

/** The browser's store: one IndexedDB object store; records that fail to parse are ignored. */
export class IndexedDbResumeStore implements ResumeStore {
  private readonly store: UseStore;

  constructor(options: { databaseName?: string; storeName?: string } = {}) {
    this.store = createStore(
      options.databaseName ?? 's3am-uploader',
      options.storeName ?? 'resume',
    );
  }

  async get(fingerprint: string): Promise<ResumeRecord | undefined> {
    const parsed = ResumeRecord.safeParse(await get(fingerprint, this.store));
    return parsed.success ? parsed.data : undefined;
  }

  async put(fingerprint: string, record: ResumeRecord): Promise<void> {
    await set(fingerprint, ResumeRecord.parse(record), this.store);
  }

  async delete(fingerprint: string): Promise<void> {
    await del(fingerprint, this.store);
  }

  async list(): Promise<{ fingerprint: string; record: ResumeRecord }[]> {
    const all = await entries<IDBValidKey, unknown>(this.store);
    const result: { fingerprint: string; record: ResumeRecord }[] = [];
    for (const [key, value] of all) {
      const parsed = ResumeRecord.safeParse(value);
      if (typeof key === 'string' && parsed.success)
        result.push({ fingerprint: key, record: parsed.data });
    }
    return result;
  }
}
