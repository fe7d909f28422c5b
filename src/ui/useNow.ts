import { createContext, createElement, useContext, useSyncExternalStore, type ReactNode } from 'react';

/**
 * A source of "now" that components can subscribe to. The app provides the live engine's one clock
 * (src/live/react/LiveProvider.tsx), so relative times, stale reasons and the stall timer move together.
 */
export interface Clock {
  now(): number;
  subscribe(onTick: () => void): () => void;
}

/** A clock that never moves: deterministic tests and screenshots. */
export function fixedClock(at: number): Clock {
  return { now: () => at, subscribe: () => () => {} };
}

/** Outside a provider (a component rendered on its own) time stands still at the moment the page loaded. */
const ClockContext = createContext<Clock>(fixedClock(Date.now()));

export function ClockProvider({ clock, children }: { clock: Clock; children: ReactNode }) {
  return createElement(ClockContext, { value: clock }, children);
}

/** The current time in epoch ms, re-rendering the caller on each tick of the clock in context. */
export function useNow(): number {
  const clock = useContext(ClockContext);
  return useSyncExternalStore(clock.subscribe, clock.now, clock.now);
}
