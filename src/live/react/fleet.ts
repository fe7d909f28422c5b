import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { hashKey, type QueryClient } from '@tanstack/query-core';
import { keys } from '../../api/queries';
import { attentionUnknown } from '../../reconcile/sessionFacts';
import { sessionView } from '../../reconcile/sessionView';
import { MINUTE_MS } from '../../reconcile/stall';
import { heldTaskFacts } from '../../reconcile/taskSnapshots';
import type { SessionFacts, SessionView } from '../../reconcile/types';
import { useStallPreference } from '../../state/stallPreference';
import { readSnapshots, type SessionFactsCache, type TaskSnapshotsCache } from '../normalisedCaches';
import { taskContext } from '../sessionEntries';
import { useLiveEngine } from './LiveProvider';
import { useNow } from './useNow';
import { useStreamFacts } from './useStreamFacts';

/*
 * The alert watcher's door (features/notifications/FleetAlerts): every held session with the view the chat
 * shows, derived by the same sessionView with the same stall preference. Its own door so that sessionView
 * loads with the watcher, after the first screen.
 */

export interface HeldSessionState {
  projectId: string;
  session: SessionFacts;
  view: SessionView;
  /** Whether the session's open question is known (false while SAM's list cannot tell: reconcile/sessionFacts `attentionUnknown`). */
  questionKnown: boolean;
}

interface HeldProject {
  projectId: string;
  facts: SessionFactsCache;
  snapshots: TaskSnapshotsCache;
}

function isKeyOf(queryKey: readonly unknown[], keyOf: (projectId: string) => readonly unknown[]): boolean {
  const projectId = queryKey[2];
  return typeof projectId === 'string' && hashKey(queryKey) === hashKey(keyOf(projectId));
}

function heldProjects(client: QueryClient): HeldProject[] {
  return client
    .getQueryCache()
    .findAll({ queryKey: keys.projects(), predicate: (query) => isKeyOf(query.queryKey, keys.sessionFacts) })
    .flatMap((query) => {
      const facts = query.state.data as SessionFactsCache | undefined;
      const projectId = String(query.queryKey[2]);
      return facts ? [{ projectId, facts, snapshots: readSnapshots(client, projectId) }] : [];
    });
}

const sameProjects = (a: readonly HeldProject[], b: readonly HeldProject[]) =>
  a.length === b.length && a.every((held, i) => held.facts === b[i]?.facts && held.snapshots === b[i]?.snapshots);

function useHeldProjects(): readonly HeldProject[] {
  const { client } = useLiveEngine();
  const held = useRef<HeldProject[]>([]);
  const subscribe = useCallback(
    (onChange: () => void) =>
      client.getQueryCache().subscribe((event) => {
        if (isKeyOf(event.query.queryKey, keys.sessionFacts) || isKeyOf(event.query.queryKey, keys.taskSnapshots)) onChange();
      }),
    [client],
  );
  const read = useCallback(() => {
    const next = heldProjects(client);
    if (!sameProjects(next, held.current)) held.current = next;
    return held.current;
  }, [client]);
  return useSyncExternalStore(subscribe, read, read);
}

/** Every session held in any project, with its view as of the engine clock's tick. */
export function useHeldSessionStates(): readonly HeldSessionState[] {
  const projects = useHeldProjects();
  const stream = useStreamFacts();
  const now = useNow();
  const stallAfterMs = useStallPreference((s) => s.stallAfterMinutes) * MINUTE_MS;
  return useMemo(
    () =>
      projects.flatMap(({ projectId, facts, snapshots }) =>
        [...facts.records.values()].map((record) => {
          const session = record.facts;
          const held = session.taskId ? snapshots.get(session.taskId) : undefined;
          const view = sessionView(session, heldTaskFacts(held), stream, now, taskContext(session.taskId, held, undefined), stallAfterMs);
          return { projectId, session, view, questionKnown: !attentionUnknown(record) };
        }),
      ),
    [projects, stream, now, stallAfterMs],
  );
}
