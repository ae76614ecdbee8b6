// Bytes done/total, speed as a moving average over a sliding window, and ETA, per file and overall.

export interface ProgressSnapshot {
  bytesDone: number;
  bytesTotal: number;
  /** 0..1 (1 for an empty file once done). */
  fraction: number;
  /** Bytes per second over the sliding window. */
  speed: number;
  /** Seconds left at the current speed; null while the speed is unknown. */
  etaSeconds: number | null;
}

export interface ProgressOptions {
  /** Width of the speed window in ms (default 10 s). */
  windowMs?: number;
  /** The clock, injectable for tests (default Date.now). */
  now?: () => number;
}

export interface TransferProgressOptions extends ProgressOptions {
  /** Called after every change of the bytes done. */
  onChange?: () => void;
}

/** Speed over the last `windowMs`: bytes recorded in the window / time covered by the window. */
export class SpeedMeter {
  private samples: { at: number; bytes: number }[] = [];
  private origin: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: ProgressOptions = {}) {
    this.windowMs = options.windowMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.origin = this.now();
  }

  /** Bytes moved now; negative when a failed part's bytes are taken back. */
  record(bytes: number): void {
    if (bytes === 0) return;
    this.samples.push({ at: this.now(), bytes });
    this.prune(this.now());
  }

  /** Forget the history, e.g. when an upload resumes after a pause. */
  restart(): void {
    this.samples = [];
    this.origin = this.now();
  }

  bytesPerSecond(): number {
    const now = this.now();
    this.prune(now);
    // Early on the window is not full yet: divide by the time that really passed.
    const covered = Math.min(this.windowMs, now - this.origin);
    if (covered <= 0) return 0;
    const bytes = this.samples.reduce((sum, sample) => sum + sample.bytes, 0);
    return Math.max(0, (bytes * 1000) / covered);
  }

  private prune(now: number): void {
    const oldest = now - this.windowMs;
    let drop = 0;
    while (drop < this.samples.length && this.samples[drop]!.at <= oldest) drop++;
    if (drop > 0) this.samples.splice(0, drop);
  }
}

export function etaSeconds(remaining: number, speed: number): number | null {
  if (remaining <= 0) return 0;
  if (speed <= 0) return null;
  return remaining / speed;
}

/** One file's progress: finished parts, the bytes of parts in flight, and the speed. */
export class TransferProgress {
  private finishedBytes = 0;
  /** Whether any part finished: what makes an empty file 100 %. */
  private anyFinished = false;
  private readonly inFlight = new Map<number, number>();
  private readonly meter: SpeedMeter;
  private readonly onChange: () => void;

  constructor(
    private bytesTotal: number,
    options: TransferProgressOptions = {},
  ) {
    this.meter = new SpeedMeter(options);
    this.onChange = options.onChange ?? (() => undefined);
  }

  /** Starts over with a (possibly new) total, e.g. when a resume finds the server's truth. */
  reset(bytesTotal: number): void {
    this.bytesTotal = bytesTotal;
    this.finishedBytes = 0;
    this.anyFinished = false;
    this.inFlight.clear();
    this.meter.restart();
  }

  /** Bytes S3 already had when we (re)started: counted as done, not as speed. */
  credit(bytes: number): void {
    this.finishedBytes += bytes;
    this.anyFinished = true;
  }

  /** A part in flight has sent `loaded` bytes so far. */
  update(partNumber: number, loaded: number): void {
    const previous = this.inFlight.get(partNumber) ?? 0;
    this.inFlight.set(partNumber, loaded);
    this.meter.record(loaded - previous);
    this.onChange();
  }

  complete(partNumber: number, size: number): void {
    const previous = this.inFlight.get(partNumber) ?? 0;
    this.inFlight.delete(partNumber);
    this.finishedBytes += size;
    this.anyFinished = true;
    this.meter.record(size - previous);
    this.onChange();
  }

  /** A part failed or was stopped: its bytes will be sent again, so they are taken back. */
  fail(partNumber: number): void {
    const previous = this.inFlight.get(partNumber) ?? 0;
    this.inFlight.delete(partNumber);
    this.meter.record(-previous);
    if (previous !== 0) this.onChange();
  }

  /** Drop every part in flight (pause, cancel). */
  failAll(): void {
    for (const partNumber of [...this.inFlight.keys()]) this.fail(partNumber);
  }

  snapshot(): ProgressSnapshot {
    let bytesDone = this.finishedBytes;
    for (const loaded of this.inFlight.values()) bytesDone += loaded;
    bytesDone = Math.min(bytesDone, this.bytesTotal);
    const speed = this.meter.bytesPerSecond();
    return {
      bytesDone,
      bytesTotal: this.bytesTotal,
      fraction: fractionOf(bytesDone, this.bytesTotal, this.anyFinished),
      speed,
      etaSeconds: etaSeconds(this.bytesTotal - bytesDone, speed),
    };
  }
}

function fractionOf(done: number, total: number, finished: boolean): number {
  if (total === 0) return finished ? 1 : 0;
  return done / total;
}

/** Overall progress of several files: bytes and speeds add up, ETA follows from the sums. */
export function combineProgress(snapshots: readonly ProgressSnapshot[]): ProgressSnapshot {
  let bytesDone = 0;
  let bytesTotal = 0;
  let speed = 0;
  for (const snapshot of snapshots) {
    bytesDone += snapshot.bytesDone;
    bytesTotal += snapshot.bytesTotal;
    speed += snapshot.speed;
  }
  const allDone = snapshots.length > 0 && snapshots.every((snapshot) => snapshot.fraction >= 1);
  return {
    bytesDone,
    bytesTotal,
    fraction: fractionOf(bytesDone, bytesTotal, allDone),
    speed,
    etaSeconds: etaSeconds(bytesTotal - bytesDone, speed),
  };
}
