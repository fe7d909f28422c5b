import type { QueryClient } from '@tanstack/query-core';
import type { CacheAction, FollowUps } from './cacheActions';
import type { LiveEnv } from './env';

/*
 * What every part of the engine shares: the query cache it writes, the injected world, and the stamp
 * clock. Parts take this rather than the whole engine (src/live/engine.ts), which is built from them.
 */
export interface LiveCore {
  readonly client: QueryClient;
  readonly env: LiveEnv;
  /**
   * A strictly increasing time (ms, with sub-ms steps when needed). REST snapshots take one when their
   * request starts, live events when they are received; so no two stamps are equal and their order is
   * the order in which Lookout learned things.
   */
  stamp(): number;
  /** The one write path: every change to a cache is an action for the reducer (src/live/cacheReducer.ts). */
  dispatch(action: CacheAction): FollowUps;
  /** A query function's answer: dispatched, then what the reducer wrote under the query's key (src/live/writtenAnswers.ts). */
  answer<T>(key: readonly unknown[], signal: AbortSignal, action: CacheAction): T;
  /** The `structuralSharing` of a query that answers through `answer`. */
  keepAnswer(held: unknown, incoming: unknown): unknown;
}

export function stampClock(now: () => number): () => number {
  let last = -Infinity;
  return () => {
    const t = now();
    last = t > last ? t : last + 0.001;
    return last;
  };
}

/** Runs at most `limit` of the given jobs at once; the rest wait their turn, in order. */
export function concurrencyLimit(limit: number): <T>(run: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (run) => {
    while (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await run();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
