import { useState } from 'react';
import { linesLabel, type DraftComment } from '../../../reconcile/comments';
import { useCommentTrayStore } from '../../../state/commentTray';
import { Button } from '../../../ui/Button';
import { Quote } from './Quote';

/** One comment waiting in the tray: its quote and text, which can be changed or taken out before sending. */
export function TrayItem({ sessionId, draft, index }: { sessionId: string; draft: DraftComment; index: number }) {
  const edit = useCommentTrayStore((state) => state.edit);
  const remove = useCommentTrayStore((state) => state.remove);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(draft.body);
  const label = `Comment ${index + 1}`;
  return (
    <li aria-label={label} className="flex flex-col gap-1.5 rounded-md border border-line bg-canvas p-2">
      {draft.anchor.kind === 'lines' && <p className="break-all font-mono text-xs">{linesLabel(draft.anchor)}</p>}
      <Quote text={draft.anchor.quote} clamp />
      {editing ? (
        <form
          className="flex flex-col gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            if (!text.trim()) return;
            edit(sessionId, draft.id, text.trim());
            setEditing(false);
          }}
        >
          <label className="text-xs text-muted" htmlFor={`edit-${draft.id}`}>
            Edit {label.toLowerCase()}
          </label>
          <textarea
            id={`edit-${draft.id}`}
            value={text}
            autoFocus
            rows={3}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setEditing(false);
            }}
            className="w-full rounded-md border border-line bg-surface p-2 text-base text-fg sm:text-sm"
          />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={!text.trim()}>
              Save
            </Button>
          </div>
        </form>
      ) : (
        <>
          <p className="whitespace-pre-wrap break-words text-sm">{draft.body}</p>
          <div className="flex flex-wrap justify-end gap-2">
            <Button
              variant="ghost"
              aria-label={`Edit ${label.toLowerCase()}`}
              onClick={() => {
                setText(draft.body);
                setEditing(true);
              }}
            >
              Edit
            </Button>
            <Button variant="ghost" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => remove(sessionId, draft.id)}>
              Remove
            </Button>
          </div>
        </>
      )}
    </li>
  );
}
