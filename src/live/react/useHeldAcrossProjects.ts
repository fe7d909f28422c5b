import { useCallback, useRef, useSyncExternalStore } from 'react';
import { hashKey, type Query, type QueryClient } from '@tanstack/query-core';
import { keys } from '../../api/queries';
import { heldTaskFacts } from '../../reconcile/taskSnapshots';
import type { SessionFacts, TaskFacts } from '../../reconcile/types';
import type { SessionFactsCache, TaskSnapshotsCache } from '../normalisedCaches';
import { useLiveEngine } from './LiveProvider';

/*
 * What the Needs-you queue reads of the projects visited in this tab: every held session with the project
 * it belongs to (the merged facts carry no project id), and every held task. Re-read only when one of the
 * two normalised caches of some project changes. A door of its own, so it loads with the queue's chunk.
 */

export interface HeldProjectSession {
  projectId: string;
  facts: SessionFacts;
}

export interface HeldAcrossProjects {
  sessions: readonly HeldProjectSession[];
  tasks: readonly TaskFacts[];
}

type Kind = 'facts' | 'snapshots';

function kindOf(queryKey: readonly unknown[]): Kind | null {
  const projectId = queryKey[2];
  if (typeof projectId !== 'string') return null;
  const hash = hashKey(queryKey);
  if (hash === hashKey(keys.sessionFacts(projectId))) return 'facts';
  if (hash === hashKey(keys.taskSnapshots(projectId))) return 'snapshots';
  return null;
}

function heldQueries(client: QueryClient): Query[] {
  return client.getQueryCache().findAll({ queryKey: keys.projects(), predicate: (query) => kindOf(query.queryKey) !== null });
}

const EMPTY: HeldAcrossProjects = { sessions: [], tasks: [] };

export function useHeldAcrossProjects(): HeldAcrossProjects {
  const { client } = useLiveEngine();
  const held = useRef<{ data: readonly unknown[]; value: HeldAcrossProjects }>({ data: [], value: EMPTY });
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (kindOf(event.query.queryKey) !== null) onChange();
      }),
    [client],
  );
  const read = useCallback(() => {
    const queries = heldQueries(client);
    const data = queries.map((query) => query.state.data);
    if (data.length !== held.current.data.length || data.some((entry, i) => entry !== held.current.data[i])) {
      const sessions: HeldProjectSession[] = [];
      const tasks: TaskFacts[] = [];
      queries.forEach((query, i) => {
        const projectId = query.queryKey[2] as string;
        if (kindOf(query.queryKey) === 'facts') {
          const entry = data[i] as SessionFactsCache | undefined;
          for (const record of entry?.records.values() ?? []) sessions.push({ projectId, facts: record.facts });
        } else {
          for (const task of (data[i] as TaskSnapshotsCache | undefined)?.values() ?? []) {
            const facts = heldTaskFacts(task);
            if (facts) tasks.push(facts);
          }
        }
      });
      held.current = { data, value: { sessions, tasks } };
    }
    return held.current.value;
  }, [client]);
  return useSyncExternalStore(subscribe, read, read);
}
