import { skipToken } from '@tanstack/query-core';
import type { QueryClient } from '@tanstack/query-core';
import type { SessionDetail } from '../api/contract';
import { keys } from '../api/queries';
import { fetchMessagesAfter, RESUME_OVERLAP_MS, type MessagesAfter } from './catchUp';
import type { SessionFactsCache, TaskSnapshotsCache } from './normalisedCaches';
import { resumePoint, type ChatCache, type FetchedChatPage } from './chatCache';
import type { LiveCore } from './core';

/*
 * Query options of the live caches, one set per engine. Their query functions stamp the moment their
 * request starts and dispatch what they fetched to the engine's reducer, which merges it into what is
 * held (session facts, task snapshots, the chat) instead of replacing it, so a response never undoes a
 * newer live event (invariant 3). What TanStack itself keeps as a query's data is no server state of
 * its own: the chat as the reducer wrote it, the paging of the two lists (ids, cursors), the stamp of a
 * probe. The stream's safety net refreshes them, not window focus (see projectStream.ts).
 */

export const SESSION_PAGE_SIZE = 50;
export const TASK_PAGE_SIZE = 200;
/** Task details requested at once: a sidebar of old sessions must not fire fifty requests together. */
export const TASK_DETAIL_CONCURRENCY = 4;

const managedByStream = { refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

/**
 * The chat query's function: fetches the newest page (or, with messages held, the rows after them),
 * hands it to the reducer, which merges it into the held chat, and answers with the chat as written.
 */
async function fetchChat(core: LiveCore, projectId: string, sessionId: string, signal: AbortSignal): Promise<ChatCache> {
  const {
    client,
    env: { api },
  } = core;
  const stamp = core.stamp();
  const key = keys.chat(projectId, sessionId);
  const held = client.getQueryData<ChatCache>(key);
  const from = held?.detail ? resumePoint(held) : null;
  let detail: SessionDetail;
  let caughtUp: MessagesAfter | null = null;
  if (from === null) {
    detail = await api.session(projectId, sessionId, {}, signal);
  } else {
    // The detail route's `after` window is the NEWEST rows after `after`: usually all of them; if not,
    // the rows between are walked forward.
    const after = from - RESUME_OVERLAP_MS;
    detail = await api.session(projectId, sessionId, { after }, signal);
    caughtUp = await fetchMessagesAfter(api, projectId, sessionId, after, detail, signal);
  }
  const fetched: FetchedChatPage = {
    stamp,
    mode: from === null ? 'latest' : 'after',
    messages: caughtUp?.messages ?? detail.messages,
    hasMore: detail.hasMore,
    ...(caughtUp?.incompleteAfter === undefined ? {} : { incompleteAfter: caughtUp.incompleteAfter }),
  };
  return core.answer(key, signal, { type: 'chatFetched', projectId, sessionId, detail, fetched });
}

/** The paging a session list page leaves to TanStack: which sessions it listed, in order (their facts are the reducer's). */
export interface SessionListPaging {
  readonly sessionIds: readonly string[];
  readonly hasMore: boolean;
}

/** The task list's paging: where the next page starts (its tasks are the reducer's snapshots). */
export interface TaskListPaging {
  readonly nextCursor: string | null;
}

/** The live queries of one engine: their query functions use its api and stamps. */
export function createLiveQueries(core: LiveCore, limited: <T>(run: () => Promise<T>) => Promise<T>) {
  const { api } = core.env;
  return {
    sessionList: (projectId: string) => ({
      queryKey: keys.sessionList(projectId),
      initialPageParam: 0,
      queryFn: async ({ pageParam, signal }: { pageParam: number; signal: AbortSignal }): Promise<SessionListPaging> => {
        const stamp = core.stamp();
        const page = await api.sessions(projectId, { limit: SESSION_PAGE_SIZE, offset: pageParam }, signal);
        core.dispatch({ type: 'sessionListPage', projectId, rows: page.sessions, stamp });
        return { sessionIds: page.sessions.map((row) => row.id), hasMore: page.hasMore };
      },
      getNextPageParam: (last: SessionListPaging, _all: unknown, lastOffset: number) => (last.hasMore ? lastOffset + last.sessionIds.length : undefined),
      staleTime: 60_000,
      ...managedByStream,
    }),

    /** The tasks most recently updated (one page of 200 is what the sidebar needs; details fill the rest). */
    taskList: (projectId: string) => ({
      queryKey: keys.taskList(projectId),
      initialPageParam: null as string | null,
      queryFn: async ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }): Promise<TaskListPaging> => {
        const asOf = core.stamp();
        const page = await api.tasks(projectId, { sort: 'updatedAtDesc', limit: TASK_PAGE_SIZE, cursor: pageParam }, signal);
        core.dispatch({ type: 'taskSnapshots', projectId, snapshots: page.tasks.map((task) => ({ kind: 'full', task, asOf })) });
        return { nextCursor: page.nextCursor ?? null };
      },
      getNextPageParam: (last: TaskListPaging) => last.nextCursor ?? undefined,
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
          return asOf;
        }),
      staleTime: 60_000,
      ...managedByStream,
    }),

    chat: (projectId: string, sessionId: string) => ({
      queryKey: keys.chat(projectId, sessionId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchChat(core, projectId, sessionId, signal),
      structuralSharing: core.keepAnswer,
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
  // Chats are stored as the reducer wrote them: its writes keep unchanged parts already, and comparing a
  // 30,000-message chat deeply on every write would cost more than it saves.
  client.setQueryDefaults(keys.chats(projectId), { structuralSharing: false, gcTime: UNWATCHED_CHAT_GC_MS });
  client.setQueryDefaults(keys.sessionFacts(projectId), { gcTime: Infinity, structuralSharing: false });
  client.setQueryDefaults(keys.taskSnapshots(projectId), { gcTime: Infinity, structuralSharing: false });
}
