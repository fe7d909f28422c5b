import { useMemo } from 'react';
import { keys } from '../../api/queries';
import type { SessionEntry } from '../../reconcile/types';
import { useLiveEngine } from './LiveProvider';

export interface StartTask {
  newChat(message: string): Promise<{ sessionId: string }>;
  retry(entry: SessionEntry): Promise<{ sessionId: string }>;
  fork(entry: SessionEntry, message: string): Promise<{ sessionId: string }>;
}

/** New chats, retries and forks all start as a task submission (with `parentTaskId` + `contextSummary` for the latter). */
export function useStartTask(projectId: string): StartTask {
  const { client, env } = useLiveEngine();
  return useMemo(() => {
    const { api } = env;
    const started = ({ sessionId }: { sessionId: string }) => {
      void client.invalidateQueries({ queryKey: keys.sessionList(projectId) });
      void client.invalidateQueries({ queryKey: keys.taskList(projectId) });
      return { sessionId };
    };
    return {
      newChat: async (message) => started(await api.submitTask(projectId, { message, taskMode: 'conversation' })),
      retry: async (entry) => {
        const task = entry.task;
        if (!task) throw new Error('The task of this chat is not loaded yet; try again in a moment.');
        const { summary } = await api.summarize(projectId, entry.session.id);
        // The original request again (so the retry keeps the parent's title, see reconcile/lineage).
        const message = task.description || task.title;
        return started(await api.submitTask(projectId, { message, parentTaskId: task.id, contextSummary: summary, taskMode: task.taskMode ?? undefined }));
      },
      fork: async (entry, message) => {
        const prepared = await api.forkPrepare(projectId, entry.session.id);
        return started(await api.submitTask(projectId, { message, parentTaskId: prepared.parentTaskId, contextSummary: prepared.summary }));
      },
    };
  }, [client, env, projectId]);
}
