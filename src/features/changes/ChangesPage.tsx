import { Link, useLocation, useParams } from 'react-router';
import { changesPath, chatPath } from '../../ui/chatPath';
import { ChangesView } from './ChangesView';
import { CommentsWaiting } from './CommentsWaiting';
import { DirectoryView, FileViewer, type FilesLinks } from './FilesView';

/*
 * `/projects/:projectId/chat/:sessionId/changes`: what the agent changed in its workspace. Two views under one
 * address, told apart by the query so each is a link of its own and Back works: the diff (no query), and the
 * files (`?view=files&dir=<folder>` or `?view=files&file=<path>`).
 */

const tabClass = 'inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium pointer-fine:min-h-9';

export function ChangesPage() {
  const { projectId = '', sessionId = '' } = useParams();
  // Not useSearchParams: react-router lives in the first screen's chunk, and that hook would add 0.4 KB gzip to it.
  const search = new URLSearchParams(useLocation().search);
  const showFiles = search.get('view') === 'files';
  const base = changesPath(projectId, sessionId);
  const links: FilesLinks = {
    dir: (path) => `${base}?${new URLSearchParams({ view: 'files', dir: path }).toString()}`,
    file: (path) => `${base}?${new URLSearchParams({ view: 'files', file: path }).toString()}`,
  };
  const file = search.get('file');
  return (
    <div className="flex min-h-0 flex-1 flex-col bg-canvas">
      <header className="shrink-0 border-b border-line bg-surface px-3 pt-1 sm:px-4">
        <div className="flex flex-wrap items-center gap-x-3">
          <Link to={chatPath(projectId, sessionId)} className="inline-flex min-h-11 items-center gap-1 text-sm text-accent underline pointer-fine:min-h-8">
            <span aria-hidden="true">←</span> Back to the chat
          </Link>
          <h1 className="text-base font-semibold">Workspace changes</h1>
        </div>
        <nav aria-label="Workspace views" className="flex gap-1">
          <Link
            to={base}
            aria-current={showFiles ? undefined : 'page'}
            className={`${tabClass} ${showFiles ? 'border-transparent text-muted' : 'border-accent'}`}
          >
            Changes
          </Link>
          <Link
            to={links.dir('.')}
            aria-current={showFiles ? 'page' : undefined}
            className={`${tabClass} ${showFiles ? 'border-accent' : 'border-transparent text-muted'}`}
          >
            Files
          </Link>
        </nav>
      </header>
      {!showFiles && <ChangesView projectId={projectId} sessionId={sessionId} />}
      {showFiles && file !== null && <FileViewer key={file} projectId={projectId} sessionId={sessionId} path={file} links={links} />}
      {showFiles && file === null && <DirectoryView projectId={projectId} sessionId={sessionId} dir={search.get('dir') || '.'} links={links} />}
      <CommentsWaiting projectId={projectId} sessionId={sessionId} />
    </div>
  );
}
