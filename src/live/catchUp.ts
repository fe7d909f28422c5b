import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../api/queries';
import { coalescer, type Coalescer } from './coalesce';

/*
 * Refreshing what SAM does not push, or what a disconnect lost. Each kind is one coalescer (one request
 * in flight, at most one queued). A refresh RESTARTS a request already in flight (`cancelRefetch`): that
 * request may have started before the event that asked for the refresh, and its answer would miss it.
 */

export interface Refreshers {
  sessions: Coalescer;
  tasks: Coalescer;
  chat(sessionId: string): Coalescer;
  /** Sessions whose chat is open on screen (a query with observers). */
  openChats(): string[];
}

export function createRefreshers(client: QueryClient, projectId: string): Refreshers {
  const refetch = (queryKey: readonly unknown[], exact: boolean) => () =>
    client.refetchQueries({ queryKey, exact, type: exact ? 'all' : 'active' }, { cancelRefetch: true });
  const chats = new Map<string, Coalescer>();
  return {
    sessions: coalescer(refetch(keys.sessionList(projectId), true)),
    // The list, and the details of tasks the list does not reach (the ones on screen).
    tasks: coalescer(async () => {
      await Promise.all([refetch(keys.taskList(projectId), true)(), refetch(keys.taskDetails(projectId), false)()]);
    }),
    chat(sessionId) {
      let chat = chats.get(sessionId);
      if (!chat) chats.set(sessionId, (chat = coalescer(refetch(keys.chat(projectId, sessionId), true))));
      return chat;
    },
    openChats() {
      return client
        .getQueryCache()
        .findAll({ queryKey: keys.chats(projectId) })
        .filter((query) => query.getObserversCount() > 0)
        .map((query) => String(query.queryKey.at(-1)));
    },
  };
}

/**
 * After a (re)connect: everything that could have changed while no events came. Open chats resume
 * after their newest message; chats cached but not on screen are marked stale and catch up when shown.
 */
export async function catchUpProject(client: QueryClient, projectId: string, refreshers: Refreshers): Promise<void> {
  const open = refreshers.openChats();
  await client.invalidateQueries({ queryKey: keys.chats(projectId), refetchType: 'none' });
  await Promise.all([refreshers.sessions.trigger(), refreshers.tasks.trigger(), ...open.map((id) => refreshers.chat(id).trigger())]);
}
