import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { AppShell } from './AppShell';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { ProjectsPage } from '../features/projects/ProjectsPage';
import { Spinner } from '../ui/Spinner';

// The project view is its own chunk: the projects page, the first screen, stays small. It is not
// React.lazy: a Suspense boundary's reveal is a retry, and React holds a retry back until 300 ms after
// any fallback was last shown or hidden; a reopened chat waited that out after all it needed had arrived
// (docs/persist.md). Here its arrival is an ordinary update, committed as soon as it has rendered.
let projectView: typeof import('./ProjectView') | undefined;
const loadProjectView = () => import('./ProjectView').then((module) => (projectView = module));
const NeedsYouPage = lazy(() => import('../features/notifications/lazySurfaces').then((m) => ({ default: m.NeedsYouPage })));

/**
 * Routes: `/` lists projects; `/needs-you` is the Needs-you queue; `/projects/:projectId/chat/:sessionId?` is the
 * live project view; `/projects/:projectId/chat/:sessionId/changes` is that chat's workspace (diff and files).
 * Declarative routes (no data router) keep about 18 KB gzip of router code off the first screen.
 */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<AppShell />}>
          <Route index element={<Guarded name="projects" element={<ProjectsPage />} />} />
          <Route path="needs-you" element={<Guarded name="needs-you" element={<Lazy label="Loading what needs you" element={<NeedsYouPage />} />} />} />
          <Route path="projects/:projectId" element={<ToProjectChat />} />
          <Route path="projects/:projectId/chat/:sessionId?" element={<Guarded name="project" element={<LazyProjectView />} />} />
          <Route path="projects/:projectId/chat/:sessionId/changes" element={<Guarded name="project" element={<LazyProjectView surface="changes" />} />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}

/**
 * One error boundary per route. A new address clears a caught error without remounting what is
 * healthy (switching chats must not reopen the project's socket).
 */
function Guarded({ name, element }: { name: string; element: React.ReactNode }) {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary key={name} resetKey={pathname}>
      {element}
    </RouteErrorBoundary>
  );
}

/** The chat and its workspace changes are one view (the same element at the same place), so moving between them keeps the project's stream. */
function LazyProjectView({ surface = 'chat' }: { surface?: 'chat' | 'changes' }) {
  const [, setArrived] = useState<unknown>();
  const [failed, setFailed] = useState<unknown>();
  if (failed) throw failed;
  if (!projectView) {
    // Asked for while this first renders (a second ask is the same module); its arrival re-renders this.
    void loadProjectView().then(setArrived, setFailed);
    return <RouteSpinner label="Loading project" />;
  }
  return <projectView.ProjectView surface={surface} />;
}

function Lazy({ label, element }: { label: string; element: React.ReactNode }) {
  return <Suspense fallback={<RouteSpinner label={label} />}>{element}</Suspense>;
}

function RouteSpinner({ label }: { label: string }) {
  return (
    <div className="flex flex-1 items-center justify-center p-6">
      <Spinner label={label} />
    </div>
  );
}

function ToProjectChat() {
  const { projectId = '' } = useParams();
  const { search } = useLocation();
  return <Navigate replace to={`/projects/${encodeURIComponent(projectId)}/chat${search}`} />;
}

function NotFound() {
  return (
    <div className="p-6">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <a className="mt-2 inline-flex min-h-11 items-center text-accent underline" href="/">
        Back to all projects
      </a>
    </div>
  );
}
