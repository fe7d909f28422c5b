import { describe, expect, it } from 'vitest';
import { TICK_MS, tickingClock } from './clock';
import { createFakeEnv } from './testing/fakeEnv';

describe('the engine clock', () => {
  it('moves only on a tick, on the env timers, and only while watched', () => {
    const env = createFakeEnv({ start: 1_000 });
    const clock = tickingClock(env);
    const ticks: number[] = [];
    const off = clock.subscribe(() => ticks.push(clock.now()));
    env.advance(TICK_MS - 1);
    expect(clock.now()).toBe(1_000);
    env.advance(1);
    expect(ticks).toEqual([1_000 + TICK_MS]);
    off();
    expect(env.pendingTimers()).toBe(0);
    env.advance(TICK_MS);
    expect(clock.now()).toBe(1_000 + TICK_MS);
  });

  it('reads the time afresh when the first watcher comes', () => {
    const env = createFakeEnv({ start: 1_000 });
    const clock = tickingClock(env);
    env.advance(5_000);
    const off = clock.subscribe(() => {});
    expect(clock.now()).toBe(6_000);
    off();
  });
});
