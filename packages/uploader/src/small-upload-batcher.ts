// Many small files in few calls: files up to the single-PUT size are created and signed up to
// 100 per call (POST /api/uploads/batch) and completed up to 100 per call (…/batch/complete).
// Each file keeps its own task, progress and errors; the batcher only coalesces their calls, and
// bounds the whole-file PUTs in flight across every small file.
import { MAX_UPLOADS_PER_BATCH, type CreateUploadRequest, type UploadView } from '@s3am/contracts';
import { type UploadApi } from './transport.js';
import { UploadApiError, abortError } from './upload-errors.js';

/** A small upload created and signed by a batch call. */
export interface CreatedSmallUpload {
  upload: UploadView;
  url: string;
  headers: Record<string, string>;
  /** Server time, ms since epoch. */
  expiresAt: number;
}

export interface SmallUploadBatcherOptions {
  api: UploadApi;
  /** Files up to this many bytes are small: the API's single-PUT limit (GET /api/uploads/limits). */
  maxBytes: number;
  /**
   * Whole-file PUTs in flight at once across every small file (default 16; browsers send at most
   * 6 at a time to one host over HTTP/1.1, so the web app asks for 6).
   */
  sendConcurrency?: number;
  /** Items per call (default and at most 100). */
  maxBatch?: number;
  /** How long a create call waits for more files to join it, in ms (default 10). */
  lingerMs?: number;
  /**
   * How long a completion waits for more files to join it, in ms (default 1,000), unless no other
   * small file is being sent (then it goes at once). Completions hold no PUT slot, so waiting
   * costs a file a moment and fills calls: each call has a fixed cost on the server.
   */
  completeLingerMs?: number;
  /** Calls of one kind in flight at once; items arriving meanwhile wait for the next (default 2). */
  callsInFlight?: number;
}

interface Waiter<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Gathers items into calls of at most `max`; each item gets its own result or error. */
class Coalescer<I, R> {
  private waiting: Waiter<I, R>[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = 0;
  /** When the first of the items now waiting arrived (ms). */
  private oldest = 0;
  calls = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<(R | Error)[]>,
    private readonly max: number,
    private readonly lingerMs: number,
    private readonly maxInFlight: number,
    /** True when no more items are coming soon: what waits goes without lingering. */
    private readonly nothingMoreSoon: () => boolean = () => false,
  ) {}

  add(item: I, signal?: AbortSignal): Promise<R> {
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise<R>((resolve, reject) => {
      const waiter: Waiter<I, R> = { item, resolve, reject };
      // Still waiting for its call: leave it out. Once sent, the call's answer is awaited.
      const onAbort = (): void => {
        const index = this.waiting.indexOf(waiter);
        if (index < 0) return;
        this.waiting.splice(index, 1);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle =
        <T>(action: (value: T) => void) =>
        (value: T): void => {
          signal?.removeEventListener('abort', onAbort);
          action(value);
        };
      waiter.resolve = settle(resolve);
      waiter.reject = settle(reject);
      if (this.waiting.length === 0) this.oldest = Date.now();
      this.waiting.push(waiter);
      this.schedule();
    });
  }

  /** A full call goes at once; otherwise the first item waiting waits `lingerMs` for company. */
  schedule(): void {
    if (this.waiting.length === 0 || this.inFlight >= this.maxInFlight) return;
    const waited = Date.now() - this.oldest;
    if (this.waiting.length >= this.max || waited >= this.lingerMs || this.nothingMoreSoon()) {
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.schedule();
    }, this.lingerMs - waited);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiting.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.waiting.splice(0, this.max);
      this.oldest = Date.now();
      this.inFlight++;
      this.calls++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
      // Send a part-filled call only when the items have waited long enough.
      if (this.waiting.length < this.max) break;
    }
    this.schedule();
  }

  private async send(batch: Waiter<I, R>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((waiter) => waiter.item));
      batch.forEach((waiter, index) => {
        const result = results[index] ?? new Error('The batch answer left this item out');
        if (result instanceof Error) waiter.reject(result);
        else waiter.resolve(result);
      });
    } catch (error) {
      // The whole call failed: every item fails with it, and each task's retry adds it again.
      for (const waiter of batch) waiter.reject(error);
    }
  }
}

/** A counting semaphore: at most `size` holders at once, served in order. */
class Slots {
  private free: number;
  private readonly size: number;
  private readonly queue: (() => void)[] = [];

  constructor(
    size: number,
    /** Called when the last holder releases and nobody waits. */
    private readonly onIdle: () => void = () => undefined,
  ) {
    this.size = Math.max(1, size);
    this.free = this.size;
  }

  /** Nobody holds a slot or waits for one. */
  get idle(): boolean {
    return this.free === this.size && this.queue.length === 0;
  }

  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortError());
    const release = (): void => {
      const next = this.queue.shift();
      if (next) next();
      else if (++this.free === this.size) this.onIdle();
    };
    let released = false;
    const once = (): void => {
      if (released) return;
      released = true;
      release();
    };
    if (this.free > 0) {
      this.free--;
      return Promise.resolve(once);
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(once);
      };
      const onAbort = (): void => {
        const index = this.queue.indexOf(grant);
        if (index >= 0) this.queue.splice(index, 1);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(grant);
    });
  }
}

function itemError(error: { status: number; code: string; detail?: string }): UploadApiError {
  return new UploadApiError(error.status, error.code, error.detail, '');
}

export class SmallUploadBatcher {
  readonly maxBytes: number;
  private readonly creates: Coalescer<CreateUploadRequest, CreatedSmallUpload>;
  private readonly completions: Coalescer<{ id: string; etag: string }, UploadView>;
  private readonly sends: Slots;

  constructor(options: SmallUploadBatcherOptions) {
    const { api } = options;
    const createBatch = api.createBatch?.bind(api);
    const completeBatch = api.completeBatch?.bind(api);
    if (!createBatch || !completeBatch) throw new Error('This UploadApi has no batch calls');
    this.maxBytes = options.maxBytes;
    const max = Math.max(
      1,
      Math.min(options.maxBatch ?? MAX_UPLOADS_PER_BATCH, MAX_UPLOADS_PER_BATCH),
    );
    const linger = options.lingerMs ?? 10;
    const inFlight = options.callsInFlight ?? 2;
    this.creates = new Coalescer<CreateUploadRequest, CreatedSmallUpload>(
      async (items) =>
        (await createBatch(items)).items.map((result) =>
          result.ok
            ? {
                upload: result.upload,
                url: result.url,
                headers: result.headers,
                expiresAt: Date.parse(result.expiresAt),
              }
            : itemError(result.error),
        ),
      max,
      linger,
      inFlight,
    );
    this.completions = new Coalescer<{ id: string; etag: string }, UploadView>(
      async (items) =>
        (await completeBatch(items)).items.map((result) =>
          result.ok ? result.upload : itemError(result.error),
        ),
      max,
      options.completeLingerMs ?? 1000,
      inFlight,
      // Nothing is being sent: no completion will join the ones waiting.
      () => this.sends.idle,
    );
    this.sends = new Slots(options.sendConcurrency ?? 16, () => this.completions.schedule());
  }

  /** Whether a file of `size` bytes goes through the batches. */
  fits(size: number): boolean {
    return size <= this.maxBytes;
  }

  /** API calls made so far: creates (with signing) and completions. */
  get calls(): { create: number; complete: number } {
    return { create: this.creates.calls, complete: this.completions.calls };
  }

  /** Creates the upload and signs its PUT, in a call shared with other files. */
  create(request: CreateUploadRequest, signal?: AbortSignal): Promise<CreatedSmallUpload> {
    return this.creates.add(request, signal);
  }

  /** Completes the upload (the API checks size and type), in a call shared with other files. */
  complete(id: string, etag: string): Promise<UploadView> {
    return this.completions.add({ id, etag });
  }

  /** Waits for a PUT slot; call the returned function when the PUT is over. */
  sendSlot(signal?: AbortSignal): Promise<() => void> {
    return this.sends.acquire(signal);
  }
}
