import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queries } from '../../api/queries';
import { describeError } from '../../api/http';
import type { ProjectSummary } from '../../api/contract';
import { ErrorCard } from '../../ui/ErrorCard';
import { RelativeTime } from '../../ui/RelativeTime';

export function ProjectsPage() {
  const projects = useQuery(queries.projects());
  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-5xl p-4 sm:p-6">
        <h1 className="text-xl font-semibold">Projects</h1>
        <p className="mt-1 text-sm text-muted">Pick a project to watch its agents live.</p>
        <div className="mt-4">
          {projects.isPending ? (
            <ProjectSkeletons />
          ) : projects.isError ? (
            <ErrorCard title="Projects could not be loaded" message={describeError(projects.error)} onRetry={() => void projects.refetch()} />
          ) : projects.data.projects.length === 0 ? (
            <p className="rounded-lg border border-dashed border-line p-6 text-center text-muted">
              No projects yet. Create one in SAM, and it will show up here.
            </p>
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {projects.data.projects.map((project) => (
                <li key={project.id}>
                  <ProjectCard project={project} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

function ProjectCard({ project }: { project: ProjectSummary }) {
  const counts = project.taskCountsByStatus;
  const failed = counts.failed ?? 0;
  return (
    <Link
      to={`/projects/${encodeURIComponent(project.id)}/chat`}
      className="block rounded-lg border border-line bg-surface p-4 hover:border-accent"
    >
      <h2 className="truncate font-semibold">{project.name}</h2>
      {project.repository && <p className="truncate text-sm text-muted">{project.repository}</p>}
      <dl className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <div className="flex gap-1">
          <dt className="text-muted">Active chats</dt>
          <dd className="font-semibold">{project.activeSessionCount}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-muted">Running tasks</dt>
          <dd className="font-semibold">{(counts.in_progress ?? 0) + (counts.delegated ?? 0) + (counts.queued ?? 0)}</dd>
        </div>
        {failed > 0 && (
          <div className="flex gap-1 text-state-failed">
            <dt>
              <span aria-hidden="true">✕ </span>Failed
            </dt>
            <dd className="font-semibold">{failed}</dd>
          </div>
        )}
      </dl>
      {project.lastActivityAt !== null && (
        <p className="mt-2 text-xs text-muted">
          Last activity <RelativeTime at={project.lastActivityAt} />
        </p>
      )}
    </Link>
  );
}

function ProjectSkeletons() {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-busy="true" aria-label="Loading projects">
      {[0, 1, 2].map((i) => (
        <li key={i} className="h-28 animate-pulse rounded-lg border border-line bg-raised" />
      ))}
    </ul>
  );
}
