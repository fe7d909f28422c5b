import { useEffect, useState } from 'react';
import { useCommentActions } from '../../../live/react/comments';
import { useCommentTray, useCommentTrayStore } from '../../../state/commentTray';
import { Button } from '../../../ui/Button';
import { LiveAnnouncement } from '../../../ui/LiveAnnouncement';
import { MessageComments } from './MessageComments';
import { TrayItem } from './TrayItem';
import type { MessageCommentProps, RenderMessageComments } from './commentSlot';

interface CommentsLayerProps {
  projectId: string;
  sessionId: string;
  /** Hands the rows their comments part (the layer is loaded lazily; rows show nothing for comments until then). */
  onSlot(slot: RenderMessageComments): void;
}

/**
 * The comments of an open chat (docs/comments.md): gives every message row its Comment action and
 * threads, and shows the tray of comments not sent yet, which goes to the agent as one follow-up.
 */
export function CommentsLayer({ projectId, sessionId, onSlot }: CommentsLayerProps) {
  useEffect(() => onSlot(renderMessageComments), [onSlot]);
  return <CommentTray projectId={projectId} sessionId={sessionId} />;
}

function renderMessageComments(props: MessageCommentProps) {
  return <MessageComments {...props} />;
}

function CommentTray({ projectId, sessionId }: { projectId: string; sessionId: string }) {
  const drafts = useCommentTray(sessionId);
  const removeSent = useCommentTrayStore((state) => state.removeSent);
  const { sendTray } = useCommentActions(projectId, sessionId);
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  async function send() {
    setSending(true);
    setError(null);
    try {
      const result = await sendTray(drafts);
      if (result.sent) {
        removeSent(sessionId, result.sentIds);
        setOpen(false);
        setAnnouncement(`Sent ${countLabel(result.sentIds.length)} to the agent as one follow-up.`);
      } else {
        setError(result.error);
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSending(false);
    }
  }

  if (drafts.length === 0) return <LiveAnnouncement message={announcement} />;
  const listId = `comment-tray-${sessionId}`;
  return (
    <section aria-label="Comments to send" className="border-t border-line bg-surface px-3 py-2 sm:px-4">
      <div className="mx-auto flex max-w-3xl flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="ghost" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((was) => !was)} className="min-w-0">
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            <span data-testid="comment-tray-count">{countLabel(drafts.length)}</span>
            <span className="sr-only"> to send</span>
          </Button>
          <Button variant="primary" className="ml-auto" disabled={sending} onClick={() => void send()}>
            {sending ? 'Sending…' : 'Send to agent'}
          </Button>
        </div>
        {error && (
          <p role="alert" className="text-sm text-state-failed">
            <span aria-hidden="true">✕ </span>Not sent: {error}. Your comments are kept; send again when you are ready.
          </p>
        )}
        {open && (
          <ol id={listId} className="flex max-h-[30vh] flex-col gap-2 overflow-y-auto">
            {drafts.map((draft, index) => (
              <TrayItem key={draft.id} sessionId={sessionId} draft={draft} index={index} />
            ))}
          </ol>
        )}
      </div>
      <LiveAnnouncement message={announcement} />
    </section>
  );
}

function countLabel(n: number): string {
  return n === 1 ? '1 comment' : `${n} comments`;
}
