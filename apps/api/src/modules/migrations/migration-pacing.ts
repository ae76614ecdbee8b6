// Pacing for one running job: retries with exponential backoff and full jitter, a job-wide pause
// after SlowDown/503 (every copy waits, not only the throttled one), and an optional bandwidth cap.
import { setTimeout as sleep } from 'node:timers/promises';

/** Full jitter (AWS architecture blog): a random wait in [0, min(cap, base · 2^attempt)). */
export function backoffMs(attempt: number, baseMs = 200, capMs = 20_000, random = Math.random) {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

export class JobThrottle {
  #until = 0;
  #strikes = 0;

  /** After a SlowDown: the whole job waits, longer while the throttling goes on. */
  slowDown(now = Date.now()): number {
    this.#strikes = Math.min(this.#strikes + 1, 8);
    const wait = 500 * 2 ** (this.#strikes - 1) + backoffMs(this.#strikes, 100, 2_000);
    this.#until = Math.max(this.#until, now + wait);
    return this.#until;
  }

  /** A success after throttling: the next SlowDown starts from a short wait again. */
  relax(): void {
    if (this.#until < Date.now()) this.#strikes = 0;
  }

  get until(): number {
    return this.#until;
  }

  async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const left = this.#until - Date.now();
      if (left <= 0) return;
      await sleep(left, undefined, signal ? { signal } : undefined);
    }
  }
}

/** Paces bytes to a rate: each transfer books its bytes and waits for its slot. */
export class BandwidthCap {
  #next = 0;
  constructor(private readonly bytesPerSecond: number | null) {}

  async take(bytes: number, signal?: AbortSignal): Promise<void> {
    if (!this.bytesPerSecond || bytes <= 0) return;
    const now = Date.now();
    const start = Math.max(now, this.#next);
    this.#next = start + (bytes * 1000) / this.bytesPerSecond;
    if (start > now) await sleep(start - now, undefined, signal ? { signal } : undefined);
  }
}

/** Bytes per second over a sliding window of recent completions. */
export class SpeedMeter {
  readonly #samples: { at: number; bytes: number }[] = [];
  constructor(private readonly windowMs = 5_000) {}

  add(bytes: number, at = Date.now()): void {
    this.#samples.push({ at, bytes });
  }

  bytesPerSecond(now = Date.now()): number {
    while (this.#samples.length > 0 && this.#samples[0]!.at < now - this.windowMs)
      this.#samples.shift();
    const total = this.#samples.reduce((sum, sample) => sum + sample.bytes, 0);
    return (total * 1000) / this.windowMs;
  }
}
