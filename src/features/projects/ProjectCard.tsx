import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queries } from '../../api/queries';
import type { ProjectSummary } from '../../api/contract';
import { projectCardCounts } from '../../reconcile/projectCounts';
import { RelativeTime } from '../../ui/RelativeTime';
import { useNow } from '../../ui/useNow';
import { useRefreshOnTick } from './useRefreshOnTick';

/** A card's counts are refreshed on the app clock's tick and on focus once older than this. */
const COUNTS_STALE_MS = 20_000;
const refreshing = { staleTime: COUNTS_STALE_MS, refetchOnWindowFocus: true } as const;

/**
 * One project: who needs you, what works, what failed. SAM's projects list carries no task counts, so
 * each card asks the project's own route (and, when a chat is active, its active sessions).
 */
export function ProjectCard({ project }: { project: ProjectSummary }) {
  const now = useNow();
  const detail = useQuery({ ...queries.project(project.id), ...refreshing });
  const summary = detail.data?.summary ?? null;
  const activeSessionCount = summary?.activeSessionCount ?? project.activeSessionCount;
  const anyActive = activeSessionCount > 0;
  const sessions = useQuery({ ...queries.projectActiveSessions(project.id), ...refreshing, enabled: anyActive });
  useRefreshOnTick(now, () => {
    void detail.refetch();
    if (anyActive) void sessions.refetch();
  });
  const counts = projectCardCounts({
    taskCounts: summary?.taskCountsByStatus ?? null,
    activeSessions: anyActive ? (sessions.data ?? null) : null,
    activeSessionCount: detail.isSuccess ? activeSessionCount : null,
    now,
  });
  const lastActivityAt = summary?.lastActivityAt ?? project.lastActivityAt;
  return (
    <Link to={`/projects/${encodeURIComponent(project.id)}/chat`} className="block rounded-lg border border-line bg-surface p-4 hover:border-accent">
      <h2 className="truncate font-semibold">{project.name}</h2>
      {project.repository && <p className="truncate text-sm text-muted">{project.repository}</p>}
      <dl className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Count label="Needs you" value={counts.needsYou} pending={detail.isPending || (anyActive && sessions.isPending)} tone="text-state-attention" />
        <Count label="Working" value={counts.working} pending={detail.isPending} tone="text-state-working" />
        <Count label="Failed" value={counts.failed} pending={detail.isPending} tone="text-state-failed" />
      </dl>
      {lastActivityAt !== null && (
        <p className="mt-2 text-xs text-muted">
          Last activity <RelativeTime at={lastActivityAt} />
        </p>
      )}
    </Link>
  );
}

/** One figure; a figure not known is said to be so (never a 0 that SAM did not send). */
function Count({ label, value, pending, tone }: { label: string; value: number | null; pending: boolean; tone: string }) {
  return (
    <div className={`flex gap-1 ${value ? tone : ''}`}>
      <dt className={value ? '' : 'text-muted'}>{label}</dt>
      <dd className="font-semibold">{value ?? <span className="font-normal text-muted">{pending ? 'checking…' : 'unknown'}</span>}</dd>
    </div>
  );
}
