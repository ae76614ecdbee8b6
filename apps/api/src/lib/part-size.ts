// How an upload is cut into parts: S3's limits (5 MiB ≤ part ≤ 5 GiB, ≤ 10,000 parts), parts
// large enough that a file needs at most ~1,000 of them, and never below a size that keeps
// request overhead small.
import { ErrorCode, MiB, S3_LIMITS } from '@s3am/contracts';
import { AppError } from './app-error.js';

/** Target part count: few enough requests, small enough parts to resume cheaply. */
export const TARGET_PARTS = 1000;
/** Smallest default part: below this, per-request latency dominates throughput. */
export const PREFERRED_MIN_PART_SIZE = 8 * MiB;

export interface PartPlan {
  partSize: number;
  partCount: number;
}

/**
 * The plan for `size` bytes: with `requestedPartSize` (already within S3's part limits) exactly
 * that, else one chosen here. A requested size that needs more than 10,000 parts is a RangeError.
 */
export function planParts(size: number, requestedPartSize?: number): PartPlan {
  if (!Number.isSafeInteger(size) || size < 0 || size > S3_LIMITS.maxObjectSize)
    throw new RangeError(`size out of range: ${size}`);
  if (requestedPartSize !== undefined) {
    const partCount = Math.max(1, Math.ceil(size / requestedPartSize));
    if (partCount > S3_LIMITS.maxParts)
      throw new RangeError(`${partCount} parts of ${requestedPartSize} bytes`);
    return { partSize: requestedPartSize, partCount };
  }
  const wanted = Math.ceil(size / TARGET_PARTS / MiB) * MiB;
  const partSize = Math.min(
    S3_LIMITS.maxPartSize,
    Math.max(PREFERRED_MIN_PART_SIZE, S3_LIMITS.minPartSize, wanted),
  );
  return { partSize, partCount: Math.max(1, Math.ceil(size / partSize)) };
}

/** The parts of a multipart upload; a requested part size that needs > 10,000 parts is a 400. */
export function multipartPlan(size: number, partSize: number | undefined): PartPlan {
  try {
    return planParts(size, partSize);
  } catch (error) {
    if (partSize === undefined || !(error instanceof RangeError)) throw error;
    throw new AppError(
      ErrorCode.VALIDATION,
      `A part size of ${partSize} bytes needs ${Math.ceil(size / partSize)} parts; S3 allows at most ${S3_LIMITS.maxParts}. Choose at least ${Math.ceil(size / S3_LIMITS.maxParts)} bytes.`,
    );
  }
}

/** Byte range [start, end) of a part (1-based), as the uploader reads it. */
export function partRange(plan: PartPlan, size: number, partNumber: number): [number, number] {
  const start = (partNumber - 1) * plan.partSize;
  return [start, Math.min(size, start + plan.partSize)];
}
