// How an upload is cut into parts: S3's limits (5 MiB ≤ part ≤ 5 GiB, ≤ 10,000 parts), parts
// large enough that a file needs at most ~1,000 of them, and never below a size that keeps
// request overhead small.
import { MiB, S3_LIMITS } from '@s3am/contracts';

/** Target part count: few enough requests, small enough parts to resume cheaply. */
export const TARGET_PARTS = 1000;
/** Smallest default part: below this, per-request latency dominates throughput. */
export const PREFERRED_MIN_PART_SIZE = 8 * MiB;

export interface PartPlan {
  partSize: number;
  partCount: number;
}

export function planParts(size: number): PartPlan {
  if (!Number.isSafeInteger(size) || size < 0 || size > S3_LIMITS.maxObjectSize)
    throw new RangeError(`size out of range: ${size}`);
  const wanted = Math.ceil(size / TARGET_PARTS / MiB) * MiB;
  const partSize = Math.min(
    S3_LIMITS.maxPartSize,
    Math.max(PREFERRED_MIN_PART_SIZE, S3_LIMITS.minPartSize, wanted),
  );
  return { partSize, partCount: Math.max(1, Math.ceil(size / partSize)) };
}

/** Byte range [start, end) of a part (1-based), as the uploader reads it. */
export function partRange(plan: PartPlan, size: number, partNumber: number): [number, number] {
  const start = (partNumber - 1) * plan.partSize;
  return [start, Math.min(size, start + plan.partSize)];
}
