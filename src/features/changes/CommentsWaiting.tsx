import { Link } from 'react-router';
import { useCommentTray } from '../../state/commentTray';
import { chatPath } from '../../ui/chatPath';

/**
 * The chat's comments not sent yet, said under the workspace's views: the tray (and its Send) lives in the
 * chat, so a comment added here is one tap from being sent with the others.
 */
export function CommentsWaiting({ projectId, sessionId }: { projectId: string; sessionId: string }) {
  const count = useCommentTray(sessionId).length;
  if (count === 0) return null;
  return (
    <section aria-label="Comments not sent yet" className="flex shrink-0 flex-wrap items-center gap-x-3 border-t border-line bg-surface px-3 text-sm">
      <p data-testid="comments-waiting">
        <span aria-hidden="true">✎ </span>
        {count === 1 ? '1 comment' : `${count} comments`} ready to send
      </p>
      <Link
        to={chatPath(projectId, sessionId)}
        data-comments-waiting-link=""
        className="ml-auto inline-flex min-h-11 items-center gap-1 text-accent underline pointer-fine:min-h-8"
      >
        Back to the chat to send <span aria-hidden="true">→</span>
      </Link>
    </section>
  );
}
