// The copy lanes of a running job: claims pending items in batches, copies them `concurrency` at a
// time (retries with backoff and jitter; SlowDown pauses the whole job), and records outcomes in
// batches. Items it holds when paused or cancelled go back to pending.
import { setTimeout as sleep } from 'node:timers/promises';
import type { MigrationOptions } from '@s3am/contracts';
import {
  claimPendingItems,
  recordOutcomes,
  recordUploadId,
  type ClaimedItem,
  type ItemOutcome,
} from './migration-items.repo.js';
import {
  copyOneObject,
  headDestination,
  StepError,
  type CopyMode,
  type CopySettings,
} from './migration-copy.js';
import { serverSideCopyDenied } from './migration-copy-mode.js';
import { describeCopyFailure } from './migration-failures.js';
import { identicalAtDestination } from './migration-locations.js';
import { backoffMs, type JobThrottle, type SpeedMeter } from './migration-pacing.js';
import { appendLog, notifyMigrationChanged } from './migrations.repo.js';
import type { EngineDeps, RunControl } from './migration-engine.js';

const FLUSH_EVERY_MS = 200;
const FLUSH_AT = 200;
const NOTIFY_EVERY_MS = 250;

export interface CopyPoolParams {
  deps: EngineDeps;
  jobId: string;
  mode: CopyMode;
  /** Server-side copy between two identities: switch to streaming when it is denied. */
  fallbackToStream: boolean;
  options: MigrationOptions;
  control: RunControl;
  throttle: JobThrottle;
  speed: SpeedMeter;
  copy: CopySettings;
  destinationKeyOf: (key: string) => string;
}

export class CopyPool {
  readonly #p: CopyPoolParams;
  readonly #buffer: ClaimedItem[] = [];
  #claiming: Promise<void> | null = null;
  #listingDone = false;
  #unclaimed = 0;
  #wake: (() => void) | null = null;
  #outcomes: ItemOutcome[] = [];
  #lastNotify = 0;
  #flushing: Promise<void> = Promise.resolve();
  #mode: CopyMode;
  #switching: Promise<void> | null = null;

  constructor(params: CopyPoolParams) {
    this.#p = params;
    this.#mode = params.mode;
  }

  /** Once for the job: the copy was denied, so bytes go through this worker from now on. */
  #switchToStream(): Promise<void> {
    this.#mode = 'stream';
    this.#switching ??= (async () => {
      const { db } = this.#p.deps;
      await db.migrationJob.update({ where: { id: this.#p.jobId }, data: { copyMode: 'stream' } });
      await appendLog(
        db,
        this.#p.jobId,
        'warn',
        'Server-side copy was denied (the destination identity may not read the source): objects are copied through the worker instead.',
      );
    })().catch((error: unknown) => {
      this.#p.deps.log.warn({ err: error, migrationId: this.#p.jobId }, 'copy mode not recorded');
    });
    return this.#switching;
  }

  settingsFor(itemId: bigint | null): CopySettings {
    return {
      ...this.#p.copy,
      onUploadId: (uploadId) =>
        itemId === null ? Promise.resolve() : recordUploadId(this.#p.deps.db, itemId, uploadId),
    };
  }

  /** The lister recorded `pending` new items to copy. */
  listed(pending: number): void {
    this.#unclaimed += pending;
    this.#wakeUp();
  }

  listingFinished(): void {
    this.#listingDone = true;
    this.#wakeUp();
  }

  /** Back-pressure for the lister: it stays at most this far ahead of the copies. */
  async waitForRoom(signal: AbortSignal): Promise<void> {
    const room = Math.max(10_000, this.#p.options.concurrency * 50);
    while (this.#unclaimed > room && !signal.aborted && this.#p.control.state === 'running')
      await sleep(50);
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  async #next(): Promise<ClaimedItem | null> {
    for (;;) {
      if (this.#p.control.state !== 'running') return null;
      const item = this.#buffer.shift();
      if (item) return item;
      if (!this.#claiming) {
        const listingDone = this.#listingDone;
        this.#claiming = (async () => {
          const limit = Math.min(500, this.#p.options.concurrency * 4);
          const claimed = await claimPendingItems(this.#p.deps.db, this.#p.jobId, limit);
          this.#unclaimed = Math.max(0, this.#unclaimed - claimed.length);
          this.#buffer.push(...claimed);
          if (claimed.length === 0 && !listingDone)
            await new Promise<void>((resolve) => {
              this.#wake = resolve;
              setTimeout(resolve, 500).unref();
            });
          else if (claimed.length === 0) this.#listingDone = true;
        })().finally(() => {
          this.#claiming = null;
        });
      }
      await this.#claiming;
      if (this.#buffer.length === 0 && this.#listingDone && this.#claiming === null) {
        // One last look: the lister may have finished between our claim and its flag.
        const late = await claimPendingItems(this.#p.deps.db, this.#p.jobId, 50);
        if (late.length === 0) return null;
        this.#buffer.push(...late);
      }
    }
  }

  async run(): Promise<void> {
    const ticker = setInterval(() => void this.#flush(false), FLUSH_EVERY_MS);
    try {
      const lanes = Array.from({ length: this.#p.options.concurrency }, async () => {
        for (let item = await this.#next(); item; item = await this.#next())
          this.#record(await this.#copy(item));
      });
      await Promise.all(lanes);
    } finally {
      clearInterval(ticker);
      // Claimed but never started (paused, cancelled): back to pending.
      for (const item of this.#buffer.splice(0))
        this.#record({ id: item.id, state: 'pending', reason: null });
      await this.#flush(true);
    }
  }

  #record(outcome: ItemOutcome): void {
    this.#outcomes.push(outcome);
    if (this.#outcomes.length >= FLUSH_AT) void this.#flush(false);
  }

  #flush(final: boolean): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      const batch = this.#outcomes.splice(0);
      try {
        await recordOutcomes(this.#p.deps.db, batch);
      } catch (error) {
        // Kept for the next flush; items stay `copying` and are checked again after a restart.
        this.#outcomes.unshift(...batch);
        this.#p.deps.log.warn(
          { err: error, migrationId: this.#p.jobId },
          'recording outcomes failed',
        );
        if (final) throw error;
        return;
      }
      const now = Date.now();
      if (batch.length > 0 && (final || now - this.#lastNotify >= NOTIFY_EVERY_MS)) {
        this.#lastNotify = now;
        await notifyMigrationChanged(this.#p.deps.db, this.#p.jobId).catch(() => undefined);
      }
    });
    return this.#flushing;
  }

  async #copy(item: ClaimedItem): Promise<ItemOutcome> {
    const { control, throttle, deps } = this.#p;
    const signal = control.abort.signal;
    const destKey = this.#p.destinationKeyOf(item.key);
    const settings = this.settingsFor(item.id);
    const source = { key: item.key, size: Number(item.size), etag: item.etag };
    let throttles = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await throttle.wait(signal);
        // Paused or cancelled before this object started (or between its retries): it goes back
        // to pending untouched, so a pause stops new writes at once and resume copies it once.
        if (control.state !== 'running') return { id: item.id, state: 'pending', reason: null };
        if (item.recheck) {
          // A worker died while this object was being written: look before writing again.
          const head = await headDestination(settings, destKey, signal);
          if (
            head &&
            identicalAtDestination(
              { size: item.size, etag: item.etag, lastModified: item.lastModified },
              {
                size: BigInt(head.ContentLength ?? -1),
                etag: head.ETag ?? null,
                lastModified: head.LastModified ?? null,
              },
            )
          )
            return { id: item.id, state: 'copied', reason: null };
        }
        await copyOneObject(settings, source, destKey, this.#mode, signal);
        this.#p.speed.add(source.size);
        throttle.relax();
        return { id: item.id, state: 'copied', reason: null };
      } catch (error) {
        if (signal.aborted) return { id: item.id, state: 'pending', reason: null };
        const stepError = error instanceof StepError ? error : null;
        if (
          this.#p.fallbackToStream &&
          serverSideCopyDenied(stepError?.original ?? error, stepError?.step ?? '')
        ) {
          attempt -= 1; // the strategy was wrong, not the object: try again by streaming
          await this.#switchToStream();
          continue;
        }
        const failure = describeCopyFailure(
          stepError?.original ?? error,
          stepError?.step ?? 'Copy',
        );
        if (failure.kind === 'throttled' && throttles < 20) {
          throttles += 1;
          attempt -= 1; // SlowDown is the job's pace, not this object's fault
          const until = throttle.slowDown();
          if (throttles === 1)
            await appendLog(
              deps.db,
              this.#p.jobId,
              'warn',
              `S3 asked to slow down; the whole job waits ${Math.round((until - Date.now()) / 100) / 10} s.`,
            ).catch(() => undefined);
          continue;
        }
        if (failure.kind === 'permanent' || attempt >= deps.settings.maxAttempts) {
          await appendLog(deps.db, this.#p.jobId, 'error', `${item.key}: ${failure.reason}`).catch(
            () => undefined,
          );
          return { id: item.id, state: 'failed', reason: failure.reason };
        }
        await sleep(backoffMs(attempt), undefined, { signal }).catch(() => undefined);
      }
    }
  }
}
