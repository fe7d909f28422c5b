import { chatPath } from '../../../ui/chatPath';
import { useCopy } from '../../../ui/useCopy';

/** Copies this chat's address (without the simulator's or anyone's query string) to share or bookmark. */
export function CopyLinkButton({ projectId, sessionId }: { projectId: string; sessionId: string }) {
  const { state, copy } = useCopy(new URL(chatPath(projectId, sessionId), window.location.origin).href);
  return (
    <span className="relative inline-flex shrink-0 items-center">
      <button
        type="button"
        onClick={() => void copy()}
        aria-label="Copy link"
        title="Copy link to this chat"
        className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md text-muted hover:bg-raised hover:text-fg pointer-fine:min-h-8 pointer-fine:min-w-8"
      >
        <LinkIcon />
      </button>
      <span role="status" className="absolute right-0 top-full z-10 whitespace-nowrap rounded bg-raised px-1 text-xs text-state-done empty:hidden">
        {state === 'copied' ? 'Link copied' : state === 'failed' ? 'Could not copy: use the address bar' : ''}
      </span>
    </span>
  );
}

function LinkIcon() {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" aria-hidden="true">
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L10 5" />
      <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1-1" />
    </svg>
  );
}
