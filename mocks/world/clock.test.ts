import { describe, expect, it } from 'vitest';
import { ManualClock, RealTimeClock } from './clock';
import { Rng } from './rng';

describe('ManualClock', () => {
  it('runs callbacks in due order, same-time ones in scheduling order, only when advanced', () => {
    const clock = new ManualClock(1_000);
    const log: string[] = [];
    clock.setTimeout(() => log.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => log.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => log.push(`c@${clock.now()}`), 20);
    expect(log).toEqual([]);
    clock.advance(15);
    expect(log).toEqual(['a@1010']);
    expect(clock.now()).toBe(1_015);
    clock.advance(5);
    expect(log).toEqual(['a@1010', 'b@1020', 'c@1020']);
  });

  it('runs callbacks scheduled by callbacks within the same advance, and honours clearTimeout', () => {
    const clock = new ManualClock(0);
    const log: number[] = [];
    const tick = () => {
      log.push(clock.now());
      if (log.length < 5) clock.setTimeout(tick, 100);
    };
    clock.setTimeout(tick, 100);
    const cancelled = clock.setTimeout(() => log.push(-1), 250);
    clock.clearTimeout(cancelled);
    clock.advance(1_000);
    expect(log).toEqual([100, 200, 300, 400, 500]);
    expect(clock.pending()).toBe(0);
  });
});

describe('RealTimeClock', () => {
  function fakeReal() {
    let real = 50_000;
    let tick: (() => void) | null = null;
    return {
      options: {
        realNow: () => real,
        setInterval: (fn: () => void) => {
          tick = fn;
          return 1;
        },
        clearInterval: () => {
          tick = null;
        },
      },
      pass(ms: number) {
        real += ms;
        tick?.();
      },
    };
  }

  it('follows real time times the speed and fires due callbacks on ticks', () => {
    const real = fakeReal();
    const clock = new RealTimeClock(1_000_000, { ...real.options, speed: 10 });
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 5_000);
    real.pass(400);
    expect(clock.now()).toBe(1_004_000);
    expect(fired).toEqual([]);
    real.pass(100);
    expect(fired).toEqual([1_005_000]);
  });

  it('stands still while frozen except through advance()', () => {
    const real = fakeReal();
    const clock = new RealTimeClock(1_000_000, { ...real.options, frozen: true });
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(clock.now()), 1_000);
    real.pass(10_000);
    expect(clock.now()).toBe(1_000_000);
    expect(fired).toEqual([]);
    clock.advance(1_000);
    expect(fired).toEqual([1_001_000]);
    clock.resume();
    real.pass(2_000);
    expect(clock.now()).toBe(1_003_000);
    clock.dispose();
  });
});

describe('Rng', () => {
  it('is a pure function of its seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
