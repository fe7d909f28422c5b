import { useMemo } from 'react';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { queries } from '../../api/queries';
import type { SessionRow } from '../../api/contract';
import { useNotificationCache, useNow } from '../../live/react';
import { useHeldAcrossProjects } from '../../live/react/queue';
import { needsYouQueue, type QueueItem, type QueueSession } from '../../reconcile/needsYouQueue';
import { feedNotifications } from '../../reconcile/notifications';
import { MINUTE_MS } from '../../reconcile/stall';
import { useStallPreference } from '../../state/stallPreference';

/** How often the queue asks each project again for its open questions (the cards' rhythm). */
const SESSIONS_STALE_MS = 20_000;

export interface NeedsYouQueueState {
  items: QueueItem[];
  status: 'pending' | 'error' | 'success';
  error: unknown;
  /** Projects whose open questions could not be read (null: the projects themselves could not be): some may be missing. */
  projectsNotChecked: number | null;
  retry(): void;
}

function fromListRow(projectId: string, row: SessionRow): QueueSession {
  return { ...row, projectId, activity: null, promptStartedAt: null, liveFactsKnown: false };
}

interface ListsResult {
  rows: readonly (readonly SessionRow[] | undefined)[];
  failed: readonly (() => unknown)[];
}

/** Outside the component, so the combined result keeps its identity while no list changes. */
function combineLists(results: UseQueryResult<SessionRow[]>[]): ListsResult {
  return {
    rows: results.map((result) => result.data),
    failed: results.filter((result) => result.isError).map((result) => result.refetch),
  };
}

/**
 * The queue's inputs: the unread notifications (every project), the sessions of the projects visited in
 * this tab (live facts) and, for every project with an active chat, its active sessions (their open
 * question), the tasks held, the project names and the app's clock.
 */
export function useNeedsYouQueue(): NeedsYouQueueState {
  const now = useNow();
  const stallAfterMinutes = useStallPreference((state) => state.stallAfterMinutes);
  const unread = useQuery(useNotificationCache().queries.unread());
  const projects = useQuery(queries.projects());
  const activeIds = useMemo(
    () => (projects.data?.projects ?? []).filter((project) => project.activeSessionCount > 0).map((project) => project.id),
    [projects.data],
  );
  const lists = useQueries({
    queries: activeIds.map((projectId) => ({ ...queries.projectActiveSessions(projectId), staleTime: SESSIONS_STALE_MS, refetchOnWindowFocus: true })),
    combine: combineLists,
  });
  const held = useHeldAcrossProjects();

  const items = useMemo(() => {
    const projectNames = new Map((projects.data?.projects ?? []).map((project) => [project.id, project.name]));
    // Held facts first: the first row of a session id wins, and the live one knows more.
    const sessions: QueueSession[] = held.sessions.map(({ projectId, facts }) => ({ ...facts, projectId, liveFactsKnown: true }));
    lists.rows.forEach((rows, i) => {
      const projectId = activeIds[i];
      if (projectId && rows) for (const row of rows) sessions.push(fromListRow(projectId, row));
    });
    return needsYouQueue({
      notifications: feedNotifications(unread.data),
      sessions,
      tasks: held.tasks,
      projectNames,
      now,
      stallAfterMs: stallAfterMinutes * MINUTE_MS,
    });
  }, [unread.data, projects.data, lists.rows, activeIds, held, now, stallAfterMinutes]);

  return {
    items,
    status: unread.isError ? 'error' : unread.isPending ? 'pending' : 'success',
    error: unread.error,
    projectsNotChecked: projects.isError ? null : lists.failed.length,
    retry: () => {
      void unread.refetch();
      void projects.refetch();
      for (const refetch of lists.failed) void refetch();
    },
  };
}
