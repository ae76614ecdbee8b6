// The tab's upload queue: tasks, their progress, waiting uploads from earlier visits, offline
// pause/resume; a plain store React subscribes to (upload-manager-context.tsx mounts it).
import {
  IndexedDbResumeStore,
  UploadQueue,
  UploadTask,
  XhrPartSender,
  blobFileSource,
  resumeKeyOf,
  type ProgressSnapshot,
  type ResumeStore,
  type UploadApi,
  type UploadDestination,
  type UploadTaskState,
} from '@s3am/uploader';
import { problemMessage } from '../../api/client';
import { type PickedFile } from './dropped-files';
import {
  destinationOf,
  findPendingFor,
  loadPendingUploads,
  resumeKeyOfPending,
  type PendingUpload,
} from './pending-uploads';
import { isNetworkFailure, uploadErrorMessage } from './upload-error-message';
import { baseName, folderPrefix, objectKey } from './upload-keys';
import { describeLocation, loadSavedTarget, saveTarget, type UploadTarget } from './upload-target';
import { createWebUploadApi } from './upload-transport';

export interface UploadItem {
  id: string;
  /** The path under the destination folder ("photos/a.jpg"). */
  name: string;
  size: number;
  /** Where it goes, for people ("Local storage › uploads › photos/"). */
  where: string;
  state: UploadTaskState;
  progress: ProgressSnapshot;
  /** Bytes S3 already held when the upload resumed (not sent again). */
  resumedBytes: number;
  message: string | null;
  /** The key the server chose (after renaming), once known. */
  key: string | null;
}

export interface UploadsSnapshot {
  items: readonly UploadItem[];
  pending: readonly PendingUpload[];
  pendingError: string | null;
  overall: ProgressSnapshot;
  online: boolean;
  target: UploadTarget | null;
  /** Dropped before a destination was chosen. */
  staged: readonly PickedFile[];
  notices: readonly string[];
  /** Changes when an upload finishes, so the history reloads. */
  historyVersion: number;
}

interface Entry {
  item: UploadItem;
  task: UploadTask;
  detach: () => void;
}

const ACTIVE: readonly UploadTaskState[] = ['queued', 'preparing', 'uploading', 'completing'];
const PROGRESS_INTERVAL_MS = 200;

export class UploadManager {
  private readonly api: UploadApi;
  private readonly store: ResumeStore;
  private readonly sender = new XhrPartSender();
  private readonly queue = new UploadQueue({ concurrency: 2 });
  private entries: Entry[] = [];
  private pending: PendingUpload[] = [];
  private pendingError: string | null = null;
  private staged: PickedFile[] = [];
  private notices: string[] = [];
  private target: UploadTarget | null = loadSavedTarget();
  private online = navigator.onLine;
  private historyVersion = 0;
  private readonly pausedForOffline = new Set<UploadTask>();
  private readonly listeners = new Set<() => void>();
  private snapshot: UploadsSnapshot;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private nextId = 1;

  constructor(options: { api?: UploadApi; store?: ResumeStore } = {}) {
    this.api = options.api ?? createWebUploadApi();
    this.store = options.store ?? new IndexedDbResumeStore();
    this.snapshot = this.buildSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): UploadsSnapshot => this.snapshot;

  /** Starts listening to the network and loads waiting uploads; the returned function stops. */
  connect(): () => void {
    const offline = () => this.goOffline();
    const online = () => this.goOnline();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    this.ticker = setInterval(() => {
      // Speed and ETA change with time even when no byte moves: refresh while something runs.
      if (this.entries.some((entry) => ACTIVE.includes(entry.task.state))) this.changed();
    }, 1000);
    void this.refreshPending();
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      clearInterval(this.ticker);
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.queue.pauseAll();
    };
  }

  setTarget(target: UploadTarget | null): void {
    this.target = target;
    saveTarget(target);
    this.changed(true);
  }

  /** Files dropped outside the Uploads page before any destination was chosen. */
  stage(files: PickedFile[]): void {
    this.staged = [...this.staged, ...files];
    this.changed(true);
  }

  clearStaged(): void {
    this.staged = [];
    this.changed(true);
  }

  dismissNotices(): void {
    this.notices = [];
    this.changed(true);
  }

  /**
   * Queues files for the target. One upload per destination key: a file going where another is
   * still queued is refused, and one going where a waiting upload goes continues it (the engine
   * checks first that the content is the same, and starts afresh when it is not).
   */
  async add(files: readonly PickedFile[], target: UploadTarget): Promise<void> {
    const folder = folderPrefix(target.prefix, target.subFolder);
    const notices: string[] = [];
    for (const { file, relativePath } of files) {
      const destination: UploadDestination = {
        connectionId: target.connectionId,
        bucket: target.bucket,
        key: objectKey(folder, relativePath),
        onExisting: target.onExisting,
      };
      const notice = this.enqueue(file, destination, {
        name: relativePath,
        where: describeLocation(target.connectionName, target.bucket, folder),
      });
      if (notice) notices.push(notice);
    }
    if (notices.length) this.notices = [...this.notices, ...notices].slice(-5);
    this.changed(true);
  }

  /** Continues a waiting upload with the file chosen for it (same content check as add). */
  resumePending(uploadId: string, file: File): void {
    const match = this.pending.find((p) => p.upload.id === uploadId);
    if (!match) return;
    const destination = destinationOf(match);
    const notice = this.enqueue(
      file,
      { ...destination, onExisting: this.target?.onExisting ?? 'reject' },
      {
        name: baseName(destination.key),
        where: describeLocation(
          this.connectionName(destination.connectionId),
          destination.bucket,
          destination.key.slice(0, destination.key.length - baseName(destination.key).length),
        ),
      },
    );
    if (notice) this.notices = [...this.notices, notice].slice(-5);
    this.changed(true);
  }

  /** Tracks one file unless its destination is taken in the queue; returns a notice for people. */
  private enqueue(
    file: File,
    destination: UploadDestination,
    labels: { name: string; where: string },
  ): string | null {
    const resumeKey = resumeKeyOf(destination);
    const same = this.entries.find(
      (entry) =>
        entry.task.resumeKey === resumeKey &&
        !['completed', 'cancelled'].includes(entry.task.state),
    );
    // A failed try is replaced (e.g. after choosing "Rename" instead of "Skip"); the engine
    // still resumes its upload from the resume store when there is one.
    if (same?.task.state === 'failed') this.drop(same);
    else if (same) return `"${labels.name}" is already in the queue for this destination.`;
    const match = findPendingFor(destination, this.pending);
    if (match) this.pending = this.pending.filter((p) => p !== match);
    this.track(file, {
      ...labels,
      destination,
      // Started in another browser: no record here, so the engine is told which upload to check.
      candidateUploadId: match && !match.record ? match.upload.id : undefined,
    });
    return match
      ? `Resuming "${labels.name}" where it stopped, once its content is checked.`
      : null;
  }

  pause(id: string): void {
    const entry = this.find(id);
    if (entry) void this.queue.pause(entry.task);
  }

  /** Resume a paused upload or retry a failed one. */
  resume(id: string): void {
    const entry = this.find(id);
    if (!entry) return;
    entry.item.message = null;
    this.pausedForOffline.delete(entry.task);
    this.queue.resume(entry.task);
    this.changed(true);
  }

  cancel(id: string): void {
    const entry = this.find(id);
    if (entry) void this.queue.cancel(entry.task);
  }

  pauseAll(): void {
    void this.queue.pauseAll();
  }

  resumeAll(): void {
    for (const entry of this.entries) {
      if (entry.task.state === 'paused') this.resume(entry.item.id);
    }
  }

  /** Takes finished and cancelled rows off the list. */
  clearFinished(): void {
    for (const entry of [...this.entries]) {
      if (entry.task.state === 'completed' || entry.task.state === 'cancelled') this.drop(entry);
    }
    this.changed(true);
  }

  /** Aborts a waiting upload on the server and forgets it here. */
  async discardPending(uploadId: string): Promise<void> {
    const match = this.pending.find((p) => p.upload.id === uploadId);
    if (!match) return;
    await this.api.abort(uploadId);
    const resumeKey = resumeKeyOfPending(match);
    if (resumeKey !== null) await this.store.delete(resumeKey);
    this.pending = this.pending.filter((p) => p !== match);
    this.historyVersion++;
    this.changed(true);
  }

  async refreshPending(): Promise<void> {
    try {
      const known = new Set(
        this.entries.flatMap((entry) => (entry.task.upload ? [entry.task.upload.id] : [])),
      );
      this.pending = await loadPendingUploads(this.store, known);
      this.pendingError = null;
    } catch (error) {
      this.pendingError = problemMessage(error);
    }
    this.changed(true);
  }

  private track(
    file: File,
    options: {
      name: string;
      where: string;
      destination: UploadDestination;
      candidateUploadId?: string;
    },
  ): void {
    const task = new UploadTask({
      api: this.api,
      sender: this.sender,
      file: blobFileSource(file),
      destination: options.destination,
      store: this.store,
      candidateUploadId: options.candidateUploadId,
      concurrency: 4,
    });
    const item: UploadItem = {
      id: `u${this.nextId++}`,
      name: options.name,
      size: file.size,
      where: options.where,
      state: task.state,
      progress: task.snapshot(),
      resumedBytes: 0,
      message: null,
      key: null,
    };
    const offs = [
      task.on('progress', () => this.changed()),
      task.on('part', ({ fromServer, size }) => {
        if (fromServer) item.resumedBytes += size;
      }),
      task.on('retry', ({ message, offline }) => {
        item.message = offline ? 'Offline: waiting for the connection.' : `Retrying: ${message}`;
        this.changed();
      }),
      task.on('check', ({ checkedBytes, totalBytes }) => {
        const percent = totalBytes > 0 ? Math.floor((checkedBytes / totalBytes) * 100) : 100;
        item.message = `Checking the parts already in the bucket against the file: ${percent} %`;
        this.changed();
      }),
      task.on('discarded', () => {
        this.notices = [
          ...this.notices,
          `"${options.name}" is not the file the unfinished upload at ${options.where} was sending: that upload was discarded and this one starts from the beginning.`,
        ].slice(-5);
        this.changed(true);
      }),
      task.on('error', ({ error }) => {
        item.message = uploadErrorMessage(error, options.where);
        this.changed(true);
      }),
      task.on('state', ({ state }) => {
        if (state === 'preparing') item.resumedBytes = 0;
        if (state === 'uploading' || state === 'completed') item.message = null;
        if (state === 'completed') this.historyVersion++;
        item.key = task.upload?.key ?? item.key;
        this.changed(true);
      }),
    ];
    const entry: Entry = { item, task, detach: () => offs.forEach((off) => off()) };
    this.entries.push(entry);
    this.queue.add(task);
    if (!this.online) {
      this.pausedForOffline.add(task);
      void this.queue.pause(task);
    }
  }

  private goOffline(): void {
    this.online = false;
    for (const { task } of this.entries) {
      if (!ACTIVE.includes(task.state)) continue;
      this.pausedForOffline.add(task);
      void this.queue.pause(task);
    }
    this.changed(true);
  }

  private goOnline(): void {
    this.online = true;
    for (const entry of this.entries) {
      const { task } = entry;
      const waiting = this.pausedForOffline.has(task) && task.state === 'paused';
      const cutOff = task.state === 'failed' && isNetworkFailure(task.error);
      if (waiting || cutOff) this.resume(entry.item.id);
    }
    this.pausedForOffline.clear();
    this.changed(true);
  }

  private connectionName(connectionId: string): string {
    return this.target?.connectionId === connectionId ? this.target.connectionName : '';
  }

  private find(id: string): Entry | undefined {
    return this.entries.find((entry) => entry.item.id === id);
  }

  private drop(entry: Entry): void {
    entry.detach();
    this.queue.remove(entry.task);
    this.entries = this.entries.filter((e) => e !== entry);
  }

  /** Progress events come many times a second: coalesce them; state changes show at once. */
  private changed(now = false): void {
    if (now) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.publish();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.publish();
    }, PROGRESS_INTERVAL_MS);
  }

  private publish(): void {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): UploadsSnapshot {
    return {
      items: this.entries.map(({ item, task }) => ({
        ...item,
        state: task.state,
        progress: task.snapshot(),
        key: task.upload?.key ?? item.key,
      })),
      pending: this.pending,
      pendingError: this.pendingError,
      overall: this.queue.progress(),
      online: this.online,
      target: this.target,
      staged: this.staged,
      notices: this.notices,
      historyVersion: this.historyVersion,
    };
  }
}
