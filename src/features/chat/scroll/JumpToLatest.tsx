/** Shown while the reader is scrolled up: how much arrived since, and the way back down. */
export function JumpToLatest({ unseen, onJump }: { unseen: number; onJump(): void }) {
  const label = unseen === 0 ? 'Jump to latest' : `${unseen} new ${unseen === 1 ? 'message' : 'messages'}, jump to latest`;
  return (
    <button
      type="button"
      onClick={onJump}
      className="absolute bottom-3 left-1/2 z-10 inline-flex min-h-11 -translate-x-1/2 items-center gap-2 rounded-full bg-accent px-4 text-sm font-medium text-accent-fg shadow-lg"
    >
      <span aria-hidden="true">↓</span>
      {label}
    </button>
  );
}
