import type { ReactNode } from 'react';
import { useId, type FormEvent, type KeyboardEvent } from 'react';
import { useDraft } from '../../../state/drafts';
import { Button } from '../../../ui/Button';

interface MessageBoxProps {
  sessionId: string;
  onSend(text: string): void;
  /** Shown beside Send (the interrupt button while the agent works). */
  extraAction?: ReactNode;
  /** The agent cannot take a prompt right now: SAM queues what is sent until it can. */
  queued?: boolean;
}

/** The follow-up box: Enter sends, Shift+Enter starts a new line; the text is kept as a draft per session. */
export function MessageBox({ sessionId, onSend, extraAction, queued = false }: MessageBoxProps) {
  const id = useId();
  const hintId = useId();
  const [draft, setDraft] = useDraft(sessionId);
  const text = draft.trim();

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (!text) return;
    onSend(text);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // While an input method is composing (Japanese, Chinese…), Enter confirms the composition.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  }

  return (
    <form onSubmit={send} className="flex flex-wrap items-end gap-2">
      <label htmlFor={id} className="sr-only">
        Message the agent
      </label>
      <textarea
        id={id}
        value={draft}
        rows={1}
        placeholder={queued ? 'Message the agent (queued until it is free)…' : 'Message the agent…'}
        aria-describedby={queued ? hintId : undefined}
        enterKeyHint="send"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        className="max-h-[40dvh] min-h-11 min-w-0 flex-1 resize-none rounded-md border border-line bg-surface px-3 py-2.5 text-base [field-sizing:content] md:text-sm"
      />
      {queued && (
        <p id={hintId} className="sr-only">
          The agent is busy: what you send now waits in SAM's queue and reaches it when it is free.
        </p>
      )}
      {extraAction}
      <Button type="submit" variant="primary" disabled={!text} aria-label="Send message">
        <span aria-hidden="true">↑</span>
        <span className="hidden sm:inline">Send</span>
      </Button>
    </form>
  );
}
