import { SpeedMeter, TransferProgress, combineProgress, etaSeconds } from './progress.js';

function fakeClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('SpeedMeter', () => {
  it('averages over the time that passed while the window is not full', () => {
    const clock = fakeClock();
    const meter = new SpeedMeter({ windowMs: 10_000, now: clock.now });
    clock.advance(2_000);
    meter.record(4_000);
    expect(meter.bytesPerSecond()).toBe(2_000);
  });

  it('forgets bytes older than the window', () => {
    const clock = fakeClock();
    const meter = new SpeedMeter({ windowMs: 10_000, now: clock.now });
    meter.record(100_000); // at t=0
    clock.advance(5_000);
    meter.record(10_000); // at t=5s
    clock.advance(6_000); // t=11s: the first sample left the window
    expect(meter.bytesPerSecond()).toBe(1_000);
    clock.advance(10_000);
    expect(meter.bytesPerSecond()).toBe(0);
  });

  it('starts over on restart', () => {
    const clock = fakeClock();
    const meter = new SpeedMeter({ windowMs: 10_000, now: clock.now });
    clock.advance(1_000);
    meter.record(5_000);
    meter.restart();
    expect(meter.bytesPerSecond()).toBe(0);
  });
});

describe('TransferProgress', () => {
  it('counts parts in flight and finished parts, with speed and ETA', () => {
    const clock = fakeClock();
    const progress = new TransferProgress(10_000, { windowMs: 10_000, now: clock.now });
    clock.advance(1_000);
    progress.update(1, 500);
    progress.update(2, 500);
    expect(progress.snapshot()).toEqual({
      bytesDone: 1_000,
      bytesTotal: 10_000,
      fraction: 0.1,
      speed: 1_000,
      etaSeconds: 9,
    });
    clock.advance(1_000);
    progress.complete(1, 1_000);
    expect(progress.snapshot().bytesDone).toBe(1_500);
    expect(progress.snapshot().speed).toBe(750);
  });

  it('takes back the bytes of a part that fails', () => {
    const clock = fakeClock();
    const progress = new TransferProgress(4_000, { now: clock.now });
    clock.advance(1_000);
    progress.complete(1, 1_000);
    progress.update(2, 600);
    expect(progress.snapshot().bytesDone).toBe(1_600);
    progress.fail(2);
    expect(progress.snapshot().bytesDone).toBe(1_000);
    expect(progress.snapshot().speed).toBe(1_000);
  });

  it('credits parts found on the server without counting them as speed', () => {
    const clock = fakeClock();
    const progress = new TransferProgress(3_000, { now: clock.now });
    progress.credit(2_000);
    clock.advance(1_000);
    const snapshot = progress.snapshot();
    expect(snapshot.bytesDone).toBe(2_000);
    expect(snapshot.speed).toBe(0);
    expect(snapshot.etaSeconds).toBeNull();
  });

  it('reports an empty file as done only once its part finished', () => {
    const progress = new TransferProgress(0);
    expect(progress.snapshot().fraction).toBe(0);
    progress.complete(1, 0);
    expect(progress.snapshot().fraction).toBe(1);
  });

  it('calls onChange on each change', () => {
    const changes: number[] = [];
    const progress = new TransferProgress(100, {
      onChange: () => changes.push(progress.snapshot().bytesDone),
    });
    progress.update(1, 40);
    progress.fail(1);
    progress.complete(1, 100);
    expect(changes).toEqual([40, 0, 100]);
  });
});

describe('overall progress', () => {
  it('adds bytes and speeds and derives the ETA from the sums', () => {
    const overall = combineProgress([
      { bytesDone: 100, bytesTotal: 1_000, fraction: 0.1, speed: 50, etaSeconds: 18 },
      { bytesDone: 300, bytesTotal: 1_000, fraction: 0.3, speed: 150, etaSeconds: 4.6 },
    ]);
    expect(overall).toEqual({
      bytesDone: 400,
      bytesTotal: 2_000,
      fraction: 0.2,
      speed: 200,
      etaSeconds: 8,
    });
  });

  it('has no ETA without speed, and zero when nothing is left', () => {
    expect(etaSeconds(10, 0)).toBeNull();
    expect(etaSeconds(0, 0)).toBe(0);
  });
});
