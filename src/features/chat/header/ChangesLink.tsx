import { Link } from 'react-router';
import { changesPath } from '../../../ui/chatPath';

/** The way to what the agent changed in its workspace: the diff and the files (a page of its own, loaded on demand). */
export function ChangesLink({ projectId, sessionId }: { projectId: string; sessionId: string }) {
  return (
    <Link
      to={changesPath(projectId, sessionId)}
      aria-label="Changes"
      title="Workspace changes: diff and files"
      className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded-md text-muted hover:bg-raised hover:text-fg pointer-fine:min-h-8 pointer-fine:min-w-8"
    >
      <svg viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" aria-hidden="true">
        <path d="M6 4v12M2 10h8M12 6h6M12 14h6" />
      </svg>
    </Link>
  );
}
