import { useEffect, useRef } from 'react';
import { linesLabel, type LinesAnchor } from '../../reconcile/comments';
import { Button } from '../../ui/Button';
import { CommentForm } from '../../ui/CommentForm';

/** A toggle that is on looks it: filled, with a tick (aria-pressed tells a screen reader). */
export const PRESSED = 'aria-pressed:bg-accent aria-pressed:text-accent-fg aria-pressed:hover:bg-accent';

/** `lines 12–14` or `line 12`: what the Comment button says. */
export function rangeWords(anchor: Pick<LinesAnchor, 'firstLine' | 'lastLine' | 'side'>): string {
  const range = anchor.firstLine === anchor.lastLine ? `line ${anchor.firstLine}` : `lines ${anchor.firstLine}–${anchor.lastLine}`;
  return anchor.side === 'old' ? `removed ${range}` : range;
}

interface LineCommentBarProps {
  anchor: LinesAnchor;
  extending: boolean;
  writing: boolean;
  onToggleExtend(): void;
  onClear(): void;
  onWrite(): void;
  onCancel(): void;
  onAdd(body: string): void;
}

/**
 * Under the diff while lines are chosen: what is chosen, Extend (a tap on another line number then grows the
 * range: shift-click for a pointer), Comment, Clear; and the comment being written, with the quote it carries.
 */
export function LineCommentBar({ anchor, extending, writing, onToggleExtend, onClear, onWrite, onCancel, onAdd }: LineCommentBarProps) {
  const words = rangeWords(anchor);
  const barRef = useRef<HTMLElement>(null);
  const wasWriting = useRef(writing);
  // A comment cancelled: focus goes back to the button that opened it.
  useEffect(() => {
    if (wasWriting.current && !writing) barRef.current?.querySelector<HTMLElement>('[aria-keyshortcuts="c"]')?.focus();
    wasWriting.current = writing;
  }, [writing]);
  return (
    <section ref={barRef} aria-label="Chosen lines" className="shrink-0 border-t border-line bg-surface px-3 py-2">
      {writing ? (
        <LineCommentForm anchor={anchor} onAdd={onAdd} onCancel={onCancel} />
      ) : (
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <p className="min-w-0 flex-1 basis-40 break-all text-sm">
            <span className="font-mono text-xs">{linesLabel(anchor)}</span>
            {anchor.side === 'old' && <span className="text-muted"> (removed)</span>}
            <span className="block text-xs text-muted">
              {extending ? 'Tap or click a line number to grow the range.' : 'Shift-click a line number, or use Extend, to grow the range.'}
            </span>
          </p>
          <div className="flex flex-wrap items-center gap-1">
            <Button variant="ghost" aria-pressed={extending} onClick={onToggleExtend} className={PRESSED}>
              {extending && <span aria-hidden="true">✓</span>}
              Extend
            </Button>
            <Button variant="ghost" onClick={onClear}>
              Clear
            </Button>
            <Button variant="primary" aria-keyshortcuts="c" title="Comment (c)" onClick={onWrite}>
              Comment on {words}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

function LineCommentForm({ anchor, onAdd, onCancel }: { anchor: LinesAnchor; onAdd(body: string): void; onCancel(): void }) {
  return (
    <CommentForm
      name="New comment on lines"
      fieldLabel="Your comment on these lines"
      rows={2}
      onAdd={onAdd}
      onCancel={onCancel}
      quoted={
        <>
          <p className="break-all font-mono text-xs">{linesLabel(anchor)}</p>
          <pre
            tabIndex={0}
            aria-label="Quoted lines"
            className="max-h-20 overflow-auto whitespace-pre-wrap sm:max-h-28 break-all border-l-4 border-line pl-2 font-mono text-xs text-muted"
          >
            {anchor.quote}
          </pre>
        </>
      }
    />
  );
}
