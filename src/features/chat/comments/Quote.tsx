/** A quoted passage, shown as plain text (wire text is never markup here). */
export function Quote({ text, clamp = false }: { text: string; clamp?: boolean }) {
  if (clamp) return <blockquote className="line-clamp-3 whitespace-pre-wrap break-words border-l-4 border-line pl-2 text-sm text-muted">{text}</blockquote>;
  // Scrolls when long: focusable, so a keyboard can scroll it too.
  return (
    <blockquote
      tabIndex={0}
      aria-label="Quoted passage"
      className="max-h-40 overflow-y-auto whitespace-pre-wrap break-words border-l-4 border-line pl-2 text-sm text-muted"
    >
      {text}
    </blockquote>
  );
}
