import { useId, useState, type ReactNode } from 'react';
import { COMMENT_LIMITS } from '../api/contract/commentLimits';
import { Button } from './Button';

interface CommentFormProps {
  /** The form's accessible name. */
  name: string;
  /** The field's visible label ("Your comment on this passage"). */
  fieldLabel: string;
  /** What is commented on, shown above the field. */
  quoted: ReactNode;
  rows?: number;
  className?: string;
  onAdd(body: string): void;
  onCancel(): void;
}

/** Writing one comment for the tray: the quoted text, the field, Cancel (or Escape) and Add to comments. */
export function CommentForm({ name, fieldLabel, quoted, rows = 3, className = '', onAdd, onCancel }: CommentFormProps) {
  const [body, setBody] = useState('');
  const id = useId();
  return (
    <form
      aria-label={name}
      className={`flex flex-col gap-1.5 ${className}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim()) onAdd(body.trim());
      }}
    >
      {quoted}
      <label htmlFor={id} className="text-xs text-muted">
        {fieldLabel}
      </label>
      <textarea
        id={id}
        value={body}
        autoFocus
        rows={rows}
        maxLength={COMMENT_LIMITS.bodyMax}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
        className="w-full rounded-md border border-line bg-canvas p-2 text-base text-fg sm:text-sm"
      />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={!body.trim()}>
          Add to comments
        </Button>
      </div>
    </form>
  );
}
