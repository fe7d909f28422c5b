import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useStartTask } from '../../live/hooks';
import { chatPath } from '../../ui/chatPath';
import type { LineageActions } from './chatTypes';
import type { SessionEntry } from '../../reconcile/types';

/** Retry and fork of the open session; each opens the new chat once SAM has accepted it. */
export function useLineageActions(projectId: string, entry: SessionEntry | null): LineageActions {
  const { retry, fork } = useStartTask(projectId);
  const navigate = useNavigate();
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
    }),
    [entry, retry, fork, navigate, projectId],
  );
}
