import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../../api/http';
import type { QueueItem, QueueItemKind } from '../../reconcile/needsYouQueue';
import { silenceDuration } from '../../reconcile/stall';
import { Button } from '../../ui/Button';
import { chatPath } from '../../ui/chatPath';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorCard } from '../../ui/ErrorCard';
import { RelativeTime } from '../../ui/RelativeTime';
import { AnswerStatus } from './QuestionAnswers';
import { targetOf, useAnswerQueueItem, useDismissQueueItem } from './queueActions';
import { useNeedsYouQueue } from './useNeedsYouQueue';

/*
 * The Needs-you queue (issue 16 item 1): every open question, failure, finished task and silent agent of
 * every project, oldest wait first (reconcile/needsYouQueue), each answerable or dismissable in place.
 * Keyboard: j/k (or the arrows) move between rows, 1-9 choose that option of the row's question, Enter on a
 * row opens its chat.
 */

const KIND: Record<QueueItemKind, { label: string; since: string; tone: string }> = {
  question: { label: 'Question', since: 'Asked', tone: 'text-state-attention' },
  failed: { label: 'Failed', since: 'Failed', tone: 'text-state-failed' },
  review: { label: 'Ready for review', since: 'Finished', tone: 'text-state-done' },
  stalled: { label: 'Working, silent', since: 'Last wrote', tone: 'text-state-working' },
};

const ROW = '[data-queue-row]';

export function NeedsYouPage() {
  const queue = useNeedsYouQueue();
  // Answered or dismissed here: gone at once, before SAM's next answer says so.
  const [settled, setSettled] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const focusedIndex = useRef(0);
  const navigate = useNavigate();
  const items = queue.items.filter((item) => !settled.has(item.key));

  const settle = useCallback((item: QueueItem, words: string) => {
    setSettled((held) => new Set(held).add(item.key));
    setAnnouncement(`${words}: ${item.chatName}. It left the queue.`);
  }, []);

  // A row that leaves while focused hands focus to the row that takes its place.
  useEffect(() => {
    const list = listRef.current;
    if (!list || (document.activeElement && document.activeElement !== document.body)) return;
    const rows = list.querySelectorAll<HTMLElement>(ROW);
    if (focusedKey !== null && rows.length > 0 && ![...rows].some((row) => row.dataset.key === focusedKey)) {
      rows[Math.min(focusedIndex.current, rows.length - 1)]?.focus();
    }
  }, [items, focusedKey]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]')) return;
      const list = listRef.current;
      if (!list) return;
      const rows = [...list.querySelectorAll<HTMLElement>(ROW)];
      const row = target?.closest<HTMLElement>(ROW) ?? null;
      const at = row ? rows.indexOf(row) : -1;
      if (event.key === 'j' || event.key === 'k' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (rows.length === 0 || ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !row)) return;
        const step = event.key === 'j' || event.key === 'ArrowDown' ? 1 : -1;
        const next = at === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, at + step));
        event.preventDefault();
        rows[next]?.focus();
      } else if (/^[1-9]$/.test(event.key) && row) {
        const option = row.querySelectorAll<HTMLButtonElement>('[data-option]')[Number(event.key) - 1];
        if (option && !option.disabled) {
          event.preventDefault();
          option.click();
        }
      } else if (event.key === 'Enter' && row && target === row && row.dataset.path) {
        event.preventDefault();
        void navigate(row.dataset.path);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  const activeKey = items.some((item) => item.key === focusedKey) ? focusedKey : (items[0]?.key ?? null);

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className="mx-auto max-w-3xl p-4 sm:p-6">
        <h1 className="text-xl font-semibold">Needs you</h1>
        <p className="mt-1 text-sm text-muted">
          Questions, failures and finished work across every project, the longest waiting first.{' '}
          <span className="hidden pointer-fine:inline">
            <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>1</kbd>–<kbd>9</kbd> answer, <kbd>Enter</kbd> opens the chat.
          </span>
        </p>
        <p role="status" className="sr-only">
          {announcement}
        </p>
        <div className="mt-4">
          {queue.status === 'pending' ? (
            <ul className="flex flex-col gap-3" aria-busy="true" aria-label="Loading what needs you">
              {[0, 1, 2].map((i) => (
                <li key={i} className="h-28 animate-pulse rounded-lg border border-line bg-raised" />
              ))}
            </ul>
          ) : queue.status === 'error' ? (
            <ErrorCard title="What needs you could not be loaded" message={describeError(queue.error)} onRetry={queue.retry} />
          ) : (
            <>
              {queue.projectsNotChecked !== 0 && (
                <div role="alert" className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-state-failed/40 p-3 text-sm">
                  <p className="min-w-0 flex-1 break-words">
                    {queue.projectsNotChecked === null
                      ? 'The projects could not be loaded: open questions of chats not opened here may be missing.'
                      : `${queue.projectsNotChecked} project${queue.projectsNotChecked === 1 ? '' : 's'} could not be checked for open questions.`}
                  </p>
                  <Button onClick={queue.retry}>Retry</Button>
                </div>
              )}
              {items.length === 0 ? (
                <EmptyState title="Nothing needs you">No open questions, failures or finished work are waiting. New ones appear here as they come.</EmptyState>
              ) : (
                <ul ref={listRef} className="flex flex-col gap-3" aria-label={`${items.length} waiting, longest first`}>
                  {items.map((item, index) => (
                    <QueueRow
                      key={item.key}
                      item={item}
                      tabbable={item.key === activeKey}
                      onFocus={() => {
                        setFocusedKey(item.key);
                        focusedIndex.current = index;
                      }}
                      onSettled={settle}
                    />
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}

interface QueueRowProps {
  item: QueueItem;
  /** The row Tab reaches in the list (one row at a time: j/k move between them). */
  tabbable: boolean;
  onFocus(): void;
  onSettled(item: QueueItem, words: string): void;
}

function QueueRow({ item, tabbable, onFocus, onSettled }: QueueRowProps) {
  const titleId = useId();
  const kind = KIND[item.kind];
  const target = targetOf(item);
  const path = item.projectId !== null ? chatPath(item.projectId, item.sessionId) : null;
  const dismiss = useDismissQueueItem();
  const answer = useAnswerQueueItem(item, (words) => onSettled(item, `Answered “${words}”`));
  const question = item.question;
  const answerable = question?.open === true && target !== null;
  const markerId = answerable ? question.markerId : null;

  return (
    <li>
      <article
        data-queue-row=""
        data-key={item.key}
        data-path={path ?? undefined}
        tabIndex={tabbable ? 0 : -1}
        aria-labelledby={titleId}
        onFocus={(event) => {
          if (event.target === event.currentTarget) onFocus();
        }}
        className="rounded-lg border border-line bg-surface p-3 focus-visible:outline-2 focus-visible:outline-accent sm:p-4"
      >
        <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-muted">
          <span className={`font-semibold ${kind.tone}`}>
            {item.kind === 'stalled' && item.silentFor !== undefined ? `Working, silent for ${silenceDuration(item.silentFor)}` : kind.label}
          </span>
          <span aria-hidden="true">·</span>
          <span className="max-w-full truncate">{item.projectName ?? 'Unknown project'}</span>
          <span aria-hidden="true">·</span>
          <span>
            {kind.since} <RelativeTime at={item.waitingSince} />
          </span>
        </p>
        <h2 id={titleId} className="mt-1 break-words font-semibold">
          {item.chatName}
        </h2>
        {item.detail && <p className="mt-0.5 line-clamp-3 break-words text-sm">{item.detail}</p>}
        {question && !question.open && <p className="mt-1 text-sm text-muted">Answered or expired in the chat: dismiss it once seen.</p>}
        {markerId !== null && question && question.options.length > 0 && (
          <div role="group" aria-label={`Answer: ${item.chatName}`} className="mt-2 flex flex-wrap gap-2">
            {question.options.map((option, i) => (
              <Button
                key={option}
                data-option=""
                className="max-w-full break-words"
                disabled={answer.isPending}
                aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
                onClick={() => answer.mutate({ kind: 'option', markerId, answer: option })}
              >
                {i < 9 && (
                  <span aria-hidden="true" className="text-xs text-muted">
                    {i + 1}
                  </span>
                )}
                {option}
              </Button>
            ))}
          </div>
        )}
        {answerable && <ReplyForm chatName={item.chatName} pending={answer.isPending} onReply={(text) => answer.mutate({ kind: 'text', text })} />}
        <AnswerStatus pending={answer.isPending} error={answer.isError ? answer.error : null} />
        <div className="mt-2 flex flex-wrap gap-2">
          {path && (
            <Link to={path} className="inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-accent underline pointer-fine:min-h-9">
              Open chat<span className="sr-only">: {item.chatName}</span>
            </Link>
          )}
          {item.notificationIds.length > 0 ? (
            <Button
              variant="ghost"
              onClick={() => {
                dismiss(item);
                onSettled(item, 'Dismissed');
              }}
            >
              Dismiss<span className="sr-only">: {item.chatName}</span>
            </Button>
          ) : (
            <Button variant="ghost" onClick={() => onSettled(item, 'Hidden until you come back')}>
              Hide for now<span className="sr-only">: {item.chatName}</span>
            </Button>
          )}
        </div>
      </article>
    </li>
  );
}

function ReplyForm({ chatName, pending, onReply }: { chatName: string; pending: boolean; onReply(text: string): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reply = text.trim();
    if (reply && !pending) onReply(reply);
  };
  return (
    <form onSubmit={submit} className="mt-2 flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Reply in your own words: {chatName}
      </label>
      <input
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Or reply in your own words"
        className="min-h-11 min-w-0 flex-1 basis-48 rounded-md border border-line bg-canvas px-2 text-sm pointer-fine:min-h-9"
      />
      <Button type="submit" disabled={pending || text.trim() === ''}>
        Send
      </Button>
    </form>
  );
}
