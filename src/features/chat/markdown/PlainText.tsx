/** Message text as plain, wrapped text: never parsed, so any size or shape is safe to show. */
export function PlainText({ text, className = '' }: { text: string; className?: string }) {
  return <div className={`min-w-0 whitespace-pre-wrap break-words ${className}`}>{text}</div>;
}
