import type { LiveEnv } from './env';

/** How often relative times and stale reasons are re-read: "2 min ago" need not be more precise than this. */
export const TICK_MS = 30_000;

/**
 * The engine's clock as React sees it: `now()` changes only on a tick, so every component that renders
 * during one tick computes from the same instant. It ticks on the env's timers, and only while watched.
 */
export interface TickingClock {
  now(): number;
  subscribe(onTick: () => void): () => void;
}

export function tickingClock(env: Pick<LiveEnv, 'now' | 'setTimeout' | 'clearTimeout'>, tickMs = TICK_MS): TickingClock {
  let current = env.now();
  const listeners = new Set<() => void>();
  let timer: unknown = null;
  const tick = () => {
    current = env.now();
    timer = env.setTimeout(tick, tickMs);
    for (const listener of [...listeners]) listener();
  };
  return {
    now: () => current,
    subscribe(onTick) {
      listeners.add(onTick);
      if (timer === null) {
        current = env.now();
        timer = env.setTimeout(tick, tickMs);
      }
      return () => {
        listeners.delete(onTick);
        if (listeners.size === 0 && timer !== null) {
          env.clearTimeout(timer);
          timer = null;
        }
      };
    },
  };
}
