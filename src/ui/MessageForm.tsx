import { useId, useState, type FormEvent } from 'react';
import { describeError } from '../api/http';
import { Button } from './Button';

interface MessageFormProps {
  /** The field's visible label: "What should the agent do?". */
  label: string;
  submitLabel: string;
  /** Resolves when the message was accepted; a rejection keeps the text and shows why. */
  onSubmit(message: string): Promise<void>;
  onCancel?: () => void;
  placeholder?: string;
}

/** A short message box with its own pending and error states: used to start a chat or a fork. */
export function MessageForm({ label, submitLabel, onSubmit, onCancel, placeholder }: MessageFormProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const message = text.trim();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!message || pending) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit(message);
      setText('');
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-2" aria-busy={pending}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        rows={3}
        autoFocus
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void submit();
          if (e.key === 'Escape' && onCancel) onCancel();
        }}
        className="w-full resize-y rounded-md border border-line bg-surface p-2 text-base md:text-sm"
      />
      {error && (
        <p role="alert" className="break-words text-sm text-state-failed">
          {error}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={!message || pending}>
          {pending ? 'Starting…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
