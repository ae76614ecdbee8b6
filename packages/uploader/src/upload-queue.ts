// Runs several UploadTasks with a limit on files in flight, and adds up their progress. Small
// files (tasks in the 'small' lane, see small-upload-batcher.ts) run many at once, started in
// groups so their creates and completions fill batch calls; their PUTs share the batcher's slots.
// Every per-event cost here is O(1) or O(files running): never O(files queued).
import { MAX_UPLOADS_PER_BATCH } from '@s3am/contracts';
import { TypedEmitter } from './emitter.js';
import { SpeedMeter, etaSeconds, type ProgressSnapshot } from './progress.js';
import { type UploadTask, type UploadTaskState } from './upload-task.js';

export interface UploadQueueEvents {
  progress: ProgressSnapshot;
  state: { task: UploadTask; state: UploadTaskState };
  /** Nothing running and nothing waiting. */
  idle: undefined;
}

export interface UploadQueueOptions {
  /** Large files in flight at once (default 2). */
  concurrency?: number;
  /** Small files in flight at once: being created, sent or completed (default 400). */
  smallConcurrency?: number;
  /** Bytes of small files in flight at most (default 256 MiB), so their 5-minute URLs are used in time. */
  smallBytesInFlight?: number;
  /** Speed window, ms (default 10 s). */
  progressWindowMs?: number;
  now?: () => number;
}

type Lane = 'small' | 'large';

/** What a task adds to the totals: its last bytes, and whether it counts (not cancelled). */
interface Tally {
  done: number;
  total: number;
  finished: boolean;
  counted: boolean;
  detach: () => void;
}

/** A FIFO with O(1) membership checks. */
class Line {
  private readonly items: UploadTask[] = [];
  private readonly members = new Set<UploadTask>();

  get length(): number {
    return this.items.length;
  }

  has(task: UploadTask): boolean {
    return this.members.has(task);
  }

  push(task: UploadTask): void {
    if (this.members.has(task)) return;
    this.members.add(task);
    this.items.push(task);
  }

  unshift(task: UploadTask): void {
    if (this.members.has(task)) return;
    this.members.add(task);
    this.items.unshift(task);
  }

  shift(): UploadTask | undefined {
    const task = this.items.shift();
    if (task) this.members.delete(task);
    return task;
  }

  remove(task: UploadTask): void {
    if (!this.members.delete(task)) return;
    this.items.splice(this.items.indexOf(task), 1);
  }

  clear(): void {
    this.items.length = 0;
    this.members.clear();
  }
}

export class UploadQueue extends TypedEmitter<UploadQueueEvents> {
  private readonly tallies = new Map<UploadTask, Tally>();
  private readonly waiting: Record<Lane, Line> = { small: new Line(), large: new Line() };
  private readonly running: Record<Lane, Set<UploadTask>> = { small: new Set(), large: new Set() };
  private readonly limits: Record<Lane, number>;
  private readonly smallBytesLimit: number;
  private smallBytesRunning = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly meter: SpeedMeter;
  private bytesDone = 0;
  private bytesTotal = 0;
  private counted = 0;
  private finished = 0;

  constructor(options: UploadQueueOptions = {}) {
    super();
    this.limits = {
      large: Math.max(1, options.concurrency ?? 2),
      small: Math.max(1, options.smallConcurrency ?? 4 * MAX_UPLOADS_PER_BATCH),
    };
    this.smallBytesLimit = options.smallBytesInFlight ?? 256 * 1024 * 1024;
    this.meter = new SpeedMeter({ windowMs: options.progressWindowMs, now: options.now });
  }

  /** Every task added and not removed, in the order added. */
  list(): readonly UploadTask[] {
    return [...this.tallies.keys()];
  }

  add(task: UploadTask): void {
    if (this.tallies.has(task)) return;
    const snapshot = task.snapshot();
    const tally: Tally = {
      done: 0,
      total: 0,
      finished: false,
      counted: false,
      detach: () => undefined,
    };
    this.tallies.set(task, tally);
    this.count(task, tally, snapshot, task.state !== 'cancelled');
    const offProgress = task.on('progress', (next) => {
      this.count(task, tally, next, tally.counted);
      this.emit('progress', this.progress());
    });
    const offState = task.on('state', ({ state }) => {
      if (state === 'cancelled') this.count(task, tally, task.snapshot(), false);
      this.emit('state', { task, state });
      this.emit('progress', this.progress());
    });
    tally.detach = () => {
      offProgress();
      offState();
    };
    this.enqueue(task);
  }

  /** Puts a paused or failed task back in line. */
  resume(task: UploadTask): void {
    if (!this.tallies.has(task)) return;
    task.markQueued();
    this.enqueue(task);
  }

  async pause(task: UploadTask): Promise<void> {
    this.dropWaiting(task);
    await task.pause();
  }

  async cancel(task: UploadTask): Promise<void> {
    this.dropWaiting(task);
    await task.cancel();
  }

  async pauseAll(): Promise<void> {
    await Promise.all(this.list().map((task) => this.pause(task)));
  }

  async cancelAll(): Promise<void> {
    await Promise.all(this.list().map((task) => this.cancel(task)));
  }

  /** Forgets a task (cancel or pause it first if it should stop). */
  remove(task: UploadTask): void {
    const tally = this.tallies.get(task);
    if (!tally) return;
    this.dropWaiting(task);
    tally.detach();
    this.count(task, tally, task.snapshot(), false);
    this.tallies.delete(task);
    this.emit('progress', this.progress());
  }

  /** Overall progress of the tasks not cancelled: bytes add up, speed is the queue's own. */
  progress(): ProgressSnapshot {
    const speed = this.meter.bytesPerSecond();
    const allDone = this.counted > 0 && this.finished === this.counted;
    return {
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
      fraction:
        this.bytesTotal === 0 ? (allDone ? 1 : 0) : Math.min(1, this.bytesDone / this.bytesTotal),
      speed,
      etaSeconds: etaSeconds(this.bytesTotal - this.bytesDone, speed),
    };
  }

  /** Resolves once nothing runs or waits. */
  drain(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Detaches from every task's events. */
  dispose(): void {
    for (const tally of this.tallies.values()) tally.detach();
    this.tallies.clear();
    this.waiting.small.clear();
    this.waiting.large.clear();
    this.removeAllListeners();
  }

  /** Moves the task's share of the totals to `snapshot` (or takes it out when not `counted`). */
  private count(
    task: UploadTask,
    tally: Tally,
    snapshot: ProgressSnapshot,
    counted: boolean,
  ): void {
    const done = counted ? snapshot.bytesDone : 0;
    const total = counted ? snapshot.bytesTotal : 0;
    const finished = counted && snapshot.fraction >= 1;
    // Bytes moving while the task sends are speed; a resume's credit or a reset is not.
    if (task.state === 'uploading' && tally.counted && counted)
      this.meter.record(done - tally.done);
    this.bytesDone += done - tally.done;
    this.bytesTotal += total - tally.total;
    this.counted += Number(counted) - Number(tally.counted);
    this.finished += Number(finished) - Number(tally.finished);
    tally.done = done;
    tally.total = total;
    tally.counted = counted;
    tally.finished = finished;
  }

  private enqueue(task: UploadTask): void {
    const lane = task.lane;
    if (!this.running[lane].has(task)) this.waiting[lane].push(task);
    this.pump();
  }

  private dropWaiting(task: UploadTask): void {
    this.waiting.small.remove(task);
    this.waiting.large.remove(task);
    this.settleIfIdle();
  }

  private pump(): void {
    this.pumpLane('large');
    // Small files start in groups (up to a batch at a time) so their creates share calls.
    const room = this.limits.small - this.running.small.size;
    const group = Math.min(MAX_UPLOADS_PER_BATCH, this.limits.small);
    if (room >= group || this.waiting.small.length <= room) this.pumpLane('small');
    this.settleIfIdle();
  }

  private pumpLane(lane: Lane): void {
    const running = this.running[lane];
    while (running.size < this.limits[lane]) {
      const task = this.waiting[lane].shift();
      if (!task) break;
      if (task.state !== 'queued') continue;
      const bytes = lane === 'small' ? task.file.size : 0;
      const tooMuch = this.smallBytesRunning + bytes > this.smallBytesLimit;
      if (lane === 'small' && running.size > 0 && tooMuch) {
        this.waiting[lane].unshift(task);
        break;
      }
      running.add(task);
      this.smallBytesRunning += bytes;
      const finished = (): void => {
        running.delete(task);
        this.smallBytesRunning -= bytes;
        this.pump();
      };
      void task.start().then(finished, finished);
    }
  }

  private isIdle(): boolean {
    return (
      this.running.small.size === 0 &&
      this.running.large.size === 0 &&
      this.waiting.small.length === 0 &&
      this.waiting.large.length === 0
    );
  }

  private settleIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
    if (waiters.length > 0 || this.tallies.size > 0) this.emit('idle', undefined);
  }
}
