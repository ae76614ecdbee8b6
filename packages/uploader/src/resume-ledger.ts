// Keeps a destination's resume record up to date while parts go up: learns from the first part
// whether S3's part ETags are plain MD5s, and when they are not (SSE-KMS, SSE-C) records each
// part's SHA-256 so a later resume can still prove the bytes S3 holds. Writes are coalesced.
import { digestBody } from './digests.js';
import { type FileSource } from './file-source.js';
import { normalizeEtag } from './etag-check.js';
import { type PartBody } from './part-sender.js';
import { type ResumeRecord, type ResumeStore } from './resume-store.js';

export class ResumeLedger {
  private writing: Promise<void> | null = null;
  private dirty = false;

  constructor(
    private readonly store: ResumeStore | undefined,
    private readonly resumeKey: string,
    private readonly record: ResumeRecord,
    /** Hashes parts natively where it can (see FileSource.digestBody). */
    private readonly file?: Pick<FileSource, 'digestBody'>,
  ) {}

  /** What S3's part ETags are, once a part has been sent (or the record said so). */
  get etagKind(): ResumeRecord['etagKind'] {
    return this.record.etagKind;
  }

  /** S3 answered `etag` for these bytes of part `partNumber`. */
  async partStored(partNumber: number, etag: string, body: PartBody): Promise<void> {
    if (this.record.etagKind === undefined) {
      const md5 = await digestBody(this.file, 'md5', body);
      this.record.etagKind = md5 === normalizeEtag(etag) ? 'md5' : 'opaque';
      this.dirty = true;
    }
    if (this.record.etagKind === 'opaque' && this.store) {
      const sha256 = await digestBody(this.file, 'sha256', body);
      this.record.partHashes = {
        ...this.record.partHashes,
        [String(partNumber)]: { etag, sha256 },
      };
      this.dirty = true;
    }
    if (this.dirty) this.persist();
  }

  /** Resolves once what was recorded so far is written. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private persist(): void {
    if (this.writing || !this.store) return;
    const store = this.store;
    this.writing = (async () => {
      while (this.dirty) {
        this.dirty = false;
        // A failed write loses only the proof for some parts: they are sent again on resume.
        await store.put(this.resumeKey, this.record).catch(() => undefined);
      }
      this.writing = null;
    })();
  }
}
