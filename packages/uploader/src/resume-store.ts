// Where unfinished uploads are remembered between sessions, one record per destination
// (connection, bucket, key): what must match before an upload is resumed (see upload-preparation.ts).
/// <reference lib="dom" />
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { z } from 'zod';

export const ResumeRecord = z.object({
  uploadId: z.string().min(1),
  /** The key the server chose (it differs from `destinationKey` after onExisting 'rename'). */
  key: z.string(),
  bucket: z.string(),
  connectionId: z.string(),
  /** The key the upload was asked for: part of the record's identity. */
  destinationKey: z.string(),
  partSize: z.number().int().nonnegative(),
  /** ISO date-time the upload was created. */
  createdAt: z.string(),
  /** The file as it was when the upload started (shown to people; the content check is below). */
  file: z.object({
    name: z.string(),
    size: z.number().int().nonnegative(),
    lastModified: z.number(),
  }),
  /** contentFingerprint() of the file when the upload started. */
  fingerprint: z.string().min(1),
  /**
   * What S3's part ETags are: 'md5' (plain MD5 of the part: the ETag proves the bytes) or
   * 'opaque' (SSE-KMS/SSE-C: `partHashes` keeps a SHA-256 per part); unset until a part is sent.
   */
  etagKind: z.enum(['md5', 'opaque']).optional(),
  /** partNumber → the part's ETag and SHA-256 as sent ('opaque' ETags only). */
  partHashes: z.record(z.string(), z.object({ etag: z.string(), sha256: z.string() })).optional(),
});
export type ResumeRecord = z.infer<typeof ResumeRecord>;

export interface FileIdentity {
  name: string;
  size: number;
  lastModified: number;
}

export interface DestinationIdentity {
  connectionId: string;
  bucket: string;
  key: string;
}

/** The store key of a destination: one unfinished upload per connection, bucket and key. */
export function resumeKeyOf(destination: DestinationIdentity): string {
  return JSON.stringify([destination.connectionId, destination.bucket, destination.key]);
}

export interface ResumeStore {
  get(resumeKey: string): Promise<ResumeRecord | undefined>;
  put(resumeKey: string, record: ResumeRecord): Promise<void>;
  delete(resumeKey: string): Promise<void>;
  list(): Promise<{ resumeKey: string; record: ResumeRecord }[]>;
}

export class MemoryResumeStore implements ResumeStore {
  private readonly records = new Map<string, ResumeRecord>();

  async get(resumeKey: string): Promise<ResumeRecord | undefined> {
    const record = this.records.get(resumeKey);
    return record && structuredClone(record);
  }

  async put(resumeKey: string, record: ResumeRecord): Promise<void> {
    this.records.set(resumeKey, structuredClone(record));
  }

  async delete(resumeKey: string): Promise<void> {
    this.records.delete(resumeKey);
  }

  async list(): Promise<{ resumeKey: string; record: ResumeRecord }[]> {
    return [...this.records].map(([resumeKey, record]) => ({
      resumeKey,
      record: structuredClone(record),
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

  async get(resumeKey: string): Promise<ResumeRecord | undefined> {
    const parsed = ResumeRecord.safeParse(await get(resumeKey, this.store));
    return parsed.success ? parsed.data : undefined;
  }

  async put(resumeKey: string, record: ResumeRecord): Promise<void> {
    await set(resumeKey, ResumeRecord.parse(record), this.store);
  }

  async delete(resumeKey: string): Promise<void> {
    await del(resumeKey, this.store);
  }

  async list(): Promise<{ resumeKey: string; record: ResumeRecord }[]> {
    const all = await entries<IDBValidKey, unknown>(this.store);
    const result: { resumeKey: string; record: ResumeRecord }[] = [];
    for (const [key, value] of all) {
      const parsed = ResumeRecord.safeParse(value);
      if (typeof key === 'string' && parsed.success)
        result.push({ resumeKey: key, record: parsed.data });
    }
    return result;
  }
}
