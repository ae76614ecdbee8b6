import { GiB, MiB, S3_LIMITS, TiB } from '@s3am/contracts';
import { partRange, planParts } from './part-size.js';

describe('planParts', () => {
  it.each([
    // size, part size, part count
    [0, 8 * MiB, 1],
    [1, 8 * MiB, 1],
    [5 * MiB, 8 * MiB, 1],
    [200 * MiB, 8 * MiB, 25],
    [8 * GiB, 9 * MiB, 911],
    [100 * GiB, 103 * MiB, 995],
    [5 * TiB, 5 * GiB, 1024],
  ])('cuts %d bytes into parts of %d, %d of them', (size, partSize, partCount) => {
    expect(planParts(size)).toEqual({ partSize, partCount });
  });

  it('stays within S3 limits for every size', () => {
    for (let size = 1; size <= S3_LIMITS.maxObjectSize; size = Math.ceil(size * 1.7)) {
      const plan = planParts(size);
      expect(plan.partSize).toBeGreaterThanOrEqual(S3_LIMITS.minPartSize);
      expect(plan.partSize).toBeLessThanOrEqual(S3_LIMITS.maxPartSize);
      expect(plan.partCount).toBeLessThanOrEqual(S3_LIMITS.maxParts);
      expect(plan.partCount).toBeLessThanOrEqual(1100);
      expect(plan.partSize * plan.partCount).toBeGreaterThanOrEqual(size);
    }
  });

  it('refuses sizes S3 cannot store', () => {
    expect(() => planParts(S3_LIMITS.maxObjectSize + 1)).toThrow(RangeError);
    expect(() => planParts(-1)).toThrow(RangeError);
  });

  it('gives the last part what is left', () => {
    const plan = planParts(20 * MiB);
    expect(partRange(plan, 20 * MiB, 1)).toEqual([0, 8 * MiB]);
    expect(partRange(plan, 20 * MiB, 3)).toEqual([16 * MiB, 20 * MiB]);
  });
});
