import { hashKey, type QueryClient, type QueryKey } from '@tanstack/query-core';
import type { EngineInside } from '../engine';
import { confirmingKey } from './keptKinds';

/*
 * Which entries on screen show a restored copy that SAM has not confirmed yet, and as of when. The
 * persister marks what it restored; an answer of the confirming query (its own fetch, never a write of
 * the stream alone) takes the mark off. Made once per engine (`engine.attach(restoredMarks)`), so the
 * persister and the hooks share it.
 */
export interface RestoredMarks {
  /** The oldest `savedAt` among marked entries that have an observer (are on screen); null if none. */
  asOf(): number | null;
  subscribe(listener: () => void): () => void;
  /** The persister restored these entries from a store saved at `savedAt`. */
  mark(queryKeys: readonly QueryKey[], savedAt: number): void;
  /** Nothing restored is shown any more (sign-out, another user). */
  clear(): void;
}

export function restoredMarks({ core: { client } }: Pick<EngineInside, 'core'>): RestoredMarks {
  return createRestoredMarks(client);
}

export function createRestoredMarks(client: QueryClient): RestoredMarks {
  /** restored entry's hash -> [its confirming query's hash, savedAt] */
  const marked = new Map<string, readonly [string, number]>();
  const listeners = new Set<() => void>();
  let current: number | null = null;
  let unsubscribeCache: (() => void) | null = null;

  const recompute = () => {
    let oldest: number | null = null;
    for (const [hash, [, savedAt]] of marked) {
      const observed = (client.getQueryCache().get(hash)?.getObserversCount() ?? 0) > 0;
      if (observed && (oldest === null || savedAt < oldest)) oldest = savedAt;
    }
    if (oldest === current) return;
    current = oldest;
    for (const listener of [...listeners]) listener();
  };

  const confirm = (confirmedHash: string) => {
    let changed = false;
    for (const [hash, [by]] of marked) if (by === confirmedHash) changed = marked.delete(hash) || changed;
    return changed;
  };

  const watch = () => {
    unsubscribeCache ??= client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success' && !event.action.manual) confirm(event.query.queryHash);
      else if (event.type === 'removed') marked.delete(event.query.queryHash);
      else if (event.type !== 'observerAdded' && event.type !== 'observerRemoved') return;
      recompute();
      if (marked.size === 0) {
        unsubscribeCache?.();
        unsubscribeCache = null;
      }
    });
  };

  return {
    asOf: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    mark(queryKeys, savedAt) {
      for (const queryKey of queryKeys) {
        const by = confirmingKey(queryKey);
        if (by) marked.set(hashKey(queryKey), [hashKey(by), savedAt]);
      }
      if (marked.size > 0) watch();
      recompute();
    },
    clear() {
      marked.clear();
      recompute();
    },
  };
}
