// Runs several UploadTasks with a limit on files in flight, and adds up their progress.
import { TypedEmitter } from './emitter.js';
import { combineProgress, type ProgressSnapshot } from './progress.js';
import { type UploadTask, type UploadTaskState } from './upload-task.js';

export interface UploadQueueEvents {
  progress: ProgressSnapshot;
  state: { task: UploadTask; state: UploadTaskState };
  /** Nothing running and nothing waiting. */
  idle: undefined;
}

export class UploadQueue extends TypedEmitter<UploadQueueEvents> {
  private readonly tasks: UploadTask[] = [];
  private readonly waiting: UploadTask[] = [];
  private readonly running = new Set<UploadTask>();
  private readonly detach = new Map<UploadTask, () => void>();
  private idleWaiters: (() => void)[] = [];
  private readonly concurrency: number;

  constructor(options: { concurrency?: number } = {}) {
    super();
    this.concurrency = Math.max(1, options.concurrency ?? 2);
  }

  /** Every task added and not removed, in the order added. */
  list(): readonly UploadTask[] {
    return this.tasks;
  }

  add(task: UploadTask): void {
    if (this.detach.has(task)) return;
    this.tasks.push(task);
    const offProgress = task.on('progress', () => this.emit('progress', this.progress()));
    const offState = task.on('state', ({ state }) => {
      this.emit('state', { task, state });
      this.emit('progress', this.progress());
    });
    this.detach.set(task, () => {
      offProgress();
      offState();
    });
    this.enqueue(task);
  }

  /** Puts a paused or failed task back in line. */
  resume(task: UploadTask): void {
    if (!this.detach.has(task)) return;
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
    await Promise.all(this.tasks.map((task) => this.pause(task)));
  }

  async cancelAll(): Promise<void> {
    await Promise.all(this.tasks.map((task) => this.cancel(task)));
  }

  /** Forgets a task (cancel or pause it first if it should stop). */
  remove(task: UploadTask): void {
    this.dropWaiting(task);
    this.detach.get(task)?.();
    this.detach.delete(task);
    const index = this.tasks.indexOf(task);
    if (index >= 0) this.tasks.splice(index, 1);
    this.emit('progress', this.progress());
  }

  /** Overall progress of the tasks not cancelled. */
  progress(): ProgressSnapshot {
    return combineProgress(
      this.tasks.filter((task) => task.state !== 'cancelled').map((task) => task.snapshot()),
    );
  }

  /** Resolves once nothing runs or waits. */
  drain(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Detaches from every task's events. */
  dispose(): void {
    for (const off of this.detach.values()) off();
    this.detach.clear();
    this.waiting.length = 0;
    this.removeAllListeners();
  }

  private enqueue(task: UploadTask): void {
    if (!this.running.has(task) && !this.waiting.includes(task)) this.waiting.push(task);
    this.pump();
  }

  private dropWaiting(task: UploadTask): void {
    const index = this.waiting.indexOf(task);
    if (index >= 0) this.waiting.splice(index, 1);
    this.settleIfIdle();
  }

  private pump(): void {
    while (this.running.size < this.concurrency) {
      const task = this.waiting.shift();
      if (!task) break;
      if (task.state !== 'queued') continue;
      this.running.add(task);
      const finished = (): void => {
        this.running.delete(task);
        this.pump();
      };
      void task.start().then(finished, finished);
    }
    this.settleIfIdle();
  }

  private isIdle(): boolean {
    return this.running.size === 0 && this.waiting.length === 0;
  }

  private settleIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
    if (waiters.length > 0 || this.tasks.length > 0) this.emit('idle', undefined);
  }
}
