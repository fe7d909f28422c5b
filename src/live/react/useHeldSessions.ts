import { useCallback, useRef, useSyncExternalStore } from 'react';
import { hashKey, type QueryClient } from '@tanstack/query-core';
import { keys } from '../../api/queries';
import type { SessionFacts } from '../../reconcile/types';
import type { SessionFactsCache } from '../normalisedCaches';
import { useLiveEngine } from './LiveProvider';

/*
 * Every session Lookout holds, across the projects visited in this tab: the bell needs the open
 * questions of all of them, not only of the project on screen. Re-read only when a facts entry changes.
 */

function isSessionFactsKey(queryKey: readonly unknown[]): boolean {
  const projectId = queryKey[2];
  return typeof projectId === 'string' && hashKey(queryKey) === hashKey(keys.sessionFacts(projectId));
}

function heldFactsEntries(client: QueryClient): SessionFactsCache[] {
  return client
    .getQueryCache()
    .findAll({ queryKey: keys.projects(), predicate: (query) => isSessionFactsKey(query.queryKey) })
    .map((query) => query.state.data as SessionFactsCache | undefined)
    .filter((entry): entry is SessionFactsCache => entry !== undefined);
}

const sameEntries = (a: readonly SessionFactsCache[], b: readonly SessionFactsCache[]) => a.length === b.length && a.every((entry, i) => entry === b[i]);

/** The merged facts of every held session (a new array only when some project's facts changed). */
export function useHeldSessions(): readonly SessionFacts[] {
  const { client } = useLiveEngine();
  const held = useRef<{ entries: SessionFactsCache[]; sessions: SessionFacts[] }>({ entries: [], sessions: [] });
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (isSessionFactsKey(event.query.queryKey)) onChange();
      }),
    [client],
  );
  const read = useCallback(() => {
    const entries = heldFactsEntries(client);
    if (!sameEntries(entries, held.current.entries)) {
      const sessions = entries.flatMap((entry) => [...entry.records.values()].map((record) => record.facts));
      held.current = { entries, sessions };
    }
    return held.current.sessions;
  }, [client]);
  return useSyncExternalStore(subscribe, read, read);
}
