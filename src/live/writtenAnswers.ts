import type { QueryClient } from '@tanstack/query-core';
import type { CacheAction, FollowUps } from './cacheActions';

/*
 * How a query function's answer reaches its own cache through the reducer. The query function dispatches
 * the answer (the reducer merges it into what is held) and returns what the reducer wrote; TanStack then
 * stores that return value as the query's data. Between the two, only promise callbacks run, but one of
 * them may be another write (a send's outcome, say). So the query's `structuralSharing` is `keep`: when
 * TanStack stores an answer, the cache keeps what it holds by then; any other write goes through as given.
 */
export interface WrittenAnswers {
  /** Dispatches `action` and returns what it wrote under `key`. A fetch cancelled meanwhile writes nothing. */
  answer<T>(key: readonly unknown[], signal: AbortSignal, action: CacheAction): T;
  /** The `structuralSharing` of a query whose function answers through `answer`. */
  keep(held: unknown, incoming: unknown): unknown;
}

export function createWrittenAnswers(client: QueryClient, dispatch: (action: CacheAction) => FollowUps): WrittenAnswers {
  const answers = new WeakSet<object>();
  return {
    answer<T>(key: readonly unknown[], signal: AbortSignal, action: CacheAction): T {
      // TanStack drops a cancelled fetch's result (a refresh restarted it): so does the reducer.
      signal.throwIfAborted();
      dispatch(action);
      const written = client.getQueryData<T>(key);
      if (written === undefined) throw new Error(`the reducer wrote nothing under ${JSON.stringify(key)}`);
      if (typeof written === 'object' && written !== null) answers.add(written);
      return written;
    },
    keep(held, incoming) {
      return typeof incoming === 'object' && incoming !== null && answers.has(incoming) && held !== undefined ? held : incoming;
    },
  };
}
