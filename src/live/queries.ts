import { skipToken } from '@tanstack/query-core';
import type { QueryClient } from '@tanstack/query-core';
import type { SessionDetail, SessionList, TaskList } from '../api/contract';
import { keys } from '../api/queries';
import { fetchMessagesAfter, RESUME_OVERLAP_MS, type MessagesAfter } from './catchUp';
import type { SessionFactsCache, TaskSnapshotsCache } from './normalisedCaches';
import { emptyChat, mergeFetchedChat, resumePoint, type ChatCache } from './chatCache';
import type { LiveCore } from './core';

/*
 * Query options of the live caches, one set per engine. Their query functions stamp the moment their
 * request starts and dispatch what they fetched to the engine's reducer, which merges it into the
 * normalised caches (session facts, task snapshots) instead of replacing them, so a response never
 * undoes a newer live event (invariant 3). The stream's safety net
 * refreshes them, not window focus (see projectStream.ts).
 */

export const SESSION_PAGE_SIZE = 50;
export const TASK_PAGE_SIZE = 200;
/** Task details requested at once: a sidebar of old sessions must not fire fifty requests together. */
export const TASK_DETAIL_CONCURRENCY = 4;

const managedByStream = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

async function fetchChat(core: LiveCore, projectId: string, sessionId: string, signal: AbortSignal): Promise<ChatCache> {
  const {
    client,
    env: { api },
  } = core;
  const stamp = core.stamp();
  const held = client.getQueryData<ChatCache>(keys.chat(projectId, sessionId));
  const from = held?.detail ? resumePoint(held) : null;
  let body: SessionDetail;
  let caughtUp: MessagesAfter | null = null;
  if (from === null) {
    body = await api.session(projectId, sessionId, {}, signal);
  } else {
    // The detail route's `after` window is the NEWEST rows after `after`: usually all of them; if not,
    // the rows between are walked forward.
    const after = from - RESUME_OVERLAP_MS;
    body = await api.session(projectId, sessionId, { after }, signal);
    caughtUp = await fetchMessagesAfter(api, projectId, sessionId, after, body, signal);
  }
  core.dispatch({ type: 'sessionDetail', projectId, sessionId, detail: body, stamp });
  const mode = from === null ? 'latest' : 'after';
  const messages = caughtUp?.messages ?? body.messages;
  // The chat itself is this query's own data: TanStack stores it, merged by `chatStructuralSharing`.
  const fetched: ChatCache['fetched'] = {
    stamp,
    mode,
    messages,
    ...(caughtUp?.incompleteAfter === undefined ? {} : { incompleteAfter: caughtUp.incompleteAfter }),
  };
  return { ...emptyChat(), detail: body.session, state: body.state, hasEarlier: mode === 'latest' ? body.hasMore : true, fetched };
}

/** TanStack calls this when it stores a chat answer, with what is stored at that moment. */
export const chatStructuralSharing = (held: unknown, incoming: unknown) => mergeFetchedChat(held as ChatCache | undefined, incoming as ChatCache);

/** The live queries of one engine: their query functions use its api and stamps. */
export function createLiveQueries(core: LiveCore, limited: <T>(run: () => Promise<T>) => Promise<T>) {
  const { api } = core.env;
  return {
    sessionList: (projectId: string) => ({
      queryKey: keys.sessionList(projectId),
      initialPageParam: 0,
      queryFn: async ({ pageParam, signal }: { pageParam: number; signal: AbortSignal }): Promise<SessionList> => {
        const stamp = core.stamp();
        const page = await api.sessions(projectId, { limit: SESSION_PAGE_SIZE, offset: pageParam }, signal);
        core.dispatch({ type: 'sessionListPage', projectId, rows: page.sessions, stamp });
        return page;
      },
      getNextPageParam: (last: SessionList, _all: unknown, lastOffset: number) => (last.hasMore ? lastOffset + last.sessions.length : undefined),
      staleTime: 60_000,
      ...managedByStream,
    }),

    /** The tasks most recently updated (one page of 200 is what the sidebar needs; details fill the rest). */
    taskList: (projectId: string) => ({
      queryKey: keys.taskList(projectId),
      initialPageParam: null as string | null,
      queryFn: async ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }): Promise<TaskList> => {
        const asOf = core.stamp();
        const page = await api.tasks(projectId, { sort: 'updatedAtDesc', limit: TASK_PAGE_SIZE, cursor: pageParam }, signal);
        core.dispatch({ type: 'taskSnapshots', projectId, snapshots: page.tasks.map((task) => ({ kind: 'full', task, asOf })) });
        return page;
      },
      getNextPageParam: (last: TaskList) => last.nextCursor ?? undefined,
      staleTime: 60_000,
      ...managedByStream,
    }),

    /** A session's detail with one message: its facts (the open question above all), nothing for the chat. */
    sessionProbe: (projectId: string, sessionId: string) => ({
      queryKey: keys.sessionProbe(projectId, sessionId),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        limited(async () => {
          const stamp = core.stamp();
          const body = await api.session(projectId, sessionId, { limit: 1 }, signal);
          core.dispatch({ type: 'sessionDetail', projectId, sessionId, detail: body, stamp });
          return stamp;
        }),
      staleTime: 60_000,
      ...managedByStream,
    }),

    taskDetail: (projectId: string, taskId: string) => ({
      queryKey: keys.taskDetail(projectId, taskId),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        limited(async () => {
          const asOf = core.stamp();
          const task = await api.task(projectId, taskId, signal);
          core.dispatch({ type: 'taskSnapshots', projectId, snapshots: [{ kind: 'full', task, asOf }] });
          return task;
        }),
      staleTime: 60_000,
      ...managedByStream,
    }),

    chat: (projectId: string, sessionId: string) => ({
      queryKey: keys.chat(projectId, sessionId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchChat(core, projectId, sessionId, signal),
      structuralSharing: chatStructuralSharing,
      ...managedByStream,
    }),

    /** Readers of the normalised caches (written only by the engine's reducer). */
    sessionFacts: (projectId: string) => normalised<SessionFactsCache>(keys.sessionFacts(projectId)),
    taskSnapshots: (projectId: string) => normalised<TaskSnapshotsCache>(keys.taskSnapshots(projectId)),
  };
}

export type LiveQueries = ReturnType<typeof createLiveQueries>;

/** A cache no query function fills (skipToken): only the engine's reducer writes it. */
const normalised = <T>(queryKey: readonly unknown[]) => ({
  queryKey,
  queryFn: skipToken as unknown as () => Promise<T>,
  staleTime: Infinity,
  gcTime: Infinity,
});

/**
 * How long the chat of a session nobody has on screen stays cached. The stream keeps patching every cached
 * chat, so a cache left for TanStack's default 5 minutes grew with each chat opened and left while agents
 * streamed (the firehose benchmark's heap climbed ~5 MB a minute). Coming back within this time is still
 * instant; later, the chat loads its newest page again.
 */
export const UNWATCHED_CHAT_GC_MS = 30_000;

/** Query defaults that must hold even for entries first written by the stream (before any hook used them). */
export function registerLiveDefaults(client: QueryClient, projectId: string): void {
  client.setQueryDefaults(keys.chats(projectId), { structuralSharing: chatStructuralSharing, gcTime: UNWATCHED_CHAT_GC_MS });
  client.setQueryDefaults(keys.sessionFacts(projectId), { gcTime: Infinity, structuralSharing: false });
  client.setQueryDefaults(keys.taskSnapshots(projectId), { gcTime: Infinity, structuralSharing: false });
}
