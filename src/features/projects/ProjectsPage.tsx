import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queries } from '../../api/queries';
import { describeError } from '../../api/http';
import { ErrorCard } from '../../ui/ErrorCard';
import { useNow } from '../../ui/useNow';
import { ProjectCard } from './ProjectCard';
import { useRefreshOnTick } from './useRefreshOnTick';

export function ProjectsPage() {
  // The list brings new projects and each one's active chats and last activity; it stays current too.
  const projects = useQuery({ ...queries.projects(), refetchOnWindowFocus: true });
  useRefreshOnTick(useNow(), () => void projects.refetch());
  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-5xl p-4 sm:p-6">
        <h1 className="text-xl font-semibold">Projects</h1>
        <p className="mt-1 text-sm text-muted">
          Pick a project to watch its agents live, or see{' '}
          <Link to="/needs-you" className="font-medium text-accent underline">
            everything that needs you
          </Link>
          .
        </p>
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

function ProjectSkeletons() {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-busy="true" aria-label="Loading projects">
      {[0, 1, 2].map((i) => (
        <li key={i} className="h-28 animate-pulse rounded-lg border border-line bg-raised" />
      ))}
    </ul>
  );
}
