/* Project-level hooks: the stream, the session entries (sidebar, header), starting tasks. */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useInfiniteQuery, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useShallow } from 'zustand/react/shallow';
import { keys } from '../api/queries';
import type { SessionEntry, StreamFacts } from '../reconcile/types';
import { useConnectionStore } from '../state/connection';
import { emptyFacts, type TaskSnapshotsEntry } from './cacheEntries';
import { liveContext } from './context';
import { buildEntries, buildEntry, entryMemo, listedSessionIds, missingTaskIds, type EntryInputs } from './entries';
import { createProjectStream } from './projectStream';
import { liveQueries, registerLiveDefaults } from './queries';
import { attentionUnknown } from '../reconcile/sessionFacts';

export type QueryStatusName = 'pending' | 'error' | 'success';

/** Mounted once by the project layout: the project socket, catch-up and the safety-net refreshes. */
export function useProjectStream(projectId: string): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!projectId) return;
    const stream = createProjectStream({ queryClient: client, projectId });
    stream.start();
    return () => stream.stop();
  }, [client, projectId]);
}

// One clock for every hook, so the sidebar and the header compute "2 min ago" from the same `now`.
const TICK_MS = 30_000;
let tickNow = Date.now();
const tickListeners = new Set<() => void>();
let tickTimer: ReturnType<typeof setInterval> | null = null;
function subscribeTick(listener: () => void) {
  tickListeners.add(listener);
  tickTimer ??= setInterval(() => {
    tickNow = Date.now();
    tickListeners.forEach((l) => l());
  }, TICK_MS);
  return () => {
    tickListeners.delete(listener);
    if (tickListeners.size === 0 && tickTimer !== null) {
      clearInterval(tickTimer);
      tickTimer = null;
    }
  };
}
const useNow = () => useSyncExternalStore(subscribeTick, () => tickNow);

const EMPTY_SNAPSHOTS: TaskSnapshotsEntry = new Map();

export function useStreamFacts(): StreamFacts {
  return useConnectionStore(useShallow((s) => ({ connection: s.project, lastLiveAt: s.lastLiveAt, catchingUp: s.catchingUp })));
}

function useEntryInputs(projectId: string): EntryInputs {
  const client = useQueryClient();
  useMemo(() => registerLiveDefaults(client, projectId), [client, projectId]);
  const facts = useQuery(liveQueries.sessionFacts(projectId)).data ?? emptyFacts;
  const snapshots = useQuery(liveQueries.taskSnapshots(projectId)).data ?? EMPTY_SNAPSHOTS;
  const stream = useStreamFacts();
  const now = useNow();
  return useMemo(() => ({ facts, snapshots, stream, now }), [facts, snapshots, stream, now]);
}

/**
 * Tasks no loaded list page reached: fetched one by one (deduplicated, cached, refreshed with the list).
 * Returns the inputs with the tasks whose lookup failed, so those show as "could not load", not "loading".
 */
function useMissingTasks(projectId: string, sessionIds: readonly string[], inputs: EntryInputs): EntryInputs {
  const list = useInfiniteQuery(liveQueries.taskList(projectId));
  const settled = list.isSuccess || list.isError;
  const ids = useMemo(
    () => (settled ? missingTaskIds(sessionIds, inputs.facts, inputs.snapshots) : []),
    [settled, sessionIds, inputs.facts, inputs.snapshots],
  );
  const failed = useQueries({
    queries: ids.map((id) => liveQueries.taskDetail(projectId, id)),
    combine: (results) => ids.filter((_id, i) => results[i]?.isError).join('\n'),
  });
  return useMemo(() => (failed === '' ? inputs : { ...inputs, failedTaskLookups: new Set(failed.split('\n')) }), [failed, inputs]);
}

/** At most this many sessions are looked at one by one for their open question (the newest listed first). */
const MAX_ATTENTION_PROBES = 20;

/**
 * Active sessions whose open question SAM's list cannot tell (`attentionUnknown`): one look at each
 * detail, so a chat that waits for an answer does not read "Working" until someone opens it.
 */
function useAttentionProbes(projectId: string, sessionIds: readonly string[], facts: EntryInputs['facts']): void {
  const ids = useMemo(
    () =>
      sessionIds
        .filter((id) => {
          const record = facts.records.get(id);
          return record !== undefined && attentionUnknown(record);
        })
        .slice(0, MAX_ATTENTION_PROBES),
    [sessionIds, facts],
  );
  useQueries({ queries: ids.map((id) => liveQueries.sessionProbe(projectId, id)) });
}

export interface SessionEntries {
  entries: SessionEntry[];
  status: QueryStatusName;
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
  isLoadingMore: boolean;
  retry(): void;
}

export function useSessionEntries(projectId: string): SessionEntries {
  const client = useQueryClient();
  const known = useEntryInputs(projectId);
  const list = useInfiniteQuery(liveQueries.sessionList(projectId));
  const ids = useMemo(() => listedSessionIds(list.data?.pages ?? [], known.facts), [list.data, known.facts]);
  const inputs = useMissingTasks(projectId, ids, known);
  useAttentionProbes(projectId, ids, known.facts);
  const memo = entryMemo(client, projectId);
  const entries = useMemo(() => buildEntries(memo, inputs, ids), [ids, inputs, memo]);
  const { fetchNextPage, refetch } = list;
  return {
    entries,
    status: list.status,
    error: list.error,
    hasMore: list.hasNextPage,
    loadMore: () => void fetchNextPage(),
    isLoadingMore: list.isFetchingNextPage,
    retry: () => void refetch(),
  };
}

/** One session's entry: the very object the sidebar shows for it (null until the session is known). */
export function useSessionEntry(projectId: string, sessionId: string): SessionEntry | null {
  const client = useQueryClient();
  const known = useEntryInputs(projectId);
  const ids = useMemo(() => [sessionId], [sessionId]);
  const inputs = useMissingTasks(projectId, ids, known);
  return useMemo(() => buildEntry(entryMemo(client, projectId), inputs, sessionId), [client, projectId, inputs, sessionId]);
}

export interface StartTask {
  newChat(message: string): Promise<{ sessionId: string }>;
  retry(entry: SessionEntry): Promise<{ sessionId: string }>;
  fork(entry: SessionEntry, message: string): Promise<{ sessionId: string }>;
}

/** New chats, retries and forks all start as a task submission (with `parentTaskId` + `contextSummary` for the latter). */
export function useStartTask(projectId: string): StartTask {
  const client = useQueryClient();
  return useMemo(() => {
    const started = ({ sessionId }: { sessionId: string }) => {
      void client.invalidateQueries({ queryKey: keys.sessionList(projectId) });
      void client.invalidateQueries({ queryKey: keys.taskList(projectId) });
      return { sessionId };
    };
    const { api } = liveContext(client);
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
  }, [client, projectId]);
}
