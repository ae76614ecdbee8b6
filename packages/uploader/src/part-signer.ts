// Presigned part URLs, signed lazily in batches just before use and signed again when they expire.
import { MAX_PARTS_PER_SIGN_REQUEST, type SignedParts } from '@s3am/contracts';

export interface SignedPartUrl {
  url: string;
  headers: Record<string, string>;
  /** ms since epoch. */
  expiresAt: number;
}

export interface PartUrlSignerOptions {
  sign: (partNumbers: number[], signal?: AbortSignal) => Promise<SignedParts>;
  /** Parts that will be asked for next, in order: signed along with the one asked for. */
  upcoming: () => readonly number[];
  /** Part numbers per signing call, at most 100. */
  batchSize: number;
  /** A URL closer than this to expiry is signed again before use (default 60 s). */
  marginMs?: number;
  /**
   * The server's time (default Date.now). Expiry times are the server's, so freshness is judged
   * by its clock: a client clock hours ahead must not make every URL look stale.
   */
  now?: () => number;
  /** URLs signed already (e.g. with a batch of small uploads), used while fresh. */
  presigned?: readonly (SignedPartUrl & { partNumber: number })[];
}

export class PartUrlSigner {
  private readonly cache = new Map<number, SignedPartUrl>();
  private readonly pending = new Map<number, Promise<void>>();
  private readonly batchSize: number;
  private readonly marginMs: number;
  private readonly now: () => number;
  /** Signing calls made so far (for diagnostics and tests). */
  signCalls = 0;

  constructor(private readonly options: PartUrlSignerOptions) {
    this.batchSize = Math.max(1, Math.min(options.batchSize, MAX_PARTS_PER_SIGN_REQUEST));
    this.marginMs = options.marginMs ?? 60_000;
    this.now = options.now ?? Date.now;
    for (const { partNumber, ...signed } of options.presigned ?? [])
      this.cache.set(partNumber, signed);
  }

  async get(partNumber: number, signal?: AbortSignal): Promise<SignedPartUrl> {
    const cached = this.fresh(partNumber);
    if (cached) return cached;
    await (this.pending.get(partNumber) ?? this.signBatch(partNumber, signal));
    // Whatever the batch returned is used even if its TTL is below the margin: better than looping.
    const signed = this.cache.get(partNumber);
    if (!signed) throw new Error(`The server did not sign part ${partNumber}`);
    return signed;
  }

  /** S3 said the URL expired: the next get() signs it again. */
  invalidate(partNumber: number): void {
    this.cache.delete(partNumber);
  }

  private fresh(partNumber: number): SignedPartUrl | undefined {
    const cached = this.cache.get(partNumber);
    return cached && cached.expiresAt - this.marginMs > this.now() ? cached : undefined;
  }

  private signBatch(partNumber: number, signal?: AbortSignal): Promise<void> {
    const numbers = [partNumber];
    for (const next of this.options.upcoming()) {
      if (numbers.length >= this.batchSize) break;
      if (next !== partNumber && !this.fresh(next) && !this.pending.has(next)) numbers.push(next);
    }
    this.signCalls++;
    const batch = this.options.sign(numbers, signal).then((signed) => {
      const expiresAt = Date.parse(signed.expiresAt);
      for (const { partNumber: number, url } of signed.urls) {
        this.cache.set(number, { url, headers: signed.headers, expiresAt });
      }
    });
    const tracked = batch.finally(() => {
      for (const number of numbers)
        if (this.pending.get(number) === tracked) this.pending.delete(number);
    });
    for (const number of numbers) this.pending.set(number, tracked);
    return tracked;
  }
}
