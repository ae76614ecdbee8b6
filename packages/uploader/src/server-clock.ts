// The API server's clock as seen from here. URL expiry times come from the server, so whether a
// URL is still fresh is judged by server time: a client clock hours off would otherwise sign
// again before every part (ahead) or send expired URLs (behind).

export class ServerClock {
  private offsetMs = 0;
  private known = false;

  constructor(private readonly localNow: () => number = Date.now) {}

  /** Server time now, ms since epoch; the local clock until an answer has told us better. */
  now(): number {
    return this.localNow() + this.offsetMs;
  }

  /** Whether an answer's Date header has been seen. */
  get synced(): boolean {
    return this.known;
  }

  /**
   * Learns the offset from an answer's `Date` header (whole seconds, so the server's time was
   * somewhere in [date, date + 1 s) while we waited): the middle of that second against the
   * middle of our wait. Missing or unreadable headers (a proxy, CORS) change nothing.
   */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    if (!dateHeader) return;
    const date = Date.parse(dateHeader);
    if (Number.isNaN(date)) return;
    this.offsetMs = Math.round(date + 500 - (sentAt + receivedAt) / 2);
    this.known = true;
  }
}
