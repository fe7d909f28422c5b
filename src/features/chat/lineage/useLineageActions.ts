import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useSessionEntries, useStartTask } from '../../../live/react/project';
import { lineageChildren } from '../../../reconcile/lineage';
import { chatPath } from '../../../ui/chatPath';
import type { LineageActions, LineageChildLink } from '../chatTypes';
import type { SessionEntry } from '../../../reconcile/types';

/** Retry and fork of the open session, and the ones already started from it (the sidebar's entries). */
export function useLineageActions(projectId: string, entry: SessionEntry | null): LineageActions {
  const { retry, fork } = useStartTask(projectId);
  const navigate = useNavigate();
  const { entries } = useSessionEntries(projectId);
  const children = useMemo<LineageChildLink[]>(
    () => (entry ? lineageChildren(entry, entries).map((child) => ({ ...child, path: chatPath(projectId, child.sessionId) })) : []),
    [entry, entries, projectId],
  );
  return useMemo(
    () => ({
      async retry() {
        if (!entry) throw new Error('The chat is still loading.');
        const started = await retry(entry);
        await navigate(chatPath(projectId, started.sessionId));
      },
      async fork(message: string) {
        if (!entry) throw new Error('The chat is still loading.');
        const started = await fork(entry, message);
        await navigate(chatPath(projectId, started.sessionId));
      },
      children,
    }),
    [entry, retry, fork, navigate, projectId, children],
  );
}
