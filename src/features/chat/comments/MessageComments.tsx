import { useMemo, useRef, useState } from 'react';
import { COMMENT_LIMITS } from '../../../api/contract/comments';
import { useCommentActions, useCommentThreads, type CommentThread } from '../../../live/react/comments';
import { quoteWithin, threadState, type ThreadState } from '../../../reconcile/comments';
import { addToCommentTray } from '../../../state/commentTray';
import { Button } from '../../../ui/Button';
import { CommentForm } from '../../../ui/CommentForm';
import { useChatScope } from '../chatScope';
import { MessageFootLine, type MessageCommentProps } from './commentSlot';
import { Quote } from './Quote';

/** The text selected inside `row`, if the selection lies wholly in it. */
function selectionWithin(row: Element | null): string | null {
  const selection = window.getSelection();
  if (!row || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  if (!row.contains(selection.getRangeAt(0).commonAncestorContainer)) return null;
  return selection.toString().trim() || null;
}

/**
 * Under a message: its Comment action and the threads anchored to it. "Comment" quotes the text selected
 * in the message, or the whole message when nothing is selected (the way on a phone or a keyboard).
 */
export function MessageComments({ messageId, role, text, time }: MessageCommentProps) {
  const scope = useChatScope();
  const rootRef = useRef<HTMLDivElement>(null);
  const selected = useRef<string | null>(null);
  const [quote, setQuote] = useState<string | null>(null);
  if (!scope) return <MessageFootLine role={role}>{time}</MessageFootLine>;
  const { projectId, sessionId } = scope;

  function rememberSelection() {
    selected.current = selectionWithin(rootRef.current?.closest('[data-index]') ?? null);
  }
  function startComment() {
    const passage = selected.current ?? selectionWithin(rootRef.current?.closest('[data-index]') ?? null) ?? text;
    selected.current = null;
    setQuote(quoteWithin(passage, COMMENT_LIMITS.quoteMax));
  }

  return (
    <div ref={rootRef} className={`flex flex-col gap-2 ${role === 'user' ? 'items-end' : 'items-start'}`}>
      <MessageFootLine role={role}>
        {time}
        {quote === null && (
          <Button
            variant="ghost"
            className="text-xs text-muted"
            onPointerDown={rememberSelection}
            onClick={startComment}
            aria-label={role === 'user' ? 'Comment on your message' : 'Comment on the agent’s message'}
          >
            Comment
          </Button>
        )}
      </MessageFootLine>
      <Threads projectId={projectId} sessionId={sessionId} messageId={messageId} />
      {quote !== null && (
        <CommentForm
          name="New comment"
          fieldLabel="Your comment on this passage"
          quoted={<Quote text={quote} />}
          className="w-full max-w-xl rounded-md border border-line bg-surface p-2"
          onCancel={() => setQuote(null)}
          onAdd={(body) => {
            addToCommentTray(sessionId, { kind: 'message', messageId, role, quote }, body);
            setQuote(null);
          }}
        />
      )}
    </div>
  );
}

const STATE_LABEL: Record<ThreadState, { icon: string; label: string; tone: string }> = {
  open: { icon: '○', label: 'Open', tone: 'text-state-attention' },
  sent: { icon: '➤', label: 'Sent', tone: 'text-state-working' },
  resolved: { icon: '✓', label: 'Resolved', tone: 'text-state-done' },
  unknown: { icon: '?', label: 'Unknown status', tone: 'text-state-muted' },
};

function Threads({ projectId, sessionId, messageId }: { projectId: string; sessionId: string; messageId: string }) {
  const { threads } = useCommentThreads(projectId, sessionId);
  const mine = useMemo(() => threads.filter((thread) => thread.anchor.messageId === messageId), [threads, messageId]);
  if (mine.length === 0) return null;
  return (
    <ul aria-label="Comments on this message" className="flex w-full max-w-xl flex-col gap-1.5">
      {mine.map((thread) => (
        <ThreadCard key={thread.id} projectId={projectId} sessionId={sessionId} thread={thread} />
      ))}
    </ul>
  );
}

function ThreadCard({ projectId, sessionId, thread }: { projectId: string; sessionId: string; thread: CommentThread }) {
  const { resolve, reopen } = useCommentActions(projectId, sessionId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const state = threadState(thread);
  const shown = STATE_LABEL[state];
  async function change(run: (threadId: string) => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await run(thread.id);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li data-thread-state={state} className="flex flex-col gap-1 rounded-md border border-line bg-surface p-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className={`inline-flex items-center gap-1 font-medium ${shown.tone}`}>
          <span aria-hidden="true">{shown.icon}</span>
          {shown.label}
        </span>
        <span className="text-xs text-muted">{thread.author.name ?? thread.author.displayName ?? 'Someone'}</span>
        {state === 'resolved' ? (
          <Button variant="ghost" className="ml-auto" disabled={busy} onClick={() => void change(reopen)}>
            Reopen
          </Button>
        ) : (
          <Button variant="ghost" className="ml-auto" disabled={busy} onClick={() => void change(resolve)}>
            Resolve
          </Button>
        )}
      </div>
      {thread.anchor.quote && <Quote text={thread.anchor.quote} clamp />}
      <p className="whitespace-pre-wrap break-words">{thread.body}</p>
      {error && (
        <p role="alert" className="text-state-failed">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
    </li>
  );
}
