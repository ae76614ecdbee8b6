// What React reads from the upload queue, in three stores with their own subscriptions, so the
// cost of a progress tick never depends on how many files are queued: one row per file (a row
// re-renders only when its own file changes), the queue summary (ids, counts, overall progress:
// built in O(1)), and the page state (destination, notices, waiting uploads: rarely changes).
// Progress marks files dirty; a timer publishes them together a few times a second.
import { type ProgressSnapshot, type UploadTaskState } from '@s3am/uploader';

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

export interface QueueCounts {
  total: number;
  done: number;
  /** Preparing, uploading or completing. */
  running: number;
  queued: number;
  paused: number;
  failed: number;
}

export interface QueueSummary {
  /** Every file in the queue, in the order added (a new array only when files come or go). */
  ids: readonly string[];
  counts: QueueCounts;
  overall: ProgressSnapshot;
}

type Listener = () => void;

/** Publishes at most this often while bytes move… */
const PUBLISH_INTERVAL_MS = 200;
/** …and this soon after a state change (a folder of small files changes state in bursts). */
const PROMPT_PUBLISH_MS = 30;

export class UploadStore<Page> {
  private page: Page;
  private readonly pageListeners = new Set<Listener>();
  private summary: QueueSummary;
  private readonly summaryListeners = new Set<Listener>();
  private readonly items = new Map<string, UploadItem>();
  private readonly itemListeners = new Map<string, Set<Listener>>();
  /** Files changed since the last publish; `stale` ones are rebuilt when next read. */
  private readonly dirty = new Set<string>();
  private readonly stale = new Set<string>();
  private summaryDirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = 0;

  constructor(
    page: Page,
    private readonly source: {
      item: (id: string) => UploadItem | undefined;
      summary: (ids: readonly string[]) => Omit<QueueSummary, 'ids'>;
    },
  ) {
    this.page = page;
    this.summary = { ids: [], ...source.summary([]) };
  }

  // --- page state
  subscribePage = (listener: Listener): (() => void) => {
    this.pageListeners.add(listener);
    return () => this.pageListeners.delete(listener);
  };

  getPage = (): Page => this.page;

  setPage(next: Page): void {
    this.page = next;
    for (const listener of [...this.pageListeners]) listener();
  }

  // --- queue summary
  subscribeSummary = (listener: Listener): (() => void) => {
    this.summaryListeners.add(listener);
    return () => this.summaryListeners.delete(listener);
  };

  getSummary = (): QueueSummary => this.summary;

  // --- one file
  subscribeItem(id: string, listener: Listener): () => void {
    let listeners = this.itemListeners.get(id);
    if (!listeners) {
      listeners = new Set();
      this.itemListeners.set(id, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.itemListeners.delete(id);
    };
  }

  getItem(id: string): UploadItem | undefined {
    if (this.stale.delete(id)) this.rebuild(id);
    return this.items.get(id);
  }

  /** Files came or went: the list of ids changes (shown promptly). */
  setIds(ids: readonly string[]): void {
    const kept = new Set(ids);
    for (const id of this.items.keys()) if (!kept.has(id)) this.items.delete(id);
    for (const id of [...this.stale, ...this.dirty]) {
      if (kept.has(id)) continue;
      this.stale.delete(id);
      this.dirty.delete(id);
    }
    for (const id of ids) if (!this.items.has(id)) this.stale.add(id);
    this.summary = { ids, ...this.source.summary(ids) };
    this.summaryDirty = true;
    this.schedule(true);
  }

  /** A file changed: shown with the next publish, or promptly (`now`, for state changes). */
  changed(id: string, now = false): void {
    this.dirty.add(id);
    this.summaryDirty = true;
    this.schedule(now);
  }

  /** The totals changed without any one file (e.g. the speed as time passes). */
  summaryChanged(now = false): void {
    this.summaryDirty = true;
    this.schedule(now);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(prompt: boolean): void {
    const due = Date.now() + (prompt ? PROMPT_PUBLISH_MS : PUBLISH_INTERVAL_MS);
    if (this.timer !== undefined && this.timerDue <= due) return;
    clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => this.publish(), due - Date.now());
  }

  private publish(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const notify: Listener[] = [];
    for (const id of this.dirty) {
      const listeners = this.itemListeners.get(id);
      // A row nobody shows is rebuilt when it is next read, not now.
      if (!listeners) {
        this.stale.add(id);
        continue;
      }
      this.rebuild(id);
      notify.push(...listeners);
    }
    this.dirty.clear();
    if (this.summaryDirty) {
      this.summaryDirty = false;
      this.summary = { ids: this.summary.ids, ...this.source.summary(this.summary.ids) };
      notify.push(...this.summaryListeners);
    }
    for (const listener of notify) listener();
  }

  private rebuild(id: string): void {
    const item = this.source.item(id);
    if (item) this.items.set(id, item);
    else this.items.delete(id);
  }
}
