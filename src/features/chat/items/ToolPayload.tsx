import { useState } from 'react';
import { payloadPreview } from './toolPayload';

/** One side of a tool call (input or output) as text; long ones show their start and a "Show all". */
export function ToolPayload({ label, text }: { label: string; text: string }) {
  const [showAll, setShowAll] = useState(false);
  const preview = showAll ? null : payloadPreview(text);
  return (
    <section className="min-w-0">
      <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">{label}</h4>
      {text === '' ? (
        <p className="text-sm text-muted">Nothing yet.</p>
      ) : (
        <pre tabIndex={0} className="max-h-96 overflow-auto rounded-md bg-raised p-2 font-mono text-xs leading-relaxed whitespace-pre-wrap break-words">
          {preview ?? text}
        </pre>
      )}
      {preview !== null && (
        <button
          type="button"
          onClick={() => setShowAll(true)}
          className="mt-1 inline-flex min-h-11 items-center text-sm text-accent underline pointer-fine:min-h-8"
        >
          Show all ({text.length.toLocaleString()} characters)
        </button>
      )}
    </section>
  );
}
