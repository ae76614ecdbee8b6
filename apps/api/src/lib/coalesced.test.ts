import { coalesced } from './coalesced.js';

describe('coalesced', () => {
  it('runs once at a time, once more for any number of calls during a run, and settles after it', async () => {
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const run = coalesced(async () => {
      started.push(started.length + 1);
      await new Promise<void>((resolve) => releases.push(resolve));
    });
    const first = run();
    const second = run();
    const third = run();
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(started).toEqual([1]);
    releases.shift()!();
    await new Promise((resolve) => setImmediate(resolve)); // ordering, not time

    expect(started).toEqual([1, 2]);
    releases.shift()!();
    await first;
    expect(started).toEqual([1, 2]);
  });

  it('a failed run lets the next call start a fresh one', async () => {
    let calls = 0;
    const run = coalesced(async () => {
      calls += 1;
      if (calls === 1) throw new Error('first');
    });
    await expect(run()).rejects.toThrow('first');
    await expect(run()).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });
});
