/**
 * A polite live region. It stays mounted and only its text changes, which is what screen readers
 * announce; an empty message says nothing.
 */
export function LiveAnnouncement({ message }: { message: string }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
      {message}
    </div>
  );
}
