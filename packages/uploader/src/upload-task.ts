// One file's upload: create or resume, send parts, complete, verify; pause, resume and cancel; typed events.
import { type UploadView } from '@s3am/contracts';
import { TypedEmitter } from './emitter.js';
import { completeUpload, partEtagsInOrder, verifyCompletion } from './upload-completion.js';
import { type FileSource } from './file-source.js';
import { type PartSender } from './part-sender.js';
import { planParts } from './part-plan.js';
import { sendParts, type MaybeStored } from './part-scheduler.js';
import { TransferProgress, type ProgressSnapshot } from './progress.js';
import { ResumeLedger } from './resume-ledger.js';
import { resumeKeyOf, type ResumeStore } from './resume-store.js';
import { type SmallUploadBatcher } from './small-upload-batcher.js';
import {
  DEFAULT_BACKOFF,
  browserConnectivity,
  withRetry,
  type BackoffOptions,
  type Connectivity,
} from './retry.js';
import { type UploadApi } from './transport.js';
import { UploadApiError, describeUploadError } from './upload-errors.js';
import {
  prepareUpload,
  type DiscardedUpload,
  type UploadDestination,
} from './upload-preparation.js';

export type UploadTaskState =
  | 'queued'
  | 'preparing'
  | 'uploading'
  | 'paused'
  | 'completing'
  | 'completed'
  | 'failed'
  | 'cancelled';

export interface UploadTaskEvents {
  state: { state: UploadTaskState; previous: UploadTaskState };
  progress: ProgressSnapshot;
  /** A part is safe in S3: sent now, or found there on resume (`fromServer`). */
  part: { partNumber: number; etag: string; size: number; fromServer: boolean };
  /**
   * A transient failure that will be retried (partNumber null for API calls); `offline`: the
   * browser is offline, so the retry waits for the connection (delayMs null) and spends no budget.
   */
  retry: {
    partNumber: number | null;
    error: unknown;
    delayMs: number | null;
    offline: boolean;
    message: string;
  };
  /** Resuming: bytes of the held parts checked against the local file so far. */
  check: { checkedBytes: number; totalBytes: number };
  /** An earlier upload to this destination held other content: it was aborted, a fresh one started. */
  discarded: DiscardedUpload;
  /** The task failed, or a cancel could not abort the upload on the server. */
  error: { error: unknown; message: string };
}

export type UploadOutcome =
  | { state: 'completed'; upload: UploadView }
  | { state: 'paused' }
  | { state: 'cancelled' }
  | { state: 'failed'; error: unknown; message: string };

export interface UploadTaskOptions {
  api: UploadApi;
  sender: PartSender;
  file: FileSource;
  destination: UploadDestination;
  /** Remembers the upload so a later session can resume it. */
  store?: ResumeStore;
  /** An unfinished upload to this destination to resume when the store has none (started elsewhere). */
  candidateUploadId?: string;
  /** Online state (default: navigator.onLine in browsers, always online in Node). */
  connectivity?: Connectivity;
  /** Parts in flight at once (default 4). */
  concurrency?: number;
  /** Part numbers per signing call (default 5 × concurrency, at most 100). */
  signBatchSize?: number;
  backoff?: Partial<BackoffOptions>;
  /** Re-signs per part after "Request has expired" (default 3). */
  maxResigns?: number;
  /** Per-part MD5: Content-MD5 on each PUT and S3's ETag checked against it (default false). */
  partChecksums?: boolean;
  /** Compare the final ETag with the part ETags (default true; sizes are always compared). */
  verifyEtag?: boolean;
  /**
   * Small files (up to its maxBytes) are created, signed and completed in batch calls shared
   * with other files, and their PUTs share its slots (see small-upload-batcher.ts).
   */
  small?: SmallUploadBatcher;
  /** The local clock (backoff, speed); URL expiry is judged by the API's clock (api.serverNow). */
  now?: () => number;
  progressWindowMs?: number;
}

export class UploadTask extends TypedEmitter<UploadTaskEvents> {
  /** The store key: one unfinished upload per destination (connection, bucket, key). */
  readonly resumeKey: string;
  state: UploadTaskState = 'queued';
  /** The server's record, once created or found. */
  upload: UploadView | null = null;
  /** Why the task failed, when it did. */
  error: unknown = undefined;
  private readonly backoff: BackoffOptions;
  private readonly progress: TransferProgress;
  private readonly connectivity: Connectivity;
  /** ETags S3 gave this task for its parts: proof enough when it resumes its own upload. */
  private readonly sentEtags = new Map<number, string>();
  private ledger: ResumeLedger | null = null;
  private run: Promise<UploadOutcome> | null = null;
  private controller: AbortController | null = null;
  private stopReason: 'pause' | 'cancel' | null = null;
  /** Set once cancel() is called: nothing starts again after it, and every caller awaits the same end. */
  private cancelling: Promise<void> | null = null;

  constructor(private readonly options: UploadTaskOptions) {
    super();
    this.resumeKey = resumeKeyOf(options.destination);
    this.connectivity = options.connectivity ?? browserConnectivity;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.progress = new TransferProgress(options.file.size, {
      now: options.now,
      windowMs: options.progressWindowMs,
      onChange: () => this.emit('progress', this.progress.snapshot()),
    });
  }

  get file(): FileSource {
    return this.options.file;
  }

  /** 'small' files go through the batches (UploadQueue runs many of them at once). */
  get lane(): 'small' | 'large' {
    return this.options.small?.fits(this.options.file.size) ? 'small' : 'large';
  }

  snapshot(): ProgressSnapshot {
    return this.progress.snapshot();
  }

  /** Runs (or resumes) the upload; never rejects: the outcome says how the run ended. */
  start(): Promise<UploadOutcome> {
    if (this.run) return this.run;
    if (this.state === 'completed' && this.upload) {
      return Promise.resolve({ state: 'completed', upload: this.upload });
    }
    if (this.state === 'cancelled' || this.cancelling !== null) {
      return Promise.resolve({ state: 'cancelled' });
    }
    const run = this.execute().finally(() => {
      if (this.run === run) this.run = null;
    });
    this.run = run;
    return run;
  }

  resume(): Promise<UploadOutcome> {
    return this.start();
  }

  /** Marks a paused or failed task as waiting for its turn (used by UploadQueue). */
  markQueued(): void {
    if (this.state === 'paused' || this.state === 'failed') this.setState('queued');
  }

  /** Stops the parts in flight; finished parts stay in S3. Completing is not interrupted. */
  async pause(): Promise<void> {
    if (!this.run) {
      if (this.state === 'queued') this.setState('paused');
      return;
    }
    if (this.state !== 'completing') {
      this.stopReason ??= 'pause';
      this.controller?.abort();
    }
    await this.run;
  }

  /** Stops, aborts the upload on the server (S3 drops its parts) and forgets it locally. */
  cancel(): Promise<void> {
    if (this.state === 'completed' || this.state === 'cancelled') return Promise.resolve();
    this.cancelling ??= this.stopAndAbandon();
    return this.cancelling;
  }

  private async stopAndAbandon(): Promise<void> {
    if (this.run) {
      if (this.state === 'completing') {
        const outcome = await this.run;
        if (outcome.state === 'completed') return;
      } else {
        this.stopReason = 'cancel';
        this.controller?.abort();
        await this.run;
        return;
      }
    }
    await this.abandon();
  }

  private async execute(): Promise<UploadOutcome> {
    const { api, file, store } = this.options;
    const small = this.lane === 'small' ? this.options.small : undefined;
    const controller = new AbortController();
    const signal = controller.signal;
    this.controller = controller;
    this.stopReason = null;
    this.error = undefined;
    try {
      this.setState('preparing');
      const prepared = await prepareUpload({
        api,
        file,
        destination: this.options.destination,
        store,
        knownUploadId: this.upload?.id,
        sentThisSession: this.sentEtags,
        candidateUploadId: this.options.candidateUploadId,
        call: (operation) => this.callApi(operation, signal),
        signal,
        onCheckProgress: (checkedBytes, totalBytes) =>
          this.emit('check', { checkedBytes, totalBytes }),
        onDiscarded: (discarded) => this.emit('discarded', discarded),
        createSmall: small && ((request, inner) => small.create(request, inner)),
      });
      if (this.upload && this.upload.id !== prepared.upload.id) this.sentEtags.clear();
      const ledger = new ResumeLedger(store, this.resumeKey, prepared.record, file);
      this.ledger = ledger;
      const upload = prepared.upload;
      this.upload = upload;
      const plan = planParts(upload);
      const held = prepared.held;
      const single = upload.mode === 'single';

      this.progress.reset(file.size);
      for (const part of plan) {
        const etag = held.get(part.partNumber);
        if (etag === undefined) continue;
        this.progress.credit(part.end - part.start);
        this.emit('part', {
          partNumber: part.partNumber,
          etag,
          size: part.end - part.start,
          fromServer: true,
        });
      }
      this.emit('progress', this.progress.snapshot());

      this.setState('uploading');
      const concurrency = Math.max(1, this.options.concurrency ?? 4);
      let maybeStored: MaybeStored | undefined;
      const releaseSlot = small && single ? await small.sendSlot(signal) : undefined;
      try {
        await sendParts({
          parts: plan.filter((part) => !held.has(part.partNumber)),
          file,
          sender: this.options.sender,
          sign: (partNumbers, innerSignal) =>
            this.callApi(() => api.signParts(upload.id, partNumbers, innerSignal), innerSignal),
          presigned: prepared.presigned,
          progress: this.progress,
          concurrency,
          signBatchSize: this.options.signBatchSize ?? concurrency * 5,
          backoff: this.backoff,
          connectivity: this.connectivity,
          maxResigns: this.options.maxResigns ?? 3,
          partChecksums: this.options.partChecksums ?? false,
          singlePut: single,
          signal,
          now: this.options.now,
          serverNow: api.serverNow && (() => api.serverNow!()),
          // A single PUT is never resumed part-wise: nothing to record for it.
          onPartStored: single
            ? undefined
            : (part, etag, body) => ledger.partStored(part.partNumber, etag, body),
          onPartDone: (part, etag, maybe) => {
            maybeStored ??= maybe;
            held.set(part.partNumber, etag);
            this.sentEtags.set(part.partNumber, etag);
            this.emit('part', {
              partNumber: part.partNumber,
              etag,
              size: part.end - part.start,
              fromServer: false,
            });
          },
          onRetry: (part, error, { delayMs, offline }) =>
            this.emit('retry', {
              partNumber: part.partNumber,
              error,
              delayMs,
              offline,
              message: describeUploadError(error),
            }),
        });
      } finally {
        releaseSlot?.();
      }
      await ledger.flush();

      this.setState('completing');
      const partEtags = partEtagsInOrder(plan, held);
      // Not interrupted by pause: a complete cut off mid-way would leave us unsure whether it happened.
      const completed = await completeUpload({
        api,
        uploadId: upload.id,
        plan,
        partEtags,
        call: (operation) => this.callApi(operation),
        completeSmall: small && ((id, etag) => small.complete(id, etag)),
      });
      this.upload = completed;
      await store?.delete(this.resumeKey);
      verifyCompletion(completed, {
        fileSize: file.size,
        partEtags,
        // SSE-KMS/SSE-C objects have ETags that are no MD5 of anything we sent: sizes only.
        checkEtag: (this.options.verifyEtag ?? true) && ledger.etagKind !== 'opaque',
        maybeStored,
      });
      this.setState('completed');
      return { state: 'completed', upload: completed };
    } catch (error) {
      this.progress.failAll();
      await this.ledger?.flush();
      if (this.stopReason === 'cancel') {
        await this.abandon();
        return { state: 'cancelled' };
      }
      if (this.stopReason === 'pause') {
        this.setState('paused');
        return { state: 'paused' };
      }
      this.error = error;
      const message = describeUploadError(error);
      this.setState('failed');
      this.emit('error', { error, message });
      return { state: 'failed', error, message };
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /** DELETE on the server (best effort, retried), forget locally, state cancelled. */
  private async abandon(): Promise<void> {
    const { api, store } = this.options;
    const uploadId = this.upload?.id ?? (await store?.get(this.resumeKey))?.uploadId;
    if (uploadId !== undefined) {
      try {
        await this.callApi(() => api.abort(uploadId));
      } catch (error) {
        const gone =
          error instanceof UploadApiError && (error.status === 404 || error.status === 409);
        if (!gone) {
          const message = `${describeUploadError(error)} The upload could not be aborted on the server; it will be swept when it expires.`;
          this.emit('error', { error, message });
        }
      }
    }
    await this.ledger?.flush();
    await store?.delete(this.resumeKey);
    this.progress.failAll();
    this.setState('cancelled');
  }

  private callApi<T>(operation: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withRetry(operation, this.backoff, {
      signal,
      connectivity: this.connectivity,
      now: this.options.now,
      onRetry: (error, _retry, delayMs) =>
        this.emit('retry', {
          partNumber: null,
          error,
          delayMs,
          offline: delayMs === null,
          message: describeUploadError(error),
        }),
    });
  }

  private setState(state: UploadTaskState): void {
    const previous = this.state;
    if (previous === state) return;
    this.state = state;
    this.emit('state', { state, previous });
  }
}

/** Runs a task to the end for scripts and the CLI: resolves with the completed upload, or throws. */
export async function runUpload(task: UploadTask): Promise<UploadView> {
  const outcome = await task.start();
  if (outcome.state === 'completed') return outcome.upload;
  if (outcome.state === 'failed') throw outcome.error;
  throw new Error(`The upload of "${task.file.name}" was ${outcome.state}`);
}
