// In-memory stand-ins for the upload API and S3 part PUTs, for the engine's scheduler tests (not exported).
import { createHash, randomUUID } from 'node:crypto';
import { type SignedParts, type UploadView, type UploadedParts } from '@s3am/contracts';
import { expectedMultipartEtag } from './etag-check.js';
import { partCountFor } from './part-plan.js';
import { type PartSender, type SendPartRequest } from './part-sender.js';
import { type ResumeRecord } from './resume-store.js';
import { type UploadApi } from './transport.js';
import { UploadApiError, abortError } from './upload-errors.js';

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
    },
  ) {}

  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  /** An upload as if a previous session had created it. */
  seed(size: number, connectionId: string, bucket: string, key = 'folder/file.bin'): UploadView {
    const now = new Date().toISOString();
    const view: UploadView = {
      id: randomUUID(),
      connectionId,
      bucket,
      key,
      size,
      contentType: 'application/octet-stream',
      lastModified: null,
      mode: 'multipart',
      partSize: this.options.partSize,
      partCount: partCountFor(size, this.options.partSize),
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
    this.find(uploadId);
    const sig = ++this.signature;
    return {
      urls: partNumbers.map((partNumber) => ({
        partNumber,
        url: `fake-s3://${uploadId}/${partNumber}?sig=${sig}`,
      })),
      headers: { 'x-amz-server-side-encryption': 'AES256' },
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
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
    const upload = this.find(uploadId);
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
      const etag = this.s3.storePart(uploadId, partNumber, bytes);
      put.outcome = 'stored';
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
