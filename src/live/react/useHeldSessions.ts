import { useMemo, useSyncExternalStore } from 'react';
import { createHeldProjects, type HeldProject, type HeldFacts } from '../heldProjects';
import type { SessionFacts } from '../../reconcile/types';
import { useLiveEngine } from './LiveProvider';

/*
 * Every session Lookout holds, across the projects visited in this tab: the bell needs the open
 * questions of all of them, not only of the project on screen.
 */

/** The projects' facts entries (a new array only when one of them changed). */
export function useHeldFacts(): readonly HeldFacts[] {
  const held = useLiveEngine().attach(createHeldProjects);
  return useSyncExternalStore(held.subscribe, held.facts, held.facts);
}

/** Every project's facts and task snapshots (a new array only when an entry changed). */
export function useHeldProjects(): readonly HeldProject[] {
  const held = useLiveEngine().attach(createHeldProjects);
  return useSyncExternalStore(held.subscribe, held.projects, held.projects);
}

/** The merged facts of every held session (a new array only when some project's facts changed). */
export function useHeldSessions(): readonly SessionFacts[] {
  const facts = useHeldFacts();
  return useMemo(() => facts.flatMap((entry) => [...entry.facts.records.values()].map((record) => record.facts)), [facts]);
}
