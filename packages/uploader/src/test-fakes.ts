// In-memory stand-ins for the upload API and S3 part PUTs, for the engine's scheduler tests (not exported).
import { createHash, randomUUID } from 'node:crypto';
import {
  type CompleteUploadBatchResponse,
  type CreateUploadBatchResponse,
  type CreateUploadRequest,
  type SignedParts,
  type UploadView,
  type UploadedParts,
} from '@s3am/contracts';
import { expectedMultipartEtag } from './etag-check.js';
import { partCountFor } from './part-plan.js';
import { type PartSender, type SendPartRequest } from './part-sender.js';
import { type ResumeRecord } from './resume-store.js';
import { type UploadApi } from './transport.js';
import { HttpError, NetworkError, UploadApiError, abortError } from './upload-errors.js';

interface FakeUpload {
  view: UploadView;
  parts: Map<number, { etag: string; size: number }>;
}

const md5Hex = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

export class FakeUploadApi implements UploadApi {
  readonly uploads = new Map<string, FakeUpload>();
  readonly calls: { method: string; args: unknown[] }[] = [];
  private signature = 0;

  constructor(
    readonly options: {
      partSize: number;
      listPageSize?: number;
      /** 'opaque': part ETags are not the part's MD5 (as with SSE-KMS). */
      etags?: 'md5' | 'opaque';
      /** Files up to this size are one create-only PUT (mode 'single'); default: none. */
      singlePutMaxBytes?: number;
      /** Keys the batch create refuses (as a grant would), item by item. */
      deniedKeys?: readonly string[];
    },
  ) {}

  /** The server's clock (the real one: tests skew the client's). */
  serverNow(): number {
    return Date.now();
  }

  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  /** An upload as if a previous session had created it. */
  seed(size: number, connectionId: string, bucket: string, key = 'folder/file.bin'): UploadView {
    const now = new Date().toISOString();
    const single = size <= (this.options.singlePutMaxBytes ?? -1);
    const view: UploadView = {
      id: randomUUID(),
      connectionId,
      bucket,
      key,
      size,
      contentType: 'application/octet-stream',
      lastModified: null,
      mode: single ? 'single' : 'multipart',
      partSize: single ? size : this.options.partSize,
      partCount: single ? 1 : partCountFor(size, this.options.partSize),
      state: 'in_progress',
      etag: null,
      error: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    this.uploads.set(view.id, { view, parts: new Map() });
    return view;
  }

  async create(request: Parameters<UploadApi['create']>[0]): Promise<UploadView> {
    this.calls.push({ method: 'create', args: [request] });
    return { ...this.seed(request.size, request.connectionId, request.bucket, request.key) };
  }

  async get(uploadId: string): Promise<UploadView> {
    this.calls.push({ method: 'get', args: [uploadId] });
    return { ...this.find(uploadId).view };
  }

  async signParts(uploadId: string, partNumbers: number[]): Promise<SignedParts> {
    this.calls.push({ method: 'signParts', args: [uploadId, [...partNumbers]] });
    return this.sign(uploadId, partNumbers);
  }

  private sign(uploadId: string, partNumbers: number[]): SignedParts {
    const single = this.find(uploadId).view.mode === 'single';
    const sig = ++this.signature;
    return {
      urls: partNumbers.map((partNumber) => ({
        partNumber,
        url: `fake-s3://${uploadId}/${partNumber}?sig=${sig}`,
      })),
      headers: {
        'x-amz-server-side-encryption': 'AES256',
        ...(single ? { 'if-none-match': '*' } : {}),
      },
      expiresAt: new Date(Date.now() + (single ? 300_000 : 3_600_000)).toISOString(),
    };
  }

  async limits() {
    this.calls.push({ method: 'limits', args: [] });
    return {
      maxSize: 5 * 1024 ** 4,
      allowedExtensions: [],
      allowedContentTypes: [],
      singlePutMaxBytes: this.options.singlePutMaxBytes ?? 0,
      maxUploadsPerBatch: 100,
    };
  }

  async createBatch(items: CreateUploadRequest[]): Promise<CreateUploadBatchResponse> {
    this.calls.push({ method: 'createBatch', args: [items.map((item) => item.key)] });
    return {
      items: await Promise.all(
        items.map(async (item) => {
          if (this.options.deniedKeys?.includes(item.key))
            return {
              ok: false as const,
              error: { status: 403, code: 'GRANT_DENIED' as const, detail: 'No write grant here' },
            };
          const upload = this.seed(item.size, item.connectionId, item.bucket, item.key);
          const signed = this.sign(upload.id, [1]);
          return {
            ok: true as const,
            upload,
            url: signed.urls[0]!.url,
            headers: signed.headers,
            expiresAt: signed.expiresAt,
          };
        }),
      ),
    };
  }

  async completeBatch(items: { id: string; etag: string }[]): Promise<CompleteUploadBatchResponse> {
    this.calls.push({ method: 'completeBatch', args: [items.map((item) => item.id)] });
    return {
      items: await Promise.all(
        items.map(async ({ id, etag }) => {
          try {
            const upload = this.completeNow(id, [{ partNumber: 1, etag }]);
            return { ok: true as const, upload };
          } catch (error) {
            const status = error instanceof UploadApiError ? error.status : 500;
            return {
              ok: false as const,
              id,
              error: { status, code: 'UPLOAD_PARTS_INVALID' as const, detail: String(error) },
            };
          }
        }),
      ),
    };
  }

  async listParts(uploadId: string, marker?: number): Promise<UploadedParts> {
    this.calls.push({ method: 'listParts', args: [uploadId, marker] });
    const all = [...this.find(uploadId).parts]
      .map(([partNumber, part]) => ({ partNumber, ...part }))
      .sort((a, b) => a.partNumber - b.partNumber)
      .filter((part) => part.partNumber > (marker ?? 0));
    const page = all.slice(0, this.options.listPageSize ?? 1000);
    const last = page.at(-1);
    return { parts: page, nextMarker: all.length > page.length && last ? last.partNumber : null };
  }

  async complete(
    uploadId: string,
    parts: { partNumber: number; etag: string }[],
  ): Promise<UploadView> {
    this.calls.push({ method: 'complete', args: [uploadId, parts] });
    return this.completeNow(uploadId, parts);
  }

  private completeNow(uploadId: string, parts: { partNumber: number; etag: string }[]): UploadView {
    const upload = this.find(uploadId);
    if (upload.view.state !== 'in_progress')
      throw new UploadApiError(409, 'UPLOAD_NOT_IN_PROGRESS', 'Not in progress', '');
    if (upload.view.mode === 'single') {
      // Like the API: the stored object's size is checked, the ETag named is not.
      const held = upload.parts.get(1);
      if (!held || held.size !== upload.view.size)
        throw new UploadApiError(
          400,
          'UPLOAD_PARTS_INVALID',
          'The file never reached the storage',
          '',
        );
      upload.view = { ...upload.view, state: 'completed', etag: held.etag };
      return { ...upload.view };
    }
    let size = 0;
    for (const part of parts) {
      const held = upload.parts.get(part.partNumber);
      if (!held || held.etag !== part.etag)
        throw new UploadApiError(400, 'VALIDATION', 'InvalidPart', '');
      size += held.size;
    }
    // SSE-KMS objects' ETags are not the MD5 of the part MD5s.
    const etag =
      this.options.etags === 'opaque'
        ? `"${md5Hex(new TextEncoder().encode(uploadId))}-${parts.length}"`
        : `"${expectedMultipartEtag(parts.map((part) => part.etag))}"`;
    upload.view = { ...upload.view, state: 'completed', etag, size };
    return { ...upload.view };
  }

  async abort(uploadId: string): Promise<void> {
    this.calls.push({ method: 'abort', args: [uploadId] });
    const upload = this.find(uploadId);
    upload.view = { ...upload.view, state: 'aborted' };
    upload.parts.clear();
  }

  /** Whether S3 holds the part (for single PUTs: whether the object exists). */
  holds(uploadId: string, partNumber: number): boolean {
    return this.find(uploadId).parts.has(partNumber);
  }

  /** What S3 does when a PUT arrives. */
  storePart(uploadId: string, partNumber: number, bytes: Uint8Array): string {
    const md5 = md5Hex(bytes);
    const etag = `"${this.options.etags === 'opaque' ? md5Hex(new TextEncoder().encode(`kms:${md5}`)) : md5}"`;
    this.find(uploadId).parts.set(partNumber, { etag, size: bytes.byteLength });
    return etag;
  }

  private find(uploadId: string): FakeUpload {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new UploadApiError(404, 'NOT_FOUND', 'No such upload', '');
    return upload;
  }
}

export interface SentPut {
  uploadId: string;
  partNumber: number;
  url: string;
  headers: Record<string, string>;
  outcome: 'stored' | 'failed' | 'aborted';
}

/**
 * Plays S3 for presigned PUTs. `failWith` makes the next PUT of a part fail; with `hold`, PUTs wait
 * for release() (or abort), so a test can look at what is in flight. Parts in flight are keyed by
 * part number alone: hold PUTs of one upload at a time.
 */
export class FakeS3Sender implements PartSender {
  readonly puts: SentPut[] = [];
  readonly inFlight = new Set<number>();
  maxInFlight = 0;
  hold = false;
  private readonly failures = new Map<number, Error[]>();
  /** Part numbers whose next PUT is stored but its answer lost (a NetworkError). */
  private readonly lostAnswers = new Map<number, number>();
  private readonly held = new Map<number, () => void>();
  private watchers: (() => void)[] = [];

  constructor(private readonly s3: FakeUploadApi) {}

  failWith(partNumber: number, ...errors: Error[]): void {
    this.failures.set(partNumber, [...(this.failures.get(partNumber) ?? []), ...errors]);
  }

  /** Resolves once `predicate` holds (checked after each change); no timers involved. */
  until(predicate: () => boolean): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = (): void => {
        if (!predicate()) return;
        this.watchers = this.watchers.filter((watcher) => watcher !== check);
        resolve();
      };
      this.watchers.push(check);
    });
  }

  /** The next PUT of the part reaches S3 and is stored, but the client sees a network error. */
  loseAnswer(partNumber: number): void {
    this.lostAnswers.set(partNumber, (this.lostAnswers.get(partNumber) ?? 0) + 1);
  }

  heldParts(): number[] {
    return [...this.held.keys()].sort((a, b) => a - b);
  }

  release(partNumber: number): void {
    const go = this.held.get(partNumber);
    this.held.delete(partNumber);
    go?.();
  }

  storedPuts(partNumber: number): number {
    return this.puts.filter((put) => put.partNumber === partNumber && put.outcome === 'stored')
      .length;
  }

  async send({ url, headers, body, signal }: SendPartRequest): Promise<{ etag: string }> {
    const match = /^fake-s3:\/\/([^/]+)\/(\d+)\?/.exec(url);
    if (!match) throw new Error(`Not a fake URL: ${url}`);
    const uploadId = match[1]!;
    const partNumber = Number(match[2]);
    const put: SentPut = { uploadId, partNumber, url, headers, outcome: 'failed' };
    this.puts.push(put);
    this.inFlight.add(partNumber);
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight.size);
    this.notify();
    try {
      if (this.hold) await this.waitForRelease(partNumber, signal);
      if (signal?.aborted) throw abortError();
      const failure = this.failures.get(partNumber)?.shift();
      if (failure) throw failure;
      const bytes = body instanceof Uint8Array ? body : new Uint8Array(await body.arrayBuffer());
      // A create-only PUT (if-none-match: *) is refused once the object exists, like S3 does.
      if (headers['if-none-match'] === '*' && this.s3.holds(uploadId, partNumber))
        throw new HttpError(412, '<Error><Code>PreconditionFailed</Code></Error>');
      const etag = this.s3.storePart(uploadId, partNumber, bytes);
      put.outcome = 'stored';
      const lost = this.lostAnswers.get(partNumber) ?? 0;
      if (lost > 0) {
        this.lostAnswers.set(partNumber, lost - 1);
        throw new NetworkError('socket hang up');
      }
      return { etag };
    } catch (error) {
      put.outcome = signal?.aborted ? 'aborted' : 'failed';
      throw error;
    } finally {
      this.inFlight.delete(partNumber);
      this.notify();
    }
  }

  private waitForRelease(partNumber: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.held.delete(partNumber);
        reject(abortError());
      };
      this.held.set(partNumber, () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      this.notify();
    });
  }

  private notify(): void {
    for (const watcher of [...this.watchers]) watcher();
  }
}

/** A server record for tests, completed unless overridden. */
export function uploadViewFixture(overrides: Partial<UploadView> = {}): UploadView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    connectionId: '00000000-0000-4000-8000-000000000002',
    bucket: 'uploads',
    key: 'a.bin',
    size: 10,
    contentType: 'application/octet-stream',
    lastModified: null,
    mode: 'multipart',
    partSize: 5,
    partCount: 2,
    state: 'completed',
    etag: null,
    error: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    completedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2026-01-02T00:00:00.000Z',
    ...overrides,
  };
}

/** A resume record for tests (the fields a real one has; override what the test is about). */
export function resumeRecordFixture(overrides: Partial<ResumeRecord> = {}): ResumeRecord {
  return {
    uploadId: '00000000-0000-4000-8000-000000000001',
    key: 'folder/a.bin',
    bucket: 'uploads',
    connectionId: '00000000-0000-4000-8000-00000000000c',
    destinationKey: 'folder/a.bin',
    partSize: 8 * 1024 * 1024,
    createdAt: '2026-01-01T00:00:00.000Z',
    file: { name: 'a.bin', size: 10, lastModified: 1 },
    fingerprint: 'sha256:10:10:aa:aa',
    ...overrides,
  };
}
