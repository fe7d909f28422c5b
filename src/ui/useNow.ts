import { createContext, createElement, useContext, useSyncExternalStore, type ReactNode } from 'react';

/** How often relative times are refreshed: "2 min ago" need not be more precise than this. */
export const DEFAULT_TICK_MS = 30_000;

/** A source of "now" that components can subscribe to. Tests and screenshots inject a fixed one. */
export interface Clock {
  now(): number;
  subscribe(onTick: () => void): () => void;
}

/** A clock over `readTime` that ticks every `tickMs` while anything listens, and not at all otherwise. */
export function createTickingClock(readTime: () => number = Date.now, tickMs = DEFAULT_TICK_MS): Clock {
  let current = readTime();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    now: () => current,
    subscribe(onTick) {
      listeners.add(onTick);
      if (timer === null) {
        current = readTime();
        timer = setInterval(() => {
          current = readTime();
          for (const listener of listeners) listener();
        }, tickMs);
      }
      return () => {
        listeners.delete(onTick);
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}

/** A clock that never moves: deterministic tests and screenshots. */
export function fixedClock(at: number): Clock {
  return { now: () => at, subscribe: () => () => {} };
}

const ClockContext = createContext<Clock>(createTickingClock());

export function ClockProvider({ clock, children }: { clock: Clock; children: ReactNode }) {
  return createElement(ClockContext, { value: clock }, children);
}

/** The current time in epoch ms, re-rendering the caller on each tick of the clock in context. */
export function useNow(): number {
  const clock = useContext(ClockContext);
  return useSyncExternalStore(clock.subscribe, clock.now, clock.now);
}
