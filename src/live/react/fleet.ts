import { useMemo } from 'react';
import { attentionUnknown } from '../../reconcile/sessionFacts';
import { sessionView } from '../../reconcile/sessionView';
import { MINUTE_MS } from '../../reconcile/stall';
import { heldTaskFacts } from '../../reconcile/taskSnapshots';
import type { SessionFacts, SessionView } from '../../reconcile/types';
import { useStallPreference } from '../../state/stallPreference';
import { taskContext } from '../sessionEntries';
import { useHeldProjects } from './useHeldSessions';
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

/** Every session held in any project, with its view as of the engine clock's tick. */
export function useHeldSessionStates(): readonly HeldSessionState[] {
  const projects = useHeldProjects();
  const stream = useStreamFacts();
  const now = useNow();
  const stallAfterMs = useStallPreference((s) => s.stallAfterMinutes) * MINUTE_MS;
  return useMemo(
    () =>
      projects.flatMap(({ projectId, facts, snapshots }) =>
        [...(facts?.records.values() ?? [])].map((record) => {
          const session = record.facts;
          const held = session.taskId ? snapshots?.get(session.taskId) : undefined;
          const view = sessionView(session, heldTaskFacts(held), stream, now, taskContext(session.taskId, held, undefined), stallAfterMs);
          return { projectId, session, view, questionKnown: !attentionUnknown(record) };
        }),
      ),
    [projects, stream, now, stallAfterMs],
  );
}
