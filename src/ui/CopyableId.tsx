import { useEffect, useRef } from 'react';
import { useCopy } from './useCopy';

interface CopyableIdProps {
  /** What the id is, in words: "Parent task". */
  label: string;
  value: string;
  /** How many leading characters the short form shows. */
  visibleChars?: number;
  /** Hide the label visually (it still names the copy button) where a heading already says it. */
  hideLabel?: boolean;
}

/**
 * An opaque id shown short ("01HZX3K9…"), with the full value in its tooltip and accessible name,
 * copied whole on click. Where the clipboard is unavailable the full id is shown selected instead.
 */
export function CopyableId({ label, value, visibleChars = 8, hideLabel = false }: CopyableIdProps) {
  const { state, copy } = useCopy(value);
  const textRef = useRef<HTMLElement>(null);
  const short = value.length > visibleChars ? `${value.slice(0, visibleChars)}…` : value;

  useEffect(() => {
    if (state === 'failed' && textRef.current) window.getSelection()?.selectAllChildren(textRef.current);
  }, [state]);

  return (
    <span className="inline-flex min-w-0 max-w-full flex-wrap items-center gap-x-2 gap-y-1">
      <span className={hideLabel ? 'sr-only' : 'text-muted'}>{label}</span>
      <code ref={textRef} title={value} className="min-w-0 break-all rounded bg-raised px-1 font-mono text-xs">
        {state === 'failed' ? value : short}
      </code>
      <button
        type="button"
        onClick={() => void copy()}
        title={value}
        aria-label={`Copy ${label.toLowerCase()} id ${value}`}
        className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-line px-2 text-xs hover:bg-raised pointer-fine:min-h-8"
      >
        Copy
      </button>
      <span role="status" className="text-xs text-state-done">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Press Ctrl+C (⌘C) to copy' : ''}
      </span>
    </span>
  );
}
