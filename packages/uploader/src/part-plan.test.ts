import { MiB } from '@s3am/contracts';
import { partCountFor, partLength, partRange, planParts } from './part-plan.js';

describe('part ranges', () => {
  it('covers [(i-1)*partSize, min(i*partSize, size))', () => {
    const size = 12 * MiB + 3;
    expect(partCountFor(size, 5 * MiB)).toBe(3);
    expect(partRange(1, 5 * MiB, size)).toEqual({ partNumber: 1, start: 0, end: 5 * MiB });
    expect(partRange(3, 5 * MiB, size)).toEqual({ partNumber: 3, start: 10 * MiB, end: size });
    expect(partLength(3, 5 * MiB, size)).toBe(2 * MiB + 3);
  });

  it('has no empty last part when the size is a multiple of the part size', () => {
    expect(partCountFor(10 * MiB, 5 * MiB)).toBe(2);
    expect(partLength(2, 5 * MiB, 10 * MiB)).toBe(5 * MiB);
  });

  it('makes an empty file one empty part', () => {
    expect(partCountFor(0, 5 * MiB)).toBe(1);
    expect(partRange(1, 5 * MiB, 0)).toEqual({ partNumber: 1, start: 0, end: 0 });
  });

  it('refuses part numbers outside the plan', () => {
    expect(() => partRange(0, 5 * MiB, 10 * MiB)).toThrow(RangeError);
    expect(() => partRange(3, 5 * MiB, 10 * MiB)).toThrow(RangeError);
  });

  it('plans a single-mode upload as the whole file, and checks the server part count', () => {
    expect(planParts({ mode: 'single', size: 42, partSize: 5 * MiB, partCount: 1 })).toEqual([
      { partNumber: 1, start: 0, end: 42 },
    ]);
    expect(planParts({ mode: 'multipart', size: 11, partSize: 5, partCount: 3 })).toHaveLength(3);
    expect(() => planParts({ mode: 'multipart', size: 11, partSize: 5, partCount: 2 })).toThrow(
      /part count/,
    );
  });
});
