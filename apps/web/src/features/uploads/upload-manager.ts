// The tab's upload queue: tasks, their progress, waiting uploads from earlier visits, offline
// pause/resume. Small files go through the batch routes (SmallUploadBatcher) once the server's
// limits are known. React reads it through upload-store.ts (per-file subscriptions); every
// per-event cost here is O(1), so a queue of thousands of files costs what a short one does.
import {
  IndexedDbResumeStore,
  SmallUploadBatcher,
  UploadQueue,
  UploadTask,
  XhrPartSender,
  blobFileSource,
  resumeKeyOf,
  type ResumeStore,
  type UploadApi,
  type UploadDestination,
  type UploadTaskState,
} from '@s3am/uploader';
import { type UploadLimits } from '@s3am/contracts';
import { problemMessage } from '../../api/problem';
import { i18n } from '../i18n/i18n';
import { type PickedFile } from './dropped-files';
import {
  destinationOf,
  findPendingFor,
  loadPendingUploads,
  resumeKeyOfPending,
  type PendingUpload,
} from './pending-uploads';
import { createEntry, itemOf, type Entry } from './upload-entry';
import { isNetworkFailure } from './upload-error-message';
import { baseName, folderPrefix, objectKey } from './upload-keys';
import { limitRefusal } from './upload-limits';
import { UploadStore, type QueueCounts, type QueueSummary, type UploadItem } from './upload-store';
import { describeLocation, loadSavedTarget, saveTarget, type UploadTarget } from './upload-target';
import { createWebUploadApi } from './upload-transport';

export type { QueueSummary, UploadItem } from './upload-store';

/** The Uploads page's state apart from the files themselves (changes rarely). */
export interface UploadsSnapshot {
  pending: readonly PendingUpload[];
  pendingError: string | null;
  online: boolean;
  target: UploadTarget | null;
  /** Dropped before a destination was chosen. */
  staged: readonly PickedFile[];
  notices: readonly string[];
  /** Changes when an upload finishes, so the history reloads. */
  historyVersion: number;
  /** What the server accepts (null until known). */
  limits: UploadLimits | null;
}

const RUNNING: ReadonlySet<UploadTaskState> = new Set(['preparing', 'uploading', 'completing']);
const ACTIVE: ReadonlySet<UploadTaskState> = new Set([...RUNNING, 'queued']);
/** Browsers send at most 6 requests at a time to one host over HTTP/1.1. */
const SMALL_FILE_PUTS = 6;

export class UploadManager {
  private readonly api: UploadApi;
  private readonly store: ResumeStore;
  private readonly sender = new XhrPartSender();
  private readonly queue = new UploadQueue({ concurrency: 2 });
  private small: SmallUploadBatcher | undefined;
  /** In the order added. */
  private readonly entries = new Map<string, Entry>();
  /** Unfinished entries by destination: one upload per destination key. */
  private readonly byDestination = new Map<string, Entry>();
  private readonly running = new Set<string>();
  private readonly counts: Record<UploadTaskState, number> = {
    queued: 0,
    preparing: 0,
    uploading: 0,
    paused: 0,
    completing: 0,
    completed: 0,
    failed: 0,
    cancelled: 0,
  };
  private readonly pausedForOffline = new Set<UploadTask>();
  private readonly view: UploadStore<UploadsSnapshot>;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private nextId = 1;

  constructor(options: { api?: UploadApi; store?: ResumeStore } = {}) {
    this.api = options.api ?? createWebUploadApi();
    this.store = options.store ?? new IndexedDbResumeStore();
    this.view = new UploadStore<UploadsSnapshot>(
      {
        pending: [],
        pendingError: null,
        online: navigator.onLine,
        target: loadSavedTarget(),
        staged: [],
        notices: [],
        historyVersion: 0,
        limits: null,
      },
      { item: (id) => this.itemOf(id), summary: () => this.summaryOf() },
    );
  }

  // What React subscribes to (upload-manager-context.tsx).
  subscribe = (listener: () => void): (() => void) => this.view.subscribePage(listener);
  getSnapshot = (): UploadsSnapshot => this.view.getPage();
  subscribeSummary = (listener: () => void): (() => void) => this.view.subscribeSummary(listener);
  getSummary = (): QueueSummary => this.view.getSummary();
  subscribeItem = (id: string, listener: () => void) => this.view.subscribeItem(id, listener);
  getItem = (id: string): UploadItem | undefined => this.view.getItem(id);

  /** Starts listening to the network and loads limits and waiting uploads; the returned function stops. */
  connect(): () => void {
    const offline = () => this.goOffline();
    const online = () => this.goOnline();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.ticker = setInterval(() => {
      // Speed and time left change as time passes even when no byte moves.
      for (const id of this.running) this.view.changed(id);
      if (this.running.size > 0) this.view.summaryChanged();
    }, 1000);
    void this.loadLimits();
    void this.refreshPending();
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      clearInterval(this.ticker);
      this.view.dispose();
      void this.queue.pauseAll();
    };
  }

  setTarget(target: UploadTarget | null): void {
    saveTarget(target);
    this.patch({ target });
  }

  /** Files dropped outside the Uploads page before any destination was chosen. */
  stage(files: PickedFile[]): void {
    this.patch({ staged: [...this.getSnapshot().staged, ...files] });
  }

  clearStaged(): void {
    this.patch({ staged: [] });
  }

  dismissNotices(): void {
    this.patch({ notices: [] });
  }

  /**
   * Queues files for the target. One upload per destination key: a file going where another is
   * still queued is refused, and one going where a waiting upload goes continues it (the engine
   * checks first that the content is the same, and starts afresh when it is not). Files the
   * server would refuse (size, type) are not queued: a notice says why.
   */
  async add(files: readonly PickedFile[], target: UploadTarget): Promise<void> {
    const folder = folderPrefix(target.prefix, target.subFolder);
    const where = describeLocation(target.connectionName, target.bucket, folder);
    const { limits } = this.getSnapshot();
    const notices: string[] = [];
    const refused: string[] = [];
    for (const { file, relativePath } of files) {
      const refusal =
        limits && limitRefusal(limits, { name: relativePath, size: file.size, type: file.type });
      if (refusal) {
        refused.push(
          i18n.t('uploads.messages.refusedFile', { name: relativePath, reason: refusal }),
        );
        continue;
      }
      const destination: UploadDestination = {
        connectionId: target.connectionId,
        bucket: target.bucket,
        key: objectKey(folder, relativePath),
        onExisting: target.onExisting,
      };
      const notice = this.enqueue(file, destination, { name: relativePath, where });
      if (notice) notices.push(notice);
    }
    if (refused.length > 0)
      notices.push(
        refused.length > 5
          ? i18n.t('uploads.messages.notQueuedMore', {
              names: refused.slice(0, 5).join(', '),
              count: refused.length - 5,
            })
          : i18n.t('uploads.messages.notQueued', { names: refused.join(', ') }),
      );
    this.publishIds();
    if (notices.length) this.notify(...notices);
  }

  /** Continues a waiting upload with the file chosen for it (same content check as add). */
  resumePending(uploadId: string, file: File): void {
    const match = this.getSnapshot().pending.find((p) => p.upload.id === uploadId);
    if (!match) return;
    const destination = destinationOf(match);
    const name = baseName(destination.key);
    const notice = this.enqueue(
      file,
      { ...destination, onExisting: this.getSnapshot().target?.onExisting ?? 'reject' },
      {
        name,
        where: describeLocation(
          this.connectionName(destination.connectionId),
          destination.bucket,
          destination.key.slice(0, destination.key.length - name.length),
        ),
      },
    );
    this.publishIds();
    if (notice) this.notify(notice);
  }

  pause(id: string): void {
    const entry = this.entries.get(id);
    if (entry) void this.queue.pause(entry.task);
  }

  /** Resume a paused upload or retry a failed one. */
  resume(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.message = null;
    this.pausedForOffline.delete(entry.task);
    this.queue.resume(entry.task);
    this.view.changed(id, true);
  }

  cancel(id: string): void {
    const entry = this.entries.get(id);
    if (entry) void this.queue.cancel(entry.task);
  }

  pauseAll(): void {
    void this.queue.pauseAll();
  }

  resumeAll(): void {
    for (const entry of this.entries.values())
      if (entry.task.state === 'paused') this.resume(entry.id);
  }

  /** Takes finished and cancelled rows off the list. */
  clearFinished(): void {
    for (const entry of [...this.entries.values()]) {
      if (entry.task.state === 'completed' || entry.task.state === 'cancelled') this.drop(entry);
    }
    this.publishIds();
  }

  /** Aborts a waiting upload on the server and forgets it here. */
  async discardPending(uploadId: string): Promise<void> {
    const match = this.getSnapshot().pending.find((p) => p.upload.id === uploadId);
    if (!match) return;
    await this.api.abort(uploadId);
    const resumeKey = resumeKeyOfPending(match);
    if (resumeKey !== null) await this.store.delete(resumeKey);
    const { pending, historyVersion } = this.getSnapshot();
    this.patch({ pending: pending.filter((p) => p !== match), historyVersion: historyVersion + 1 });
  }

  async refreshPending(): Promise<void> {
    try {
      const known = new Set<string>();
      for (const { task } of this.entries.values()) if (task.upload) known.add(task.upload.id);
      this.patch({ pending: await loadPendingUploads(this.store, known), pendingError: null });
    } catch (error) {
      this.patch({ pendingError: problemMessage(error) });
    }
  }

  private async loadLimits(): Promise<void> {
    try {
      const limits = await this.api.limits!();
      this.small = new SmallUploadBatcher({
        api: this.api,
        maxBytes: limits.singlePutMaxBytes,
        sendConcurrency: SMALL_FILE_PUTS,
      });
      this.patch({ limits });
    } catch {
      // Without the limits every file goes the one-file way, and the API still checks them.
    }
  }

  /** Tracks one file unless its destination is taken in the queue; returns a notice for people. */
  private enqueue(
    file: File,
    destination: UploadDestination,
    labels: { name: string; where: string },
  ): string | null {
    const resumeKey = resumeKeyOf(destination);
    const same = this.byDestination.get(resumeKey);
    // A failed try is replaced (e.g. after choosing "Rename" instead of "Skip"); the engine
    // still resumes its upload from the resume store when there is one.
    if (same?.task.state === 'failed') this.drop(same);
    else if (same) return i18n.t('uploads.messages.alreadyQueued', { name: labels.name });
    const { pending } = this.getSnapshot();
    const match = findPendingFor(destination, pending);
    if (match) this.patch({ pending: pending.filter((p) => p !== match) });
    this.track(file, destination, labels, match && !match.record ? match.upload.id : undefined);
    return match ? i18n.t('uploads.messages.resuming', { name: labels.name }) : null;
  }

  private track(
    file: File,
    destination: UploadDestination,
    labels: { name: string; where: string },
    /** Started in another browser: no record here, so the engine is told which upload to check. */
    candidateUploadId: string | undefined,
  ): void {
    const task = new UploadTask({
      api: this.api,
      sender: this.sender,
      small: this.small,
      file: blobFileSource(file),
      destination,
      store: this.store,
      candidateUploadId,
      concurrency: 4,
    });
    const entry = createEntry(
      `u${this.nextId++}`,
      task,
      { ...labels, size: file.size },
      {
        changed: (now) => this.view.changed(entry.id, now),
        notify: (notice) => this.notify(notice),
        stateChanged: (state, previous) => this.stateChanged(entry, state, previous),
      },
    );
    this.entries.set(entry.id, entry);
    this.byDestination.set(task.resumeKey, entry);
    this.counts[task.state]++;
    this.queue.add(task);
    if (!this.getSnapshot().online) {
      this.pausedForOffline.add(task);
      void this.queue.pause(task);
    }
  }

  private stateChanged(entry: Entry, state: UploadTaskState, previous: UploadTaskState): void {
    this.counts[previous]--;
    this.counts[state]++;
    if (RUNNING.has(state)) this.running.add(entry.id);
    else this.running.delete(entry.id);
    if (state === 'completed' || state === 'cancelled') {
      if (this.byDestination.get(entry.task.resumeKey) === entry)
        this.byDestination.delete(entry.task.resumeKey);
    }
    if (state === 'completed')
      this.patch({ historyVersion: this.getSnapshot().historyVersion + 1 });
    this.view.changed(entry.id, true);
  }

  private goOffline(): void {
    this.patch({ online: false });
    for (const { task } of this.entries.values()) {
      if (!ACTIVE.has(task.state)) continue;
      this.pausedForOffline.add(task);
      void this.queue.pause(task);
    }
  }

  private goOnline(): void {
    this.patch({ online: true });
    for (const entry of this.entries.values()) {
      const { task } = entry;
      const waiting = this.pausedForOffline.has(task) && task.state === 'paused';
      const cutOff = task.state === 'failed' && isNetworkFailure(task.error);
      if (waiting || cutOff) this.resume(entry.id);
    }
    this.pausedForOffline.clear();
  }

  private connectionName(connectionId: string): string {
    const { target } = this.getSnapshot();
    return target?.connectionId === connectionId ? target.connectionName : '';
  }

  private drop(entry: Entry): void {
    entry.detach();
    this.queue.remove(entry.task);
    this.entries.delete(entry.id);
    this.running.delete(entry.id);
    this.counts[entry.task.state]--;
    if (this.byDestination.get(entry.task.resumeKey) === entry)
      this.byDestination.delete(entry.task.resumeKey);
  }

  private publishIds(): void {
    this.view.setIds([...this.entries.keys()]);
  }

  private notify(...notices: string[]): void {
    this.patch({ notices: [...this.getSnapshot().notices, ...notices].slice(-5) });
  }

  private patch(changes: Partial<UploadsSnapshot>): void {
    this.view.setPage({ ...this.getSnapshot(), ...changes });
  }

  private itemOf(id: string): UploadItem | undefined {
    const entry = this.entries.get(id);
    return entry && itemOf(entry);
  }

  private summaryOf() {
    const c = this.counts;
    const counts: QueueCounts = {
      total: this.entries.size,
      done: c.completed,
      running: c.preparing + c.uploading + c.completing,
      queued: c.queued,
      paused: c.paused,
      failed: c.failed,
    };
    return { counts, overall: this.queue.progress() };
  }
}
