import { useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { SessionEntry } from '../../reconcile/types';
import { buildEntries, buildEntry, listedSessionIds } from '../sessionEntries';
import { useProjectPart } from './useProjectPart';
import { useAttentionProbes, useSessionEntryInputs, useMissingTasks } from './useSessionEntryInputs';

export type QueryStatusName = 'pending' | 'error' | 'success';

export interface SessionEntries {
  entries: SessionEntry[];
  status: QueryStatusName;
  /** A look at an active session's open question is under way: one of them may yet need the person. */
  attentionPending: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
  isLoadingMore: boolean;
  retry(): void;
}

/** The sidebar's entries, in its order, with the list's paging. */
export function useSessionEntries(projectId: string): SessionEntries {
  const part = useProjectPart();
  const known = useSessionEntryInputs(projectId);
  const list = useInfiniteQuery(part.queries.sessionList(projectId));
  const ids = useMemo(() => listedSessionIds(list.data?.pages ?? [], known.facts), [list.data, known.facts]);
  const inputs = useMissingTasks(projectId, ids, known);
  const attentionPending = useAttentionProbes(projectId, ids, known.facts);
  const memo = part.entryMemo(projectId);
  const entries = useMemo(() => buildEntries(memo, inputs, ids), [ids, inputs, memo]);
  const { fetchNextPage, refetch } = list;
  return {
    entries,
    status: list.status,
    attentionPending,
    error: list.error,
    hasMore: list.hasNextPage,
    loadMore: () => void fetchNextPage(),
    isLoadingMore: list.isFetchingNextPage,
    retry: () => void refetch(),
  };
}

/** One session's entry: the very object the sidebar shows for it (null until the session is known). */
export function useSessionEntry(projectId: string, sessionId: string): SessionEntry | null {
  const part = useProjectPart();
  const known = useSessionEntryInputs(projectId);
  const ids = useMemo(() => [sessionId], [sessionId]);
  const inputs = useMissingTasks(projectId, ids, known);
  return useMemo(() => buildEntry(part.entryMemo(projectId), inputs, sessionId), [part, projectId, inputs, sessionId]);
}
